import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { headers } from 'next/headers';
import { annotationForSlug, findScenario, getReadStore, threadRootForSlug } from '@/lib/store';
import { runScenario, scenarioVariants } from '@/lib/scenario';
import { THREAD_VARIANTS, type ThreadSlug } from '@/lib/engine';
import { citeScenario } from '@/lib/kb';
import { ScenarioPlayer } from '@/app/_components/scenario/scenario-player';
import { traceSnapshots } from '@/app/_components/scenario/trace-snapshots';
import { CopyButton } from '@/app/_components/copy-button';
import { ExplorePanel } from '@/app/_components/scenario/explore-panel';
import { pageParam, threadUrl } from '@/app/_components/urls';

export const dynamic = 'force-dynamic';

type Params = Promise<{ key: string[] }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}


export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const e = findScenario((await params).key.map(pageParam));
  return { title: e?.scenario.title ?? 'scenario' };
}

/** The site's own origin for citations: THREADLAB_SITE_URL when set (behind a proxy), else the request's host. */
async function siteUrl(): Promise<string> {
  const fromEnv = process.env.THREADLAB_SITE_URL;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const h = await headers();
  const host = h.get('host') ?? 'localhost:3000';
  return `${h.get('x-forwarded-proto') ?? 'http'}://${host}`;
}

/** A scenario: the claim it replays, its variants, the step-by-step player and the full trace as text. */
export default async function ScenarioPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const entry = findScenario((await params).key.map(pageParam));
  if (entry === null) notFound();
  const s = entry.scenario;
  const sp = await searchParams;
  const variants = scenarioVariants(s);
  const variant = variants.includes(first(sp.v) ?? '') ? (first(sp.v) as string) : variants[0]!;
  // A mistyped ?v= still shows the scenario, but says plainly which variant is shown instead.
  const unknownVariant = first(sp.v) !== undefined && first(sp.v) !== variant ? first(sp.v)! : null;
  // ?schedule=a,b,a replays that interleaving (an explored counterexample); the runner reports an unfollowable one in run.error.
  const scheduleParam = first(sp.schedule);
  const run = runScenario(s, { variant, schedule: scheduleParam === undefined ? undefined : scheduleParam.split(',').filter((a) => a !== '').slice(0, 500) });
  const snapshots = traceSnapshots(s, variant, run.schedule);
  const stepParam = Number.parseInt(first(sp.step) ?? '', 10);
  const firstBreak = run.invariants.map((i) => i.firstStep).filter((n): n is number => n !== null).sort((a, b) => a - b)[0];
  const initialStep = Number.isInteger(stepParam) ? stepParam : run.steps.length;
  const variantInfo = (THREAD_VARIANTS[s.thread as ThreadSlug] ?? []).find((v) => v.id === variant);
  const actors = [...new Set(run.steps.map((st) => st.actor))];
  const root = threadRootForSlug(getReadStore(), s.thread);
  const annotation = annotationForSlug(s.thread)?.annotation ?? null;
  const headline = run.invariants.find((i) => i.violated) ?? run.invariants[0];
  const cite = headline === undefined ? null : citeScenario({ siteUrl: await siteUrl(), hash: entry.hash, scenarioId: s.id, variant, invariant: headline.id, step: headline.firstStep });
  const trace = run.steps
    .map((st) => `${String(st.index).padStart(3)} ${st.actor.padEnd(8)} ${st.fn}  [${st.ref}]\n      ${st.note}${st.changes.length > 0 ? `\n      changes: ${st.changes.join('; ')}` : ''}${st.violated.length > 0 ? `\n      VIOLATES ${st.violated.join(', ')}` : ''}`)
    .join('\n');
  return (
    <section className="scenario">
      <p className="muted small">
        scenario <code>{s.thread}/{s.id}</code> · content hash <a href={`/s/${entry.hash}?v=${encodeURIComponent(variant)}`} className="mono">{entry.hash}</a> · model {run.modelVersion}
      </p>
      <h1>{s.title}</h1>
      <p>{s.summary}</p>
      <p className="small">
        Thread {root !== null ? <a href={threadUrl(root)}>{s.thread}</a> : <code>{s.thread}</code>} · subsystems {s.subsystems.join(', ')}
      </p>
      <ul className="replayed-claims">
        {s.claims.map((id) => {
          const claim = annotation?.claims.find((c) => c.id === id);
          const href = root !== null ? `${threadUrl(root)}#claim-${id}` : null;
          return (
            <li key={id} data-claim={id}>
              {href !== null ? <a href={href} className="mono">{id}</a> : <code>{id}</code>}{' '}
              {claim !== undefined ? (
                <>
                  <span className="muted">{claim.kind} · {claim.speaker}:</span> <q>{claim.anchor.quote.exact}</q>
                </>
              ) : (
                <span className="muted">(a claim made outside the archived pages)</span>
              )}
            </li>
          );
        })}
      </ul>
      <h2>Variants</h2>
      <table className="variants">
        <thead>
          <tr>
            <th>variant</th>
            {s.invariants.map((inv) => (
              <th key={inv} className="mono small">{inv}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {variants.map((v) => (
            <tr key={v} className={v === variant ? 'current' : undefined}>
              <td>
                <a href={`?v=${encodeURIComponent(v)}`} className="mono">{v}</a>
                <div className="muted small">{(THREAD_VARIANTS[s.thread as ThreadSlug] ?? []).find((x) => x.id === v)?.title ?? ''}</div>
              </td>
              {s.invariants.map((inv) => {
                const verdict = s.expect[v]?.[inv] ?? '—';
                return (
                  <td key={inv} className={`verdict ${verdict}`}>
                    {verdict === 'never' ? 'never violated' : verdict === 'always' ? 'always violated' : verdict === 'sometimes' ? 'sometimes violated' : verdict}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <h2>
        Replay under <span className="mono">{variant}</span>
      </h2>
      {unknownVariant !== null ? (
        <p className="query-error unknown-variant" role="alert">
          {`This scenario has no variant "${unknownVariant}"; showing ${variant}, the first of ${variants.join(', ')}.`}
        </p>
      ) : null}
      {variantInfo !== undefined ? (
        <p className="muted small">
          {variantInfo.title} ({variantInfo.source})
        </p>
      ) : null}
      {scheduleParam !== undefined ? <p className="small replay-schedule">Replaying the schedule from the address: <code>{scheduleParam}</code>, then the default policy. <a href={`?v=${encodeURIComponent(variant)}`}>Replay the file&apos;s own schedule.</a></p> : null}
      {run.error !== null ? <p className="query-error">{run.error}</p> : null}
      <ScenarioPlayer variant={variant} actors={actors} steps={run.steps} snapshots={snapshots} invariants={run.invariants} initialStep={initialStep} />
      {firstBreak !== undefined ? (
        <p className="small">
          <a href={`?v=${encodeURIComponent(variant)}&step=${firstBreak}`}>Go to step {firstBreak}, where the first invariant breaks.</a>
        </p>
      ) : null}
      <ExplorePanel scenario={s} variant={variant} replayPath={`/s/${encodeURIComponent(s.thread)}/${encodeURIComponent(s.id)}`} />
      {cite !== null ? (
        <div className="cite">
          <h2>Cite</h2>
          <p className="mono small">
            <code className="trailer">{cite.trailer}</code> <CopyButton text={cite.trailer} label="copy trailer" />
          </p>
          <p className="mono small">
            <code>{cite.markdown}</code> <CopyButton text={cite.markdown} label="copy markdown" />
          </p>
          <p className="mono small">
            <code>{cite.command}</code> <CopyButton text={cite.command} label="copy command" />
          </p>
        </div>
      ) : null}
      <p className="small"><a href={`/playground?from=${encodeURIComponent(`${s.thread}/${s.id}`)}`}>Edit this scenario in the playground</a></p>
      <h2>Trace</h2>
      <pre className="trace">{trace}</pre>
    </section>
  );
}
