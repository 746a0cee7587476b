'use client';
// A claim's replay inside the thread page: fetched when the reader opens the claim, with the
// variants to switch between and the citation to copy. Readers without JavaScript follow the
// links to the scenario page, which holds the same replay rendered on the server.
import { useEffect, useState } from 'react';
import type { ScenarioReplay } from '@/app/_components/scenario/scenario-replay';
import { ScenarioPlayer } from '@/app/_components/scenario/scenario-player';
import { CopyButton } from '@/app/_components/copy-button';

/** The replay of one scenario variant for a claim, starting at the step where the claim's invariant breaks. */
export function ReplayInPlace({ thread, scenario, variant, invariant }: { thread: string; scenario: string; variant: string; invariant: string }) {
  const [v, setV] = useState(variant);
  const [replay, setReplay] = useState<ScenarioReplay | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    setError(null);
    fetch(`/api/scenarios/${encodeURIComponent(thread)}/${encodeURIComponent(scenario)}?v=${encodeURIComponent(v)}&inv=${encodeURIComponent(invariant)}`, { signal: ctl.signal })
      .then(async (r) => {
        if (!r.ok) throw new Error(`the replay could not be loaded (HTTP ${r.status})`);
        setReplay((await r.json()) as ScenarioReplay);
      })
      .catch((e: unknown) => {
        if (!ctl.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      });
    return () => ctl.abort();
  }, [thread, scenario, v, invariant]);

  if (error !== null) return <p className="query-error">{error}</p>;
  if (replay === null || replay.variant !== v) return <p className="muted small">loading the replay…</p>;
  const run = replay.run;
  const headline = run.invariants.find((i) => i.id === invariant) ?? run.invariants.find((i) => i.violated) ?? run.invariants[0];
  const firstBreak = headline?.firstStep ?? null;
  const cite = replay.citation;
  return (
    <div className="replay-in-place">
      <p className="variant-switch small">
        {replay.variants.map((x) => (
          <button key={x.id} type="button" className={x.id === v ? 'current' : undefined} aria-pressed={x.id === v} onClick={() => setV(x.id)} title={x.title}>
            {x.id}
          </button>
        ))}{' '}
        <a href={`/s/${encodeURIComponent(thread)}/${encodeURIComponent(scenario)}?v=${encodeURIComponent(v)}`}>open the scenario page</a>
      </p>
      <ScenarioPlayer key={v} variant={v} actors={[...new Set(run.steps.map((s) => s.actor))]} steps={run.steps} snapshots={replay.snapshots} invariants={run.invariants} initialStep={firstBreak ?? run.steps.length} updateUrl={false} />
      {cite !== null ? (
        <p className="mono small cite">
          <code className="trailer">{cite.trailer}</code> <CopyButton text={cite.trailer} label="copy trailer" />
        </p>
      ) : null}
    </div>
  );
}
