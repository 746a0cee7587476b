// Builds the initial model state from an engine-level description (the scenario layer translates
// its file format into this).
import { BLK_DELALLOC, PG_dirty, TAG_DIRTY } from './constants';
import type { FaultState, ModelState, PageState } from './state';
import type { World } from './world';

/** One initially cached page. */
export interface InitialPage {
  /** Page index. */
  index: number;
  /** PG_* bits. */
  flags: number;
  /** Contents version. */
  data: number;
  /** Buffer head bitmasks (empty = none). */
  bhs: number[];
  /** PTE state per task (index = world.tasks). */
  ptes: number[];
}

/** The initial kernel state of a run. */
export interface InitialSpec {
  /** Cached pages. */
  pages: InitialPage[];
  /** Disk contents per block. */
  disk: number[];
  /** BLK_* bits per block. */
  blk: number[];
  /** Which file slots are open at the start. */
  openFiles: boolean[];
  /** The fault plan. */
  faults: FaultState[];
}

/** The initial ModelState for a world; dirty pages get PAGECACHE_TAG_DIRTY, delalloc blocks count into i_delayed_blks. */
export function buildInitialState(w: World, init: InitialSpec): ModelState {
  const pages: PageState[] = init.pages.map((p) => ({
    index: p.index, mapped: 1, flags: p.flags, tags: (p.flags & PG_dirty) !== 0 ? TAG_DIRTY : 0, lock: -1, ref: 0, data: p.data, bhs: p.bhs.slice(), bhGen: 0, fixup: 0,
  }));
  const ptes = w.tasks.map((_, t) => {
    const row = new Array<number>(w.pageCount).fill(0);
    for (const p of init.pages) row[p.index] = p.ptes[t] ?? 0;
    return row;
  });
  return {
    pages,
    disk: init.disk.slice(),
    blk: init.blk.slice(),
    delayed: w.fs === 'xfs' ? init.blk.filter((b) => (b & BLK_DELALLOC) !== 0).length : 0,
    shutdown: 0,
    evicted: 0,
    rwsem: 0,
    wbErr: 0,
    asFlags: 0,
    wbIndex: 0,
    fds: w.files.map((_, i) => [init.openFiles[i] === true ? 1 : 0, 0]),
    ptes,
    actors: w.actors.map(() => ({ pc: 0, ph: 0, v: [], w: null, rets: [], sig: 0, trans: 0 })),
    bios: [],
    faults: init.faults.map((f) => ({ ...f })),
    ghost: { lossUnseen: 0, fdLoss: w.files.map(() => 0) },
    violated: 0,
    steps: 0,
  };
}
