// The judge: every scenario under every variant of its thread, explored exhaustively, compared with
// the verdicts written in the file. Like judgelitmus.sh it tells a wrong verdict apart from a
// scenario that could not run (invalid file, budget exceeded, engine assertion).
import { DEFAULT_BUDGET, type ExploreBudget } from '../engine';
import { exploreScenario } from './run-scenario';
import type { Scenario, ScenarioVerdict } from './schema';

/** The judgement of one scenario under one variant. */
export interface Judgement {
  /** Scenario id (or the file name when it did not parse). */
  scenario: string;
  /** Variant id ('' when the file could not be read). */
  variant: string;
  /** pass, wrong-verdict, or could-not-run. */
  status: 'pass' | 'wrong-verdict' | 'could-not-run';
  /** For wrong verdicts: `invariant: expected X, got Y`; for could-not-run: why. */
  details: string[];
  /** Distinct states explored. */
  states: number;
}

/** Judges one scenario under every variant. */
export function judgeScenario(s: Scenario, budget: ExploreBudget = DEFAULT_BUDGET): Judgement[] {
  const out: Judgement[] = [];
  for (const [variant, expected] of Object.entries(s.expect)) {
    try {
      const r = exploreScenario(s, { variant, budget });
      if (!r.complete) {
        out.push({ scenario: s.id, variant, status: 'could-not-run', details: [r.message ?? 'incomplete'], states: r.states });
        continue;
      }
      const details: string[] = [];
      for (const v of r.verdicts) {
        const want: ScenarioVerdict | undefined = expected[v.id];
        if (want !== v.verdict) details.push(`${v.id}: expected ${want ?? '(none)'}, got ${v.verdict}`);
      }
      out.push({ scenario: s.id, variant, status: details.length === 0 ? 'pass' : 'wrong-verdict', details, states: r.states });
    } catch (err) {
      out.push({ scenario: s.id, variant, status: 'could-not-run', details: [err instanceof Error ? err.message : String(err)], states: 0 });
    }
  }
  return out;
}

/** Counts of a judgement list: passed, wrong, could not run. */
export function tally(js: readonly Judgement[]): { passed: number; wrong: number; couldNotRun: number } {
  return {
    passed: js.filter((j) => j.status === 'pass').length,
    wrong: js.filter((j) => j.status === 'wrong-verdict').length,
    couldNotRun: js.filter((j) => j.status === 'could-not-run').length,
  };
}
