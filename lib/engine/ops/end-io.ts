// The endio system actor: bio completions (end_page_writeback, with the completion-error path) and
// the btrfs ordered-extent worker that runs after them. It is an actor of its own because the kernel
// runs these asynchronously (softirq, workqueue), so they race with everything else; items complete
// in FIFO order (a modelling choice that keeps the state space small; see README).
import { BLK_EXTENT_LOCKED, BLK_ORDERED, EIO, PG_error } from '../constants';
import { BH_LOCK, BIO_BH, BIO_OE_LOCK, BIO_OE_UNLOCK, BIO_WB } from '../state';
import { assert, endPageWriteback, lossEvent, mappingSetError, page, takeFault, type StepCtx } from '../step-context';
import { at, type KernelRef } from './op-def';

/** Writeback bio completion (XFS ioend at v4.19; iomap at v5.7; generic end_page_writeback). */
export const END_PAGE_WRITEBACK: KernelRef = { fn: 'end_page_writeback', ref: 'mm/filemap.c:end_page_writeback@v5.7 (via xfs_finish_page_writeback@v4.19 / iomap_finish_page_writeback@v5.7)' };
/** The completion error path. */
export const WRITEBACK_IO_ERROR: KernelRef = { fn: 'iomap_finish_page_writeback', ref: 'fs/iomap/buffered-io.c:iomap_finish_page_writeback@v5.7 (SetPageError, mapping_set_error)' };
/** btrfs ordered-extent completion, first half. */
export const BTRFS_FINISH_ORDERED_LOCK: KernelRef = { fn: 'btrfs_finish_ordered_io', ref: 'fs/btrfs/inode.c:btrfs_finish_ordered_io@v5.7 (lock_extent_bits)' };
/** btrfs ordered-extent completion, second half. */
export const BTRFS_FINISH_ORDERED_UNLOCK: KernelRef = { fn: 'btrfs_finish_ordered_io', ref: 'fs/btrfs/inode.c:btrfs_finish_ordered_io@v5.7 (insert_reserved_file_extent, unlock_extent)' };
/** Buffer head write completion. */
export const END_BUFFER_ASYNC_WRITE: KernelRef = { fn: 'end_buffer_async_write', ref: 'fs/buffer.c:end_buffer_async_write@v6.1' };

/** Every kernel function the endio actor models. */
export const END_IO_FUNCTIONS: readonly KernelRef[] = [END_PAGE_WRITEBACK, WRITEBACK_IO_ERROR, BTRFS_FINISH_ORDERED_LOCK, BTRFS_FINISH_ORDERED_UNLOCK, END_BUFFER_ASYNC_WRITE];

/** Runs the oldest completion; returns false when nothing is in flight. */
export function endIoStep(c: StepCtx): boolean {
  const bio = c.st.bios.shift();
  if (bio === undefined) return false;
  const p = page(c.st, bio.slot);
  const i = p.index;
  if (bio.kind === BIO_WB) {
    const errno = takeFault(c.st, 'io-error', i);
    if (errno !== 0) {
      p.flags |= PG_error;
      mappingSetError(c.st, errno);
      lossEvent(c.st);
      endPageWriteback(p);
      at(c, WRITEBACK_IO_ERROR, `page ${i}: bio error -${errno}; SetPageError, mapping_set_error, end_page_writeback (page stays Uptodate)`);
    } else {
      c.st.disk[i] = bio.data;
      endPageWriteback(p);
      at(c, END_PAGE_WRITEBACK, `page ${i}: data ${bio.data} on disk; end_page_writeback`);
    }
    if (c.w.fs === 'btrfs' && (c.st.blk[i]! & BLK_ORDERED) !== 0 && errno === 0) c.st.bios.push({ kind: BIO_OE_LOCK, slot: bio.slot, data: 0, bh: 0 });
    return true;
  }
  if (bio.kind === BIO_OE_LOCK) {
    c.st.blk[i] = c.st.blk[i]! | BLK_EXTENT_LOCKED;
    c.st.bios.push({ kind: BIO_OE_UNLOCK, slot: bio.slot, data: 0, bh: 0 });
    at(c, BTRFS_FINISH_ORDERED_LOCK, `block ${i}: ordered-extent worker holds EXTENT_LOCKED`);
    return true;
  }
  if (bio.kind === BIO_OE_UNLOCK) {
    c.st.blk[i] = c.st.blk[i]! & ~(BLK_EXTENT_LOCKED | BLK_ORDERED);
    at(c, BTRFS_FINISH_ORDERED_UNLOCK, `block ${i}: file extent inserted, EXTENT_LOCKED released, ordered extent done`);
    return true;
  }
  assert(bio.kind === BIO_BH, `unknown completion kind ${bio.kind}`);
  const errno = takeFault(c.st, 'io-error', i);
  // Copy before changing: cloned states share buffer-head arrays (see cloneState).
  p.bhs = p.bhs.slice();
  p.bhs[bio.bh] = p.bhs[bio.bh]! & ~BH_LOCK;
  if (errno !== 0) {
    mappingSetError(c.st, EIO);
    lossEvent(c.st);
  } else c.st.disk[i] = bio.data;
  if (p.bhs.every((b) => (b & BH_LOCK) === 0)) endPageWriteback(p);
  at(c, END_BUFFER_ASYNC_WRITE, `page ${i} buffer ${bio.bh}: write ${errno !== 0 ? `failed -${errno}` : `of data ${bio.data} done`}; unlock_buffer`);
  return true;
}
