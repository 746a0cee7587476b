// write_cache_pages as a resumable loop: one micro-step per page it visits, so other actors can run
// between pages exactly where the kernel drops the page lock. The ->writepage error branch reads the
// wcpErrorPolicy switch (v4.19 stops in every mode; 3fa750dcf29e keeps going for WB_SYNC_ALL).
import { PG_dirty, PG_writeback, TAG_DIRTY, TAG_TOWRITE } from '../constants';
import type { WcpState } from '../state';
import { assert, clearPageDirtyForIo, flag, page, type StepCtx } from '../step-context';
import { at, type KernelRef } from './op-def';
import { writepage } from './writepage';

/** The loop at v4.19 (the error branch as in 3fa750dcf29e when that switch is on). */
export const WRITE_CACHE_PAGES: KernelRef = { fn: 'write_cache_pages', ref: 'mm/page-writeback.c:write_cache_pages@v4.19' };
/** Tagging for integrity writeback. */
export const TAG_PAGES_FOR_WRITEBACK: KernelRef = { fn: 'tag_pages_for_writeback', ref: 'mm/page-writeback.c:tag_pages_for_writeback@v4.19' };
/** The loop with the error branch of 3fa750dcf29e (v5.0 and later). */
export const WRITE_CACHE_PAGES_V50: KernelRef = { fn: 'write_cache_pages', ref: 'mm/page-writeback.c:write_cache_pages@v5.0 (3fa750dcf29e: WB_SYNC_ALL continues on error)' };
/** The btrfs copy of the loop. */
export const EXTENT_WRITE_CACHE_PAGES: KernelRef = { fn: 'extent_write_cache_pages', ref: 'fs/btrfs/extent_io.c:extent_write_cache_pages@v4.17' };

/** WB_SYNC_NONE walking PAGECACHE_TAG_DIRTY. */
export const WB_SYNC_NONE = 0;
/** WB_SYNC_ALL walking PAGECACHE_TAG_TOWRITE. */
export const WB_SYNC_ALL = 1;
/** WB_SYNC_NONE with wbc->tagged_writepages (writeback_inodes_sb): walks TOWRITE but may stop. */
export const WB_SYNC_NONE_TAGGED = 2;

/** A large nr_to_write (LONG_MAX in the kernel). */
export const NR_ALL = 1 << 30;

/** Starts a write_cache_pages call in the actor: mode, range_cyclic, range [start, end] and nr_to_write. */
export function wcpBegin(c: StepCtx, sync: number, cyclic: boolean, start: number, end: number, nr: number): void {
  const idx = cyclic ? c.st.wbIndex : start;
  c.actor.w = {
    ph: 0, sync, cyclic: cyclic ? 1 : 0, idx, end: cyclic ? c.w.pageCount - 1 : end, nr, ret: 0, ctxErr: 0, done: 0,
    cycled: cyclic ? (idx === 0 ? 1 : 0) : 1, doneIdx: idx, tagged: 0, visited: 0, failed: 0,
  };
}

function loopRef(c: StepCtx): KernelRef {
  if (c.w.fs === 'btrfs') return EXTENT_WRITE_CACHE_PAGES;
  return c.w.switches.wcpErrorPolicy === 'stop_always' ? WRITE_CACHE_PAGES : WRITE_CACHE_PAGES_V50;
}

function tagRange(c: StepCtx, w: WcpState): void {
  for (const p of c.st.pages) {
    if (p.mapped === 1 && p.index >= w.idx && p.index <= w.end && (p.tags & TAG_DIRTY) !== 0) {
      p.tags |= TAG_TOWRITE;
      w.tagged |= 1 << p.index;
    }
  }
}

function nextTagged(c: StepCtx, w: WcpState, tag: number): number {
  let best = -1;
  for (let s = 0; s < c.st.pages.length; s += 1) {
    const p = c.st.pages[s]!;
    if (p.mapped !== 1 || p.index < w.idx || p.index > w.end || (p.tags & tag) === 0) continue;
    if (best === -1 || p.index < c.st.pages[best]!.index) best = s;
  }
  return best;
}

function finishLoop(c: StepCtx, w: WcpState): void {
  if (w.cyclic === 1 || w.nr > 0) c.st.wbIndex = w.doneIdx;
  if (w.sync === WB_SYNC_ALL) {
    let missed = '';
    for (const p of c.st.pages) {
      const bit = 1 << p.index;
      if (p.mapped === 1 && (w.tagged & bit) !== 0 && (w.visited & bit) === 0 && (p.flags & PG_dirty) !== 0) missed += ` ${p.index}`;
    }
    if (missed !== '') {
      flag(c, 'integrity-writeback-visits-all-dirty-pages');
      if (c.ins.op === 'fsync') flag(c, 'fsync-single-call-drains');
    }
    at(c, loopRef(c), `no more tagged pages; return ${w.ret}${missed !== '' ? `; tagged dirty pages never visited:${missed}` : ''}`);
    return;
  }
  at(c, loopRef(c), `done; return ${w.ret}; writeback_index = ${c.st.wbIndex}`);
}

/** One micro-step of the loop: 'blocked' (page lock or writeback wait), 'more', or 'done' (w.ret is the result). */
export function wcpStep(c: StepCtx): 'blocked' | 'more' | 'done' {
  const w = c.actor.w;
  assert(w !== null, 'wcpStep without wcpBegin');
  if (w.ph === 0) {
    w.ph = 1;
    if (w.sync !== WB_SYNC_NONE) {
      tagRange(c, w);
      at(c, TAG_PAGES_FOR_WRITEBACK, `PAGECACHE_TAG_DIRTY -> +PAGECACHE_TAG_TOWRITE on pages [${w.idx}, ${w.end}]`);
      return 'more';
    }
  }
  const tag = w.sync === WB_SYNC_NONE ? TAG_DIRTY : TAG_TOWRITE;
  const slot = w.done === 1 ? -1 : nextTagged(c, w, tag);
  if (slot === -1) {
    if (w.done === 0 && w.cycled === 0) {
      // v4.19: wrap once to the start of the file (64081362e8ff later replaced this with done_index = 0).
      w.cycled = 1;
      w.end = c.st.wbIndex - 1;
      w.idx = 0;
      at(c, loopRef(c), `range_cyclic: wrap to index 0, end ${w.end}`);
      return 'more';
    }
    finishLoop(c, w);
    return 'done';
  }
  const p = page(c.st, slot);
  const i = p.index;
  w.doneIdx = i;
  if (p.lock !== -1 && p.lock !== c.a) return 'blocked';
  if ((p.flags & PG_writeback) !== 0) {
    if (w.sync === WB_SYNC_ALL) return 'blocked';
    w.idx = i + 1;
    at(c, loopRef(c), `page ${i}: PageWriteback and not WB_SYNC_ALL, skip`);
    return 'more';
  }
  if ((p.flags & PG_dirty) === 0) {
    w.idx = i + 1;
    at(c, loopRef(c), `page ${i}: !PageDirty (someone wrote it for us), skip`);
    return 'more';
  }
  clearPageDirtyForIo(c.st, p);
  if (w.failed === 1 && w.sync !== WB_SYNC_ALL) flag(c, 'background-stops-on-error');
  w.visited |= 1 << i;
  const err = writepage(c, slot, w);
  c.note = `clear_page_dirty_for_io; ${c.note}`;
  w.idx = i + 1;
  if (err !== 0) {
    if (c.w.switches.wcpErrorPolicy === 'stop_always' || w.sync !== WB_SYNC_ALL) {
      w.ret = err;
      w.doneIdx = i + 1;
      w.done = 1;
      c.note += '; write_cache_pages stops';
      return 'more';
    }
    if (w.ret === 0) w.ret = err;
    c.note += '; WB_SYNC_ALL: remember the first error and continue';
  }
  w.nr -= 1;
  if (w.nr <= 0 && w.sync !== WB_SYNC_ALL) w.done = 1;
  return 'more';
}

/** The value ->writepages returns: the loop's result, or the error an fs kept in its context. */
export function wcpResult(w: WcpState): number {
  return w.ret !== 0 ? w.ret : w.ctxErr;
}
