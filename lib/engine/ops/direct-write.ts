// A direct write of one page: the fs wrapper's lock, iomap_dio_rw (flush, pre-write invalidation,
// the variant's handling of an invalidation failure, submit and completion, post-write invalidation
// in iomap_dio_complete) and the caller's buffered fallback, per filesystem.
import { BLK_DELALLOC, BLK_EXTENT_LOCKED, BLK_ORDERED, BLK_REAL, EBUSY, EIO, ENOTBLK, PG_dirty, PG_uptodate, PG_writeback } from '../constants';
import { errseqSet } from '../errseq';
import { finish, flag, lossEvent, newPage, page, pageSlot, removePage, takeFault, zapPtes, type StepCtx } from '../step-context';
import { copyIntoPage } from './buffered-write';
import { at, type KernelRef, type OpDef } from './op-def';
import { NR_ALL, WB_SYNC_ALL, wcpBegin, wcpResult, wcpStep } from './write-cache-pages';

/** The fs wrappers' locking, per filesystem. */
export const DIO_FS_LOCK: Readonly<Record<string, KernelRef>> = {
  xfs: { fn: 'xfs_file_dio_aio_write', ref: 'fs/xfs/xfs_file.c:xfs_file_dio_aio_write@v5.7 (xfs_ilock IOLOCK_SHARED)' },
  btrfs: { fn: 'btrfs_direct_write', ref: 'fs/btrfs/file.c:btrfs_direct_write@v5.8-rc1 (inode_unlock when pos + count <= i_size)' },
  ext4: { fn: 'ext4_dio_write_iter', ref: 'fs/ext4/file.c:ext4_dio_write_iter@v5.7 (inode_lock_shared for overwrites)' },
};
/** D1. */
export const FILEMAP_WRITE_AND_WAIT_RANGE: KernelRef = { fn: 'filemap_write_and_wait_range', ref: 'mm/filemap.c:filemap_write_and_wait_range@v5.7 (from iomap_dio_rw)' };
/** D2/D6. */
export const INVALIDATE_INODE_PAGES2_RANGE: KernelRef = { fn: 'invalidate_inode_pages2_range', ref: 'mm/truncate.c:invalidate_inode_pages2_range@v5.7' };
/** D3 and the variant's handling. */
export const IOMAP_DIO_RW: KernelRef = { fn: 'iomap_dio_rw', ref: 'fs/iomap/direct-io.c:iomap_dio_rw@v5.7 (pre-write invalidation failure, per variant)' };
/** D4/D5. */
export const IOMAP_DIO_BIO: KernelRef = { fn: 'iomap_dio_bio_actor', ref: 'fs/iomap/direct-io.c:iomap_dio_bio_actor@v5.7 + iomap_dio_bio_end_io (btrfs: lock_extent_direct waits for ordered extents)' };
/** D6. */
export const IOMAP_DIO_COMPLETE: KernelRef = { fn: 'iomap_dio_complete', ref: 'fs/iomap/direct-io.c:iomap_dio_complete@v5.7 (post-write invalidation, dio_warn_stale_pagecache)' };
/** D7: what each caller does with iomap_dio_rw's return, per filesystem. */
export const DIO_CALLER: Readonly<Record<string, KernelRef>> = {
  xfs: { fn: 'xfs_file_write_iter', ref: 'fs/xfs/xfs_file.c:xfs_file_write_iter@v5.7 (no partial fallback; -ENOTBLK -> xfs_file_buffered_aio_write from 80e543ae24db, v5.9)' },
  btrfs: { fn: 'btrfs_direct_write', ref: 'fs/btrfs/file.c:btrfs_direct_write@v5.8-rc1 (short write or -ENOTBLK -> btrfs_buffered_write)' },
  ext4: { fn: 'ext4_dio_write_iter', ref: 'fs/ext4/file.c:ext4_dio_write_iter@v5.7 (short write -> ext4_buffered_write_iter; -ENOTBLK -> 0 from v5.9)' },
};

/** Bytes in the one-page direct write the model issues. */
export const DIO_COUNT = 4096;

// Registers of this operation.
const FLUSH = 0;
const INVAL = 1;
const AT_D2 = 2;
const RET = 3;
const DIOERR = 4;
const LOSS = 5;

/** invalidate_inode_pages2_range over one page: 'blocked', 0, or -EBUSY. */
function invalidateOne(c: StepCtx, i: number): number | 'blocked' {
  const slot = pageSlot(c.st, i);
  if (slot === -1) return 0;
  const p = page(c.st, slot);
  if (p.lock !== -1) return 'blocked';
  if ((p.flags & PG_writeback) !== 0) return 'blocked';
  zapPtes(c.st, i);
  if ((p.flags & PG_dirty) !== 0) return -EBUSY;
  const extentLocked = c.w.fs === 'btrfs' && (c.st.blk[i]! & BLK_EXTENT_LOCKED) !== 0;
  if (extentLocked || takeFault(c.st, 'release-fail', i) !== 0) return -EBUSY;
  removePage(c, slot);
  return 0;
}

function releaseLock(c: StepCtx): void {
  if (c.w.fs === 'xfs' || c.w.fs === 'ext4') c.st.rwsem -= 1;
}

function complete(c: StepCtx, r: number): void {
  const i = c.ins.page;
  if (r > 0) {
    const slot = pageSlot(c.st, i);
    if (slot !== -1) {
      const p = page(c.st, slot);
      const stale = (p.flags & PG_uptodate) !== 0 && p.data !== c.st.disk[i] && p.data === c.actor.v[AT_D2];
      if (stale) flag(c, 'no-stale-pagecache-after-dio');
      if (stale && c.actor.v[LOSS] === 0) flag(c, 'no-stale-pagecache-after-dio-or-reported');
    }
  }
  if (c.w.fs === 'xfs' && r >= 0 && r < DIO_COUNT) flag(c, 'dio-write-all-or-error');
  c.note += `; direct write returns ${r}`;
  finish(c, r);
}

function d3(c: StepCtx): void {
  const inval = c.actor.v[INVAL]!;
  const mode = c.w.switches.dioPreInvalFail;
  const flagged = mode === 'return_zero' || (mode === 'return_zero_if_flag' && c.w.fs === 'btrfs');
  if (inval === 0) {
    c.actor.ph = 4;
    return;
  }
  if (mode === 'enotblk') {
    c.actor.v[RET] = -ENOTBLK;
    c.actor.ph = 6;
    c.note += '; return -ENOTBLK';
    return;
  }
  if (flagged && inval === -EBUSY) {
    c.actor.v[RET] = 0;
    c.actor.ph = 6;
    c.note += '; -EBUSY -> return 0, no I/O';
    return;
  }
  if (mode === 'warn_continue') {
    c.note += '; warn only, continue the direct write';
  } else {
    c.st.wbErr = errseqSet(c.st.wbErr, EIO);
    flag(c, 'pre-write-inval-failure-not-an-error');
    c.note += '; dio_warn_stale_pagecache: errseq_set(wb_err, -EIO), continue';
  }
  c.actor.ph = 4;
}

/** A direct write of one page. */
export const directWrite: OpDef = {
  kind: 'dio_write',
  summary: 'O_DIRECT write of one page (iomap_dio_rw and the fs wrapper)',
  args: ['page', 'data'],
  optional: [],
  functions: [...Object.values(DIO_FS_LOCK), FILEMAP_WRITE_AND_WAIT_RANGE, INVALIDATE_INODE_PAGES2_RANGE, IOMAP_DIO_RW, IOMAP_DIO_BIO, IOMAP_DIO_COMPLETE, ...Object.values(DIO_CALLER)],
  exec(c) {
    const i = c.ins.page;
    const v = c.actor.v;
    switch (c.actor.ph) {
      case 0: {
        if (c.w.fs === 'btrfs' ? c.st.rwsem !== 0 : c.st.rwsem < 0) return false;
        if (c.w.fs !== 'btrfs') c.st.rwsem += 1;
        c.actor.v = [0, 0, -1, 0, 0, 0];
        wcpBegin(c, WB_SYNC_ALL, false, i, i, NR_ALL);
        c.actor.ph = 1;
        at(c, DIO_FS_LOCK[c.w.fs]!, c.w.fs === 'btrfs' ? 'inode_lock, then inode_unlock (write within i_size)' : 'i_rwsem held shared');
        return true;
      }
      case 1: {
        const r = wcpStep(c);
        if (r === 'blocked') return false;
        if (r === 'done') {
          v[FLUSH] = wcpResult(c.actor.w!);
          c.actor.w = null;
          c.actor.ph = 2;
        }
        return true;
      }
      case 2: {
        const slot = pageSlot(c.st, i);
        if (v[FLUSH] !== -EIO && slot !== -1 && (page(c.st, slot).flags & PG_writeback) !== 0) return false;
        const asErr = c.st.asFlags !== 0 ? -EIO : 0;
        c.st.asFlags = 0;
        const err = v[FLUSH] !== 0 ? v[FLUSH]! : asErr;
        at(c, FILEMAP_WRITE_AND_WAIT_RANGE, `page ${i} flushed; filemap_check_errors ${err === 0 ? 'clean' : `returns ${err}`}`);
        if (err !== 0) {
          v[RET] = err;
          c.actor.ph = 6;
        } else c.actor.ph = 3;
        return true;
      }
      case 3: {
        const r = invalidateOne(c, i);
        if (r === 'blocked') return false;
        v[INVAL] = r;
        const slot = pageSlot(c.st, i);
        v[AT_D2] = slot === -1 ? -1 : page(c.st, slot).data;
        at(c, INVALIDATE_INODE_PAGES2_RANGE, r === 0 ? `page ${i} invalidated (pre-write)` : `page ${i}: pre-write invalidation -EBUSY`);
        d3(c);
        return true;
      }
      case 4: {
        if (c.w.fs === 'btrfs' && (c.st.blk[i]! & (BLK_EXTENT_LOCKED | BLK_ORDERED)) !== 0) return false;
        const errno = takeFault(c.st, 'dio-io-error', i);
        if (errno !== 0) v[DIOERR] = -errno;
        else {
          c.st.disk[i] = c.ins.data;
          c.st.blk[i] = (c.st.blk[i]! & ~BLK_DELALLOC) | BLK_REAL;
        }
        at(c, IOMAP_DIO_BIO, errno !== 0 ? `bio error -${errno}` : `data ${c.ins.data} on disk`);
        c.actor.ph = 5;
        return true;
      }
      case 5: {
        at(c, IOMAP_DIO_COMPLETE, '');
        if (v[DIOERR] === 0 && pageSlot(c.st, i) !== -1) {
          const r = invalidateOne(c, i);
          if (r === 'blocked') return false;
          if (r !== 0) {
            c.st.wbErr = errseqSet(c.st.wbErr, EIO);
            const slot = pageSlot(c.st, i);
            if (slot !== -1 && page(c.st, slot).data !== c.st.disk[i]) {
              lossEvent(c.st);
              v[LOSS] = 1;
            }
            c.note = `post-write invalidation -EBUSY: dio_warn_stale_pagecache (errseq -EIO)${v[LOSS] === 1 ? '; cache and disk disagree' : ''}`;
          } else c.note = `page ${i} invalidated (post-write)`;
        } else c.note = 'nothing cached to invalidate';
        v[RET] = v[DIOERR] !== 0 ? v[DIOERR]! : DIO_COUNT;
        c.actor.ph = 6;
        return true;
      }
      case 6: {
        const r = v[RET]!;
        const fallback = (r === -ENOTBLK && c.w.switches.dioPreInvalFail === 'enotblk') || (r >= 0 && r < DIO_COUNT && c.w.fs !== 'xfs');
        releaseLock(c);
        at(c, DIO_CALLER[c.w.fs]!, '');
        if (fallback) {
          c.actor.ph = 7;
          c.note = `iomap_dio_rw returned ${r}: buffered fallback next`;
          return true;
        }
        c.note = `iomap_dio_rw returned ${r}`;
        complete(c, r);
        return true;
      }
      default: {
        let slot = pageSlot(c.st, i);
        if (slot !== -1 && page(c.st, slot).lock !== -1) return false;
        if (slot === -1) slot = newPage(c.st, i);
        copyIntoPage(c, slot, c.ins.data);
        at(c, DIO_CALLER[c.w.fs]!, `buffered write of data ${c.ins.data} into page ${i}`);
        complete(c, DIO_COUNT);
        return true;
      }
    }
  },
};
