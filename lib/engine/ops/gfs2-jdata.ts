// gfs2 journaled data (thread 002): the buffered write whose ->page_done/->put_folio adds the
// page's buffer heads to the transaction, the jdata writeback that writes buffers in place, and
// reclaim (shrink_folio_list -> gfs2_release_folio -> try_to_free_buffers). The order of folio_unlock
// against gfs2_page_add_databufs comes from the iomapPutFolioMode switch.
import { PG_dirty, PG_private, PG_uptodate, PG_writeback } from '../constants';
import { BH_DIRTY, BH_LOCK, BH_PINNED, BH_UNJOURNALED, BIO_BH } from '../state';
import { clearPageDirtyForIo, finish, flag, newPage, page, pageSlot, removePage, setPageDirty, setPageWriteback, takeFault, type StepCtx } from '../step-context';
import type { Switches } from '../switches';
import { at, cachedPageAt, type KernelRef, type OpDef } from './op-def';

/** W1. */
export const GFS2_TRANS_BEGIN: KernelRef = { fn: 'gfs2_trans_begin', ref: 'fs/gfs2/trans.c:gfs2_trans_begin@v6.1 (from gfs2_iomap_page_prepare)' };
/** W2-W5 under the folio lock. */
export const GFS2_WRITE_BEGIN_END: KernelRef = { fn: 'iomap_write_begin', ref: 'fs/iomap/buffered-io.c:iomap_write_begin + __block_write_begin_int + iomap_write_end -> block_write_end@v6.1' };
/** W6. */
export const FOLIO_UNLOCK: KernelRef = { fn: 'folio_unlock', ref: 'fs/iomap/buffered-io.c:iomap_write_end@v6.1 (folio_unlock before ->page_done)' };
/** W8. */
export const GFS2_PAGE_ADD_DATABUFS: KernelRef = { fn: 'gfs2_page_add_databufs', ref: 'fs/gfs2/aops.c:gfs2_page_add_databufs@v6.1 -> gfs2_trans_add_data (lock_buffer, gfs2_pin)' };
/** W9-W10. */
export const GFS2_TRANS_END: KernelRef = { fn: 'gfs2_trans_end', ref: 'fs/gfs2/bmap.c:gfs2_iomap_page_done@v6.1 (__mark_inode_dirty, gfs2_trans_end)' };
/** The flusher. */
export const GFS2_JDATA_WRITEPAGES: KernelRef = { fn: 'gfs2_jdata_writepages', ref: 'fs/gfs2/aops.c:gfs2_jdata_writepages@v6.1 -> __block_write_full_folio' };
/** Reclaim. */
export const SHRINK_FOLIO_LIST: KernelRef = { fn: 'shrink_folio_list', ref: 'mm/vmscan.c:shrink_folio_list@v6.1 -> gfs2_release_folio -> try_to_free_buffers (fs/buffer.c)' };

type Phase = 'begin' | 'lockcopy' | 'unlock' | 'add' | 'endtrans' | 'endput';

/** The writer's micro-steps in order for each iomapPutFolioMode. */
export function jdataPhases(mode: Switches['iomapPutFolioMode']): readonly Phase[] {
  if (mode === 'unlock_then_done') return ['begin', 'lockcopy', 'unlock', 'add', 'endput'];
  if (mode === 'done_under_lock') return ['begin', 'lockcopy', 'add', 'endtrans', 'unlock'];
  return ['begin', 'lockcopy', 'add', 'unlock', 'endtrans'];
}

/** True if actor `x` is a jdata writer of page `index` between creating the buffers and pinning them. */
export function inAddWindow(c: StepCtx, x: number, index: number): boolean {
  const ins = c.w.actors[x]!.program[c.st.actors[x]!.pc];
  if (ins === undefined || ins.op !== 'gfs2_jdata_write' || ins.page !== index) return false;
  const phases = jdataPhases(c.w.switches.iomapPutFolioMode);
  const ph = c.st.actors[x]!.ph;
  return ph > phases.indexOf('lockcopy') && ph <= phases.indexOf('add');
}

function endTrans(c: StepCtx, slot: number): void {
  const p = page(c.st, slot);
  if (p.lock === c.a) flag(c, 'no-folio-lock-across-trans-end');
  c.actor.trans = 0;
}

/** A jdata buffered write of one page. */
export const gfs2JdataWrite: OpDef = {
  kind: 'gfs2_jdata_write',
  summary: 'write(2) of one page of a gfs2 journaled-data file through iomap',
  args: ['page', 'data'],
  optional: [],
  functions: [GFS2_TRANS_BEGIN, GFS2_WRITE_BEGIN_END, FOLIO_UNLOCK, GFS2_PAGE_ADD_DATABUFS, GFS2_TRANS_END],
  exec(c) {
    const i = c.ins.page;
    const phases = jdataPhases(c.w.switches.iomapPutFolioMode);
    const phase = phases[c.actor.ph]!;
    const last = c.actor.ph === phases.length - 1;
    let slot = pageSlot(c.st, i);
    if (phase === 'begin') {
      c.actor.trans = 1;
      at(c, GFS2_TRANS_BEGIN, 'transaction open (current->journal_info)');
    } else if (phase === 'lockcopy') {
      if (slot !== -1 && page(c.st, slot).lock !== -1) return false;
      if (slot === -1) slot = newPage(c.st, i);
      const p = page(c.st, slot);
      p.lock = c.a;
      p.ref += 1;
      if (p.bhs.length === 0) {
        p.bhs = new Array<number>(c.w.blocksPerPage).fill(0);
        p.flags |= PG_private;
      }
      c.actor.v = [p.bhGen];
      const copied = takeFault(c.st, 'short-copy', i) === 0;
      if (copied) {
        p.data = c.ins.data;
        p.flags |= PG_uptodate;
        p.bhs = p.bhs.map((b) => b | BH_DIRTY | BH_UNJOURNALED);
        setPageDirty(p);
      }
      at(c, GFS2_WRITE_BEGIN_END, copied ? `folio ${i} locked and referenced; buffers dirty with data ${c.ins.data}` : `folio ${i} locked; short copy (copied = 0): nothing dirtied`);
    } else if (phase === 'unlock') {
      const p = page(c.st, slot);
      p.lock = -1;
      if (last) p.ref -= 1;
      at(c, FOLIO_UNLOCK, `folio ${i} unlocked${last ? ' and put' : ''}`);
    } else if (phase === 'add') {
      const p = slot === -1 ? null : page(c.st, slot);
      if (p === null || (p.flags & PG_private) === 0 || p.bhGen !== c.actor.v[0]) {
        flag(c, 'no-use-after-free-of-bh');
        at(c, GFS2_PAGE_ADD_DATABUFS, `folio ${i}: buffers were freed by try_to_free_buffers; page_buffers() BUG / use after free`);
      } else {
        if (p.bhs.some((b) => (b & BH_LOCK) !== 0)) return false;
        p.bhs = p.bhs.map((b) => (b & ~(BH_DIRTY | BH_UNJOURNALED)) | BH_PINNED);
        at(c, GFS2_PAGE_ADD_DATABUFS, `folio ${i}: every buffer locked, pinned, added to tr_databuf`);
      }
    } else if (phase === 'endtrans') {
      endTrans(c, slot);
      const p = page(c.st, slot);
      if (last) {
        p.lock = -1;
        p.ref -= 1;
      }
      at(c, GFS2_TRANS_END, `__mark_inode_dirty, gfs2_trans_end${p.lock === c.a ? ' with the folio still locked' : ''}${last ? '; folio unlocked and put' : ''}`);
    } else {
      endTrans(c, slot);
      page(c.st, slot).ref -= 1;
      at(c, GFS2_TRANS_END, '__mark_inode_dirty, gfs2_trans_end, folio_put');
    }
    if (last) finish(c, 0);
    else c.actor.ph += 1;
    return true;
  },
};

/** One pass of jdata writeback over one page. */
export const gfs2JdataWritepages: OpDef = {
  kind: 'gfs2_jdata_writepages',
  summary: 'gfs2 jdata writeback of one page: clean the folio, write its dirty unpinned buffers in place',
  args: ['page'],
  optional: [],
  functions: [GFS2_JDATA_WRITEPAGES],
  exec(c) {
    const i = c.ins.page;
    const slot = pageSlot(c.st, i);
    if (slot === -1 || (page(c.st, slot).flags & PG_dirty) === 0) {
      at(c, GFS2_JDATA_WRITEPAGES, `folio ${i} not dirty, nothing to do`);
      finish(c, 0);
      return true;
    }
    const p = page(c.st, slot);
    if (p.lock !== -1 || (p.flags & PG_writeback) !== 0) return false;
    clearPageDirtyForIo(c.st, p);
    if (p.bhs.length === 0) {
      p.bhs = new Array<number>(c.w.blocksPerPage).fill(BH_DIRTY);
      p.flags |= PG_private;
    }
    let sent = 0;
    p.bhs = p.bhs.map((b, k) => {
      if ((b & BH_DIRTY) === 0 || (b & BH_PINNED) !== 0) return b;
      if ((b & BH_UNJOURNALED) !== 0) flag(c, 'jdata-journal-before-inplace');
      c.st.bios.push({ kind: BIO_BH, slot, data: p.data, bh: k });
      sent += 1;
      return (b & ~(BH_DIRTY | BH_UNJOURNALED)) | BH_LOCK;
    });
    if (sent > 0) setPageWriteback(p, false);
    at(c, GFS2_JDATA_WRITEPAGES, `folio ${i}: folio_clear_dirty_for_io; ${sent} buffer(s) written in place`);
    finish(c, 0);
    return true;
  },
};

/** One reclaim attempt on one page. */
export const shrinkFolioList: OpDef = {
  kind: 'shrink_folio_list',
  summary: 'reclaim of one page: trylock, release buffers (gfs2_release_folio, try_to_free_buffers), remove if unreferenced',
  args: ['page'],
  optional: [],
  functions: [SHRINK_FOLIO_LIST],
  exec(c) {
    const i = c.ins.page;
    const slot = cachedPageAt(c, SHRINK_FOLIO_LIST, i);
    if (slot === -1) return true;
    const p = page(c.st, slot);
    if (p.lock !== -1 || (p.flags & (PG_dirty | PG_writeback)) !== 0) {
      c.note = `folio ${i}: ${p.lock !== -1 ? 'folio_trylock fails' : 'dirty or under writeback'}, skipped`;
      finish(c, -16);
      return true;
    }
    if ((p.flags & PG_private) !== 0) {
      if (p.bhs.some((b) => (b & (BH_DIRTY | BH_LOCK | BH_PINNED)) !== 0)) {
        c.note = `folio ${i}: gfs2_release_folio refuses (buffer dirty, locked or pinned)`;
        finish(c, -16);
        return true;
      }
      for (let x = 0; x < c.w.actors.length; x += 1) if (x !== c.a && inAddWindow(c, x, i)) flag(c, 'no-buffer-free-during-transaction-add');
      p.bhs = [];
      p.flags &= ~PG_private;
      p.bhGen += 1;
      c.note = `folio ${i}: try_to_free_buffers frees the buffer heads`;
    }
    if (p.ref === 0) {
      removePage(c, slot);
      c.note += '; __remove_mapping removes the folio';
    } else c.note += `; __remove_mapping fails (${p.ref} extra reference)`;
    finish(c, 0);
    return true;
  },
};
