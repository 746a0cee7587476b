// Replays one schedule (a list of actor names, e.g. the interleaving a claim describes) and records
// a trace: every step's actor, kernel function and reference, what changed, and each invariant's
// first violating step. After the given schedule the run continues with the lowest-numbered actor
// that can move, until nothing can.
import { hasUnfinished, judgeTerminal, tryStep, actionCount, actionName } from './step';
import { diffStates } from './diff-state';
import type { ModelState } from './state';
import type { World } from './world';

/** One step of a trace, as the site renders it. */
export interface TraceStep {
  /** 1-based step number. */
  index: number;
  /** Actor name (or `endio`). */
  actor: string;
  /** Operation kind. */
  op: string;
  /** Kernel function. */
  fn: string;
  /** file:function@version. */
  ref: string;
  /** What happened. */
  note: string;
  /** State changes. */
  changes: string[];
  /** Invariants first violated at this step. */
  violated: string[];
  /** 1 if this step came from the given schedule, 0 if from the default policy. */
  scheduled: boolean;
}

/** The outcome of one invariant in one run. */
export interface InvariantOutcome {
  /** Invariant id. */
  id: string;
  /** Whether it was violated. */
  violated: boolean;
  /** First violating step number, or null. */
  firstStep: number | null;
}

/** The result of replaying a schedule. */
export interface ScheduleRun {
  /** The actor names actually run, in order. */
  schedule: string[];
  /** The steps. */
  steps: TraceStep[];
  /** Per invariant of interest. */
  invariants: InvariantOutcome[];
  /** Return values of each actor's instructions. */
  returns: Record<string, number[]>;
  /** True if the run ended with an actor that could not finish. */
  deadlock: boolean;
  /** An error if the schedule could not be followed (an actor was blocked or done). */
  error: string | null;
  /** The final state. */
  final: ModelState;
}

/** Replays `schedule` (actor names) from `init`, then finishes with the default policy; at most `maxSteps` steps. */
export function runSchedule(w: World, init: ModelState, schedule: readonly string[], maxSteps = 10_000): ScheduleRun {
  const names = Array.from({ length: actionCount(w) }, (_, a) => actionName(w, a));
  const steps: TraceStep[] = [];
  const first: Array<number | null> = w.invariants.map(() => null);
  let s = init;
  let error: string | null = null;
  const record = (next: ModelState, info: ReturnType<typeof tryStep>, scheduled: boolean): void => {
    const r = info!;
    const index = steps.length + 1;
    const newly: string[] = [];
    w.invariants.forEach((id, bit) => {
      if ((next.violated & (1 << bit)) !== 0 && first[bit] === null) {
        first[bit] = index;
        newly.push(id);
      }
    });
    steps.push({ index, actor: r.info.actor, op: r.info.op, fn: r.info.fn, ref: r.info.ref, note: r.info.note, changes: diffStates(w, s, next), violated: newly, scheduled });
    s = next;
  };
  for (const name of schedule) {
    const a = names.indexOf(name);
    if (a === -1) {
      error = `schedule step ${steps.length + 1}: no actor named "${name}"`;
      break;
    }
    const r = tryStep(w, s, a);
    if (r === null) {
      error = `schedule step ${steps.length + 1}: actor "${name}" cannot move (blocked or finished)`;
      break;
    }
    record(r.state, r, true);
  }
  while (error === null && steps.length < maxSteps) {
    let moved = false;
    for (let a = 0; a < names.length && !moved; a += 1) {
      const r = tryStep(w, s, a);
      if (r !== null) {
        record(r.state, r, false);
        moved = true;
      }
    }
    if (!moved) break;
  }
  if (error === null && steps.length >= maxSteps) error = `step budget of ${maxSteps} exceeded`;
  const deadlock = error === null && hasUnfinished(w, s);
  const final = judgeTerminal(w, s);
  w.invariants.forEach((_, bit) => {
    if ((final.violated & (1 << bit)) !== 0 && first[bit] === null) first[bit] = steps.length;
  });
  const returns: Record<string, number[]> = {};
  w.actors.forEach((x, i) => {
    returns[x.name] = final.actors[i]!.rets.slice();
  });
  return {
    schedule: steps.map((t) => t.actor),
    steps,
    invariants: w.invariants.map((id, bit) => ({ id, violated: first[bit] !== null, firstStep: first[bit] ?? null })),
    returns,
    deadlock,
    error,
    final,
  };
}
