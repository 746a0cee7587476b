// Runs a scenario under one variant: replay of a schedule (the one given, the file's own, or the
// default policy), or exhaustive exploration. Results are plain JSON for the CLI and the site.
import { DEFAULT_BUDGET, MODEL_VERSION, explore, runSchedule, type ExploreBudget, type ExploreResult, type InvariantOutcome, type TraceStep } from '../engine';
import { compileScenario } from './compile-scenario';
import { scenarioHash } from './scenario-hash';
import type { Scenario } from './schema';

/** The trace of one replay, as the site renders it. */
export interface ScenarioRun {
  /** Scenario id. */
  scenario: string;
  /** Thread slug. */
  thread: string;
  /** Variant id. */
  variant: string;
  /** Content hash of the scenario and model version. */
  contentHash: string;
  /** MODEL_VERSION. */
  modelVersion: string;
  /** The actor names actually run. */
  schedule: string[];
  /** The steps. */
  steps: TraceStep[];
  /** Per invariant of interest: violated, first violating step. */
  invariants: InvariantOutcome[];
  /** Return values of each actor's instructions. */
  returns: Record<string, number[]>;
  /** True if an actor could never finish. */
  deadlock: boolean;
  /** Why the given schedule could not be followed, or null. */
  error: string | null;
}

/** The result of exploring one scenario under one variant. */
export interface ScenarioExploration extends ExploreResult {
  /** Scenario id. */
  scenario: string;
  /** Variant id. */
  variant: string;
  /** Content hash. */
  contentHash: string;
  /** MODEL_VERSION. */
  modelVersion: string;
}

/** The variant a scenario runs under when none is named: the thread's first (the original code). */
export function defaultVariant(s: Scenario): string {
  return Object.keys(s.expect)[0]!;
}

/** Replays `schedule` (default: the file's schedule, else none) under `variant`, then finishes with the default policy. */
export function runScenario(s: Scenario, opts: { variant?: string; schedule?: readonly string[]; maxSteps?: number } = {}): ScenarioRun {
  const variant = opts.variant ?? defaultVariant(s);
  const { world, init } = compileScenario(s, variant);
  const r = runSchedule(world, init, opts.schedule ?? s.schedule ?? [], opts.maxSteps);
  return {
    scenario: s.id, thread: s.thread, variant, contentHash: scenarioHash(s), modelVersion: MODEL_VERSION,
    schedule: r.schedule, steps: r.steps, invariants: r.invariants, returns: r.returns, deadlock: r.deadlock, error: r.error,
  };
}

/** Explores every interleaving of `s` under `variant`. */
export function exploreScenario(s: Scenario, opts: { variant?: string; budget?: ExploreBudget } = {}): ScenarioExploration {
  const variant = opts.variant ?? defaultVariant(s);
  const { world, init } = compileScenario(s, variant);
  const r = explore(world, init, opts.budget ?? DEFAULT_BUDGET);
  return { scenario: s.id, variant, contentHash: scenarioHash(s), modelVersion: MODEL_VERSION, ...r };
}
