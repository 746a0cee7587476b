// The shape every modelled kernel operation has: a name, the kernel functions its micro-steps
// model (with source references) and a micro-step function over the state copy.
import type { ModelState } from '../state';
import { finish, pageSlot, type StepCtx } from '../step-context';

/** Instruction arguments an operation may take in a scenario program. */
export type ArgName = 'page' | 'data' | 'fd' | 'nr' | 'sync' | 'target';

/** A kernel function a micro-step models, with its source reference. */
export interface KernelRef {
  /** Function name as in the kernel. */
  fn: string;
  /** file:function@version. */
  ref: string;
}

/** One operation an actor's program can contain. */
export interface OpDef {
  /** Operation kind used in scenario files. */
  kind: string;
  /** One-line description. */
  summary: string;
  /** Required arguments. */
  args: readonly ArgName[];
  /** Optional arguments. */
  optional: readonly ArgName[];
  /** The kernel functions this operation's micro-steps model. */
  functions: readonly KernelRef[];
  /** Runs one micro-step on c.st; returns false if the actor is blocked (the copy is then discarded). */
  exec(c: StepCtx): boolean;
  /**
   * Optional cheap test on the unchanged state: true only when exec would certainly block, so the
   * step function can skip copying the state. It must never return true when exec could move.
   */
  surelyBlocked?(s: ModelState, a: number): boolean;
}

/** Sets the trace fields of a micro-step. */
export function at(c: StepCtx, r: KernelRef, note: string): void {
  c.fn = r.fn;
  c.ref = r.ref;
  c.note = note;
}

/**
 * Starts a one-page operation at `r`: the slot of page `i`, or -1 when the page is not cached, in
 * which case the instruction has already finished with 0 (nothing to migrate, reclaim or drop).
 */
export function cachedPageAt(c: StepCtx, r: KernelRef, i: number): number {
  const slot = pageSlot(c.st, i);
  at(c, r, '');
  if (slot === -1) {
    c.note = `page ${i} not cached`;
    finish(c, 0);
  }
  return slot;
}
