import type { Claim } from '@/lib/kb';
import { ClaimDetails } from './claim-details';

/** The in-page id of a claim's card. */
export function claimAnchor(claimId: string): string {
  return `claim-${claimId}`;
}

function verdictText(v: string): string {
  return v === 'never' ? 'never violated' : `${v} violated`;
}

/**
 * A claim: badge (id, kind, status, headline verdict), paraphrase, what it answers, every scenario
 * link with its verdict, and the replay in place. Without JavaScript the card still unfolds
 * (it is a <details>) and the scenario links lead to the server-rendered replay.
 */
export function ClaimCard({ claim, thread }: { claim: Claim; thread: string }) {
  const first = claim.scenarios[0];
  const status = claim.status.state === 'landed' && claim.status.commit !== null ? `landed ${claim.status.commit.slice(0, 12)}` : claim.status.state;
  const summary = (
    <>
      <span className={`claim-badge kind-${claim.kind}`}>
        {claim.id} · {claim.kind}
      </span>{' '}
      <span className="claim-title">{claim.title}</span> <span className="muted small">— {claim.speaker} · {status}</span>
      {first !== undefined ? (
        <span className={`verdict-badge ${first.verdict}`}>
          {' '}
          {first.variant}: {verdictText(first.verdict)}
        </span>
      ) : null}
    </>
  );
  return (
    <ClaimDetails id={claimAnchor(claim.id)} claimId={claim.id} summary={summary} replay={first === undefined ? null : { thread, scenario: first.scenario, variant: first.variant, invariant: first.invariant }}>
      <p>{claim.paraphrase}</p>
      {claim.answers.length > 0 ? (
        <p className="small">
          answers{' '}
          {claim.answers.map((a, i) => (
            <span key={a}>
              {i > 0 ? ', ' : ''}
              <a href={`#${claimAnchor(a)}`}>{a}</a>
            </span>
          ))}
        </p>
      ) : null}
      {claim.scenarios.length > 0 ? (
        <ul className="small scenario-links">
          {claim.scenarios.map((l, i) => (
            <li key={i}>
              <a href={`/s/${encodeURIComponent(thread)}/${encodeURIComponent(l.scenario)}?v=${encodeURIComponent(l.variant)}`}>
                {l.scenario} @ {l.variant}
              </a>{' '}
              → <code>{l.invariant}</code> {verdictText(l.verdict)} ({l.relation})
            </li>
          ))}
        </ul>
      ) : null}
      {claim.notReplayable !== null ? <p className="muted small">Not replayable: {claim.notReplayable}</p> : null}
      {claim.scenarioPending !== null ? <p className="muted small">Scenario pending: {claim.scenarioPending}</p> : null}
    </ClaimDetails>
  );
}
