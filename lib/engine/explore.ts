// Exhaustive exploration of every interleaving. Depth-first with an explicit stack and a visited
// set of state hashes (each distinct state is expanded once); verdicts are judged over terminal
// states; shortest counterexamples come from a separate breadth-first pass that stops as soon as it
// has one per violated invariant. No partial-order reduction is applied (see README: every enabled
// action is expanded; hashing merges the orders that commute).
import { actionCount, actionName, hasUnfinished, judgeTerminal, step } from './step';
import type { ModelState } from './state';
import { HASH_OUT, stateHash, stateHashInto } from './state-hash';
import { VisitedSet } from './visited-set';
import type { World } from './world';

/** Never: no terminal state violates; always: every terminal state does; sometimes: some do. */
export type Verdict = 'never' | 'sometimes' | 'always';

/** Limits on an exploration. */
export interface ExploreBudget {
  /** Maximum distinct states before giving up. */
  maxStates: number;
  /** Maximum schedule length before giving up. */
  maxDepth: number;
  /** Whether to run the breadth-first pass for shortest counterexamples (default true). */
  counterexamples?: boolean;
  /**
   * Called every `progressEvery` new distinct states (default 65,536) and once when the
   * counterexample pass begins, so that a caller on another thread (the browser's worker) can
   * show how far a long exploration has got. It must not throw.
   */
  onProgress?: (p: ExploreProgress) => void;
  progressEvery?: number;
}

/** How far an exploration has got: the phase and the counts so far. */
export interface ExploreProgress {
  phase: 'explore' | 'counterexamples';
  /** Distinct states so far (in the counterexample pass: states of the finished exploration). */
  states: number;
  transitions: number;
  terminals: number;
  /** The state budget, for "n of at most m". */
  maxStates: number;
}

const PROGRESS_EVERY_DEFAULT = 65_536;

/** The default budget: enough for every seed scenario with a wide margin. */
export const DEFAULT_BUDGET: ExploreBudget = { maxStates: 2_000_000, maxDepth: 2_000 };

/** One invariant's verdict over all interleavings. */
export interface InvariantVerdict {
  /** Invariant id. */
  id: string;
  /** The verdict. */
  verdict: Verdict;
  /** Distinct terminal states that violate it. */
  violatingTerminals: number;
  /** The shortest schedule (actor names) reaching a violation, if any. */
  counterexample: string[] | null;
}

/** The result of exploring a world. */
export interface ExploreResult {
  /** False if a budget was exceeded (verdicts are then partial and must not be trusted). */
  complete: boolean;
  /** Why exploration stopped early, or null. */
  message: string | null;
  /** Distinct states visited. */
  states: number;
  /** Transitions taken (edges, including those to already-visited states). */
  transitions: number;
  /** Distinct terminal states (no actor can move). */
  terminals: number;
  /** Terminal states with an unfinished actor. */
  deadlocks: number;
  /** Longest schedule seen. */
  maxDepth: number;
  /** Per invariant of interest. */
  verdicts: InvariantVerdict[];
}

/** Explores every interleaving from `init` within `budget`. */
export function explore(w: World, init: ModelState, budget: ExploreBudget = DEFAULT_BUDGET): ExploreResult {
  const n = actionCount(w);
  const visited = new VisitedSet(1 << 16);
  stateHashInto(init);
  visited.add(HASH_OUT[0]!, HASH_OUT[1]!);
  // Two parallel stacks instead of an object per entry: fewer allocations on the hot path.
  const stack: ModelState[] = [init];
  const depths: number[] = [0];
  const violating = w.invariants.map(() => 0);
  let transitions = 0;
  let terminals = 0;
  let deadlocks = 0;
  let maxDepth = 0;
  let message: string | null = null;
  const every = Math.max(1, budget.progressEvery ?? PROGRESS_EVERY_DEFAULT);
  let nextReport = budget.onProgress === undefined ? Infinity : every;
  while (stack.length > 0) {
    const state = stack.pop()!;
    const depth = depths.pop()!;
    if (depth > maxDepth) maxDepth = depth;
    let any = false;
    for (let a = 0; a < n; a += 1) {
      const next = step(w, state, a);
      if (next === null) continue;
      any = true;
      transitions += 1;
      stateHashInto(next);
      if (!visited.add(HASH_OUT[0]!, HASH_OUT[1]!)) continue;
      if (depth + 1 > budget.maxDepth) {
        message = `depth budget of ${budget.maxDepth} steps exceeded`;
        break;
      }
      if (visited.size > budget.maxStates) {
        message = `state budget of ${budget.maxStates} distinct states exceeded`;
        break;
      }
      stack.push(next);
      depths.push(depth + 1);
      if (visited.size >= nextReport) {
        nextReport += every;
        budget.onProgress?.({ phase: 'explore', states: visited.size, transitions, terminals, maxStates: budget.maxStates });
      }
    }
    if (message !== null) break;
    if (!any) {
      terminals += 1;
      if (hasUnfinished(w, state)) deadlocks += 1;
      const t = judgeTerminal(w, state);
      w.invariants.forEach((_, bit) => {
        if ((t.violated & (1 << bit)) !== 0) violating[bit]! += 1;
      });
    }
  }
  const complete = message === null;
  const wanted = budget.counterexamples === false ? w.invariants.map(() => false) : complete ? violating.map((v) => v > 0) : w.invariants.map(() => true);
  if (budget.onProgress !== undefined && wanted.some(Boolean)) {
    budget.onProgress({ phase: 'counterexamples', states: visited.size, transitions, terminals, maxStates: budget.maxStates });
  }
  const cex = shortestCounterexamples(w, init, wanted, budget);
  return {
    complete,
    message,
    states: visited.size,
    transitions,
    terminals,
    deadlocks,
    maxDepth,
    verdicts: w.invariants.map((id, bit) => {
      const v = violating[bit]!;
      return { id, verdict: v === 0 ? 'never' : v === terminals ? 'always' : 'sometimes', violatingTerminals: v, counterexample: cex[bit] ?? null };
    }),
  };
}

/**
 * Breadth-first search for the shortest schedule that violates each wanted invariant. A step
 * violates an invariant when its state carries the (sticky) bit, or, for no-deadlock, when it is a
 * terminal state with an unfinished actor. BFS order makes the first hit a shortest one.
 */
export function shortestCounterexamples(w: World, init: ModelState, wanted: readonly boolean[], budget: ExploreBudget = DEFAULT_BUDGET): Array<string[] | null> {
  const found: Array<string[] | null> = w.invariants.map(() => null);
  let missing = wanted.filter(Boolean).length;
  if (missing === 0) return found;
  const n = actionCount(w);
  const parent = new Map<number, [number, number]>();
  const rootKey = stateHash(init);
  parent.set(rootKey, [-1, -1]);
  const queue: Array<[ModelState, number]> = [[init, rootKey]];
  const pathTo = (key: number): string[] => {
    const out: string[] = [];
    let k = key;
    while (k !== rootKey) {
      const [p, a] = parent.get(k)!;
      out.push(actionName(w, a));
      k = p;
    }
    return out.reverse();
  };
  const take = (s: ModelState, key: number): void => {
    w.invariants.forEach((_, bit) => {
      if (wanted[bit] === true && found[bit] === null && (s.violated & (1 << bit)) !== 0) {
        found[bit] = pathTo(key);
        missing -= 1;
      }
    });
  };
  take(init, rootKey);
  for (let head = 0; head < queue.length && missing > 0 && parent.size <= budget.maxStates; head += 1) {
    const [s, key] = queue[head]!;
    // Drop the processed entry: the queue would otherwise hold every state at once.
    queue[head] = undefined as unknown as [ModelState, number];
    let any = false;
    for (let a = 0; a < n && missing > 0; a += 1) {
      const next = step(w, s, a);
      if (next === null) continue;
      any = true;
      const h = stateHash(next);
      if (parent.has(h)) continue;
      parent.set(h, [key, a]);
      take(next, h);
      queue.push([next, h]);
    }
    if (!any) take(judgeTerminal(w, s), key);
  }
  return found;
}
