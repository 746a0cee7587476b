// write(2) through the page cache: write_begin locks (or creates) the page under i_rwsem, write_end
// copies, marks it Uptodate and dirty and takes the fs's delalloc reservation.
import { BLK_DELALLOC, BLK_REAL, PG_uptodate } from '../constants';
import { finish, newPage, page, pageSlot, setPageDirty, type StepCtx } from '../step-context';
import { at, type KernelRef, type OpDef } from './op-def';

/** write_begin (XFS/iomap). */
export const WRITE_BEGIN: KernelRef = { fn: 'iomap_write_begin', ref: 'fs/iomap/buffered-io.c:iomap_write_begin@v5.7 (under xfs_ilock IOLOCK_EXCL / inode_lock)' };
/** write_end. */
export const WRITE_END: KernelRef = { fn: 'iomap_write_end', ref: 'fs/iomap/buffered-io.c:iomap_write_end@v5.7 -> set_page_dirty (delalloc: xfs_file_iomap_begin@v4.19, btrfs_dirty_pages@v5.7)' };

/** The dirtying half shared with the direct-write fallback: contents, Uptodate, dirty, delalloc. */
export function copyIntoPage(c: StepCtx, slot: number, data: number): void {
  const p = page(c.st, slot);
  p.data = data;
  p.flags |= PG_uptodate;
  setPageDirty(p);
  const i = p.index;
  const blk = c.st.blk[i]!;
  if (c.w.fs === 'xfs' && (blk & (BLK_REAL | BLK_DELALLOC)) === 0) {
    c.st.blk[i] = blk | BLK_DELALLOC;
    c.st.delayed += 1;
  } else if (c.w.fs === 'btrfs') c.st.blk[i] = blk | BLK_DELALLOC;
}

/** write(2) of one page. */
export const bufferedWrite: OpDef = {
  kind: 'write',
  summary: 'write(2) of a whole page through the page cache',
  args: ['page', 'data'],
  optional: [],
  functions: [WRITE_BEGIN, WRITE_END],
  surelyBlocked(s, a) {
    return s.actors[a]!.ph === 0 && s.rwsem !== 0;
  },
  exec(c) {
    const i = c.ins.page;
    if (c.actor.ph === 0) {
      if (c.st.rwsem !== 0) return false;
      let slot = pageSlot(c.st, i);
      if (slot !== -1 && page(c.st, slot).lock !== -1) return false;
      if (slot === -1) slot = newPage(c.st, i);
      c.st.rwsem = -(c.a + 1);
      page(c.st, slot).lock = c.a;
      c.actor.ph = 1;
      at(c, WRITE_BEGIN, `i_rwsem held exclusive; page ${i} locked`);
      return true;
    }
    const slot = pageSlot(c.st, i);
    copyIntoPage(c, slot, c.ins.data);
    page(c.st, slot).lock = -1;
    c.st.rwsem = 0;
    at(c, WRITE_END, `page ${i}: data ${c.ins.data}, SetPageUptodate, set_page_dirty; unlock_page; i_rwsem released`);
    finish(c, 0);
    return true;
  },
};
