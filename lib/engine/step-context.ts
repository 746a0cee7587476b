// Helpers every operation uses on the state it is changing: page lookup, kernel primitives that
// several operations share (set_page_dirty, clear_page_dirty_for_io, mapping_set_error, ...), the
// fault plan and invariant flags. They mutate the step's private copy of the state.
import { AS_EIO, AS_ENOSPC, ENOSPC, PG_dirty, PG_writeback, PTE_NONE, PTE_RO, PTE_RW, TAG_DIRTY, TAG_TOWRITE, TAG_WRITEBACK } from './constants';
import { errseqSet } from './errseq';
import type { ActorState, ModelState, PageState } from './state';
import type { Instr, World } from './world';

/** The context of one micro-step: the state copy being changed and what the trace should say. */
export interface StepCtx {
  /** The state copy this step mutates. */
  st: ModelState;
  /** The world (read only). */
  w: World;
  /** Acting actor index. */
  a: number;
  /** The acting actor's registers (inside `st`). */
  actor: ActorState;
  /** The instruction being executed. */
  ins: Instr;
  /** Kernel function this micro-step models. */
  fn: string;
  /** Source reference (file:function@version). */
  ref: string;
  /** What happened, in one line. */
  note: string;
}

/** Thrown for impossible engine states: a bug in the model, never a scenario result. */
export class EngineAssertion extends Error {}

/** Asserts an engine-internal condition. */
export function assert(cond: boolean, msg: string): asserts cond {
  if (!cond) throw new EngineAssertion(`engine assertion: ${msg}`);
}

/** The slot of the page cached at `index`, or -1. */
export function pageSlot(st: ModelState, index: number): number {
  for (let i = 0; i < st.pages.length; i += 1) {
    const p = st.pages[i]!;
    if (p.mapped === 1 && p.index === index) return i;
  }
  return -1;
}

/** The page in `slot` (asserting it exists). */
export function page(st: ModelState, slot: number): PageState {
  const p = st.pages[slot];
  assert(p !== undefined, `no page slot ${slot}`);
  return p;
}

/** add_to_page_cache: a new, locked-free, !Uptodate page at `index`, reusing a free slot. */
export function newPage(st: ModelState, index: number): number {
  assert(pageSlot(st, index) === -1, `page ${index} already cached`);
  const fresh: PageState = { index, mapped: 1, flags: 0, tags: 0, lock: -1, ref: 0, data: 0, bhs: [], bhGen: 0, fixup: 0 };
  for (let i = 0; i < st.pages.length; i += 1) {
    const p = st.pages[i]!;
    if (p.mapped === 0 && p.ref === 0 && p.lock === -1 && p.fixup === 0) {
      st.pages[i] = fresh;
      return i;
    }
  }
  st.pages.push(fresh);
  return st.pages.length - 1;
}

/** Sets the invariant's violation bit if the invariant is of interest in this world. */
export function flag(c: StepCtx, id: string): void {
  const bit = c.w.invBit[id];
  if (bit !== undefined) c.st.violated |= 1 << bit;
}

/** Takes one firing of a fault of `kind` on `index`; returns its errno, or 0 if none is planned. */
export function takeFault(st: ModelState, kind: string, index: number): number {
  for (let i = 0; i < st.faults.length; i += 1) {
    const f = st.faults[i]!;
    if (f.kind === kind && f.page === index && f.left !== 0) {
      // Replace, never write into: cloned states share fault entries.
      if (f.left > 0) st.faults[i] = { kind: f.kind, page: f.page, left: f.left - 1, errno: f.errno };
      return f.errno;
    }
  }
  return 0;
}

/** True if a fault of `kind` on `index` is still planned (without taking it). */
export function hasFault(st: ModelState, kind: string, index: number): boolean {
  for (const f of st.faults) if (f.kind === kind && f.page === index && f.left !== 0) return true;
  return false;
}

/** Ghost: data was lost (or will never reach the disk); every open fd is owed an error. */
export function lossEvent(st: ModelState): void {
  st.ghost.lossUnseen = 1;
  for (let i = 0; i < st.fds.length; i += 1) if (st.fds[i]![0] === 1) st.ghost.fdLoss[i] = 1;
}

/** mapping_set_error: errseq_set on mapping->wb_err and the legacy AS_EIO/AS_ENOSPC bit. */
export function mappingSetError(st: ModelState, errno: number): void {
  st.wbErr = errseqSet(st.wbErr, errno);
  st.asFlags |= errno === ENOSPC ? AS_ENOSPC : AS_EIO;
}

/** __set_page_dirty: PG_dirty and PAGECACHE_TAG_DIRTY. */
export function setPageDirty(p: PageState): void {
  p.flags |= PG_dirty;
  p.tags |= TAG_DIRTY;
}

/** page_mkclean: write-protect every task's PTE of the page (rw -> ro). */
export function pageMkclean(st: ModelState, index: number): void {
  for (const t of st.ptes) if (t[index] === PTE_RW) t[index] = PTE_RO;
}

/** clear_page_dirty_for_io: page_mkclean, then clear PG_dirty (tags are left alone); returns whether it was dirty. */
export function clearPageDirtyForIo(st: ModelState, p: PageState): boolean {
  if ((p.flags & PG_dirty) === 0) return false;
  pageMkclean(st, p.index);
  p.flags &= ~PG_dirty;
  return true;
}

/** __test_set_page_writeback: PG_writeback, TAG_WRITEBACK; clears TAG_DIRTY if clean and TAG_TOWRITE unless keepwrite. */
export function setPageWriteback(p: PageState, keepwrite: boolean): void {
  p.flags |= PG_writeback;
  p.tags |= TAG_WRITEBACK;
  if ((p.flags & PG_dirty) === 0) p.tags &= ~TAG_DIRTY;
  if (!keepwrite) p.tags &= ~TAG_TOWRITE;
}

/** end_page_writeback: clears PG_writeback and TAG_WRITEBACK. */
export function endPageWriteback(p: PageState): void {
  p.flags &= ~PG_writeback;
  p.tags &= ~TAG_WRITEBACK;
}

/** unmap_mapping_range for one page index: every task's PTE goes away. */
export function zapPtes(st: ModelState, index: number): void {
  for (const t of st.ptes) t[index] = PTE_NONE;
}

/** True if any task has a PTE for the page index. */
export function isMapped(st: ModelState, index: number): boolean {
  for (const t of st.ptes) if (t[index] !== PTE_NONE) return true;
  return false;
}

/**
 * __delete_from_page_cache: the page leaves the mapping. Checks dirty-page-never-dropped-unwritten:
 * leaving with contents the disk does not have is a silent loss unless an error is recorded.
 */
export function removePage(c: StepCtx, slot: number): void {
  const p = page(c.st, slot);
  const d = c.st.disk[p.index];
  assert(d !== undefined, `no disk block ${p.index}`);
  if (p.data !== d && (c.st.wbErr & 0xfff) === 0 && c.st.asFlags === 0) flag(c, 'dirty-page-never-dropped-unwritten');
  zapPtes(c.st, p.index);
  p.mapped = 0;
  p.tags = 0;
  p.flags &= ~PG_dirty;
}

/** Finishes the actor's current instruction with a return value. */
export function finish(c: StepCtx, ret: number): void {
  c.actor.pc += 1;
  c.actor.ph = 0;
  c.actor.v = [];
  c.actor.w = null;
  c.actor.rets.push(ret);
}

/** fsync's ghost bookkeeping: checks fsync-eio-only-on-data-loss and fsync-reports-data-loss for `fd`. */
export function judgeFsync(c: StepCtx, fd: number, ret: number): void {
  const owed = c.st.ghost.fdLoss[fd] === 1;
  if (ret < 0 && !owed) flag(c, 'fsync-eio-only-on-data-loss');
  if (ret === 0 && owed) flag(c, 'fsync-reports-data-loss');
  c.st.ghost.fdLoss[fd] = 0;
}

/** Marks data loss as seen by an fsync once errseq has been advanced (SEEN set). */
export function lossSeen(st: ModelState): void {
  st.ghost.lossUnseen = 0;
}
