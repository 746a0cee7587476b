import { runScenario, scenarioVariants, type ScenarioRun } from '@/lib/scenario';
import { THREAD_VARIANTS, type ThreadSlug } from '@/lib/engine';
import type { ScenarioEntry } from '@/lib/store';
import { citeScenario, type Citation } from '@/lib/kb';
import { traceSnapshots, type Snapshot } from './trace-snapshots';

/** What the API and the in-place player need to show one variant's replay. */
export interface ScenarioReplay {
  id: string;
  thread: string;
  title: string;
  hash: string;
  variant: string;
  variants: { id: string; title: string; source: string }[];
  expect: Record<string, Record<string, string>>;
  run: ScenarioRun;
  snapshots: Snapshot[];
  /** The citation of the invariant asked about, else of the first invariant the run breaks, else the first it keeps. */
  citation: Citation | null;
}

/** Replays `entry` under `variant` (the first variant when unknown or absent) with the player's snapshots and citation. */
export function scenarioReplay(entry: ScenarioEntry, variant: string | null, siteUrl: string, invariant: string | null = null): ScenarioReplay {
  const s = entry.scenario;
  const ids = scenarioVariants(s);
  const v = variant !== null && ids.includes(variant) ? variant : ids[0]!;
  const run = runScenario(s, { variant: v });
  const headline = run.invariants.find((i) => i.id === invariant) ?? run.invariants.find((i) => i.violated) ?? run.invariants[0];
  const citation = headline === undefined ? null : citeScenario({ siteUrl, hash: entry.hash, scenarioId: s.id, variant: v, invariant: headline.id, step: headline.firstStep });
  const known = THREAD_VARIANTS[s.thread as ThreadSlug] ?? [];
  return {
    id: s.id,
    thread: s.thread,
    title: s.title,
    hash: entry.hash,
    variant: v,
    variants: ids.map((id) => {
      const k = known.find((x) => x.id === id);
      return { id, title: k?.title ?? id, source: k?.source ?? '' };
    }),
    expect: s.expect,
    run,
    snapshots: traceSnapshots(s, v, run.schedule),
    citation,
  };
}
