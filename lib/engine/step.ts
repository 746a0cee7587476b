// The pure step function: (world, state, action) -> next state, where an action is the index of the
// actor that takes its next micro-step (the endio system actor is index world.actors.length).
// The input state is never changed; blocked actors yield null.
import { OPS } from './op-registry';
import { endIoStep } from './ops/end-io';
import { cloneState, ownActorArrays, type ModelState } from './state';
import { assert, type StepCtx } from './step-context';
import { ENDIO_ACTOR, type Instr, type World } from './world';

/** What one step did, for traces. */
export interface StepInfo {
  /** Actor name. */
  actor: string;
  /** Operation kind (or `endio`). */
  op: string;
  /** Kernel function modelled. */
  fn: string;
  /** file:function@version. */
  ref: string;
  /** What happened. */
  note: string;
}

const ENDIO_INSTR: Instr = { op: 'endio', page: -1, data: -1, fd: -1, nr: -1, sync: -1, target: -1 };

/** Number of actions (actors plus the endio system actor). */
export function actionCount(w: World): number {
  return w.actors.length + 1;
}

/** The name of action `a`. */
export function actionName(w: World, a: number): string {
  return a === w.actors.length ? ENDIO_ACTOR : w.actors[a]!.name;
}

/** True if actor `a` (not endio) has finished its program. */
export function actorDone(w: World, s: ModelState, a: number): boolean {
  return s.actors[a]!.pc >= w.actors[a]!.program.length;
}

/** Runs action `a` on a copy of `s`; returns the next state and what happened, or null if `a` cannot move. */
export function tryStep(w: World, s: ModelState, a: number): { state: ModelState; info: StepInfo } | null {
  const c = advance(w, s, a);
  if (c === null) return null;
  return { state: c.st, info: { actor: actionName(w, a), op: c.ins.op, fn: c.fn, ref: c.ref, note: c.note } };
}

/** The step itself, returning its context (the explorer's lean path: no trace object is built). */
export function advance(w: World, s: ModelState, a: number): StepCtx | null {
  const endio = a === w.actors.length;
  assert(a >= 0 && a <= w.actors.length, `no action ${a}`);
  if (endio ? s.bios.length === 0 : actorDone(w, s, a)) return null;
  if (!endio && OPS[w.actors[a]!.program[s.actors[a]!.pc]!.op]?.surelyBlocked?.(s, a) === true) return null;
  const st = cloneState(s);
  if (!endio) ownActorArrays(st.actors[a]!);
  const ins = endio ? ENDIO_INSTR : w.actors[a]!.program[s.actors[a]!.pc]!;
  const c: StepCtx = { st, w, a, actor: endio ? st.actors[0]! : st.actors[a]!, ins, fn: '', ref: '', note: '' };
  let moved: boolean;
  if (endio) moved = endIoStep(c);
  else {
    const op = OPS[ins.op];
    assert(op !== undefined, `unknown operation ${ins.op}`);
    moved = op.exec(c);
  }
  if (!moved) return null;
  st.steps += 1;
  for (const { bit, check } of w.stateChecks) if (!check(st, w)) st.violated |= 1 << bit;
  return c;
}

/** The pure step function: the state after action `a`, or null if that actor is blocked or finished. */
export function step(w: World, s: ModelState, a: number): ModelState | null {
  return advance(w, s, a)?.st ?? null;
}

/** Binds a world: `step(state, action) -> state | null`, the xstate-style transition. */
export function makeStep(w: World): (s: ModelState, a: number) => ModelState | null {
  return (s, a) => step(w, s, a);
}

/** True if some actor (not endio) has not finished: at a terminal state this is a deadlock. */
export function hasUnfinished(w: World, s: ModelState): boolean {
  for (let a = 0; a < w.actors.length; a += 1) if (!actorDone(w, s, a)) return true;
  return false;
}

/** Marks no-deadlock violated on a terminal state with unfinished actors (a copy is returned). */
export function judgeTerminal(w: World, s: ModelState): ModelState {
  const bit = w.invBit['no-deadlock'];
  if (bit === undefined || !hasUnfinished(w, s)) return s;
  const t = cloneState(s);
  t.violated |= 1 << bit;
  return t;
}
