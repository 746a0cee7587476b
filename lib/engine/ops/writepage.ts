// Each filesystem's ->writepage as write_cache_pages calls it: XFS (xfs_do_writepage in v4.19,
// iomap_writepage_map in v5.7) with its submission-error path, btrfs (__extent_writepage with the
// start hook that queues the fixup worker), and the plain buffer-head path for ext4.
import { BLK_DELALLOC, BLK_ORDERED, BLK_REAL, EAGAIN, EBUSY, EIO, PG_checked, PG_private_2, PG_uptodate } from '../constants';
import { BIO_WB, type WcpState } from '../state';
import { flag, lossEvent, mappingSetError, page, setPageDirty, setPageWriteback, takeFault, zapPtes, type StepCtx } from '../step-context';
import { at, type KernelRef } from './op-def';

/** XFS ->writepage at v4.19. */
export const XFS_WRITEPAGE_V419: KernelRef = { fn: 'xfs_do_writepage', ref: 'fs/xfs/xfs_aops.c:xfs_writepage_map@v4.19' };
/** iomap ->writepage at v5.7 (XFS, gfs2, zonefs). */
export const IOMAP_WRITEPAGE_V57: KernelRef = { fn: 'iomap_writepage_map', ref: 'fs/iomap/buffered-io.c:iomap_writepage_map@v5.7' };
/** The discard on a submission error at v4.19. */
export const XFS_DISCARD_V419: KernelRef = { fn: 'xfs_aops_discard_page', ref: 'fs/xfs/xfs_aops.c:xfs_aops_discard_page@v4.19' };
/** The discard on a submission error at v5.7 (iomap ->discard_page). */
export const XFS_DISCARD_V57: KernelRef = { fn: 'xfs_discard_page', ref: 'fs/xfs/xfs_aops.c:xfs_discard_page@v5.7' };
/** btrfs ->writepage through extent_write_cache_pages. */
export const BTRFS_WRITEPAGE: KernelRef = { fn: '__extent_writepage', ref: 'fs/btrfs/extent_io.c:__extent_writepage@v4.17' };
/** The btrfs start hook. */
export const BTRFS_START_HOOK: KernelRef = { fn: 'btrfs_writepage_start_hook', ref: 'fs/btrfs/inode.c:btrfs_writepage_start_hook@v4.17' };
/** Plain buffer-head writeback (ext4 and generic). */
export const BLOCK_WRITE_FULL_PAGE: KernelRef = { fn: 'block_write_full_page', ref: 'fs/buffer.c:__block_write_full_page@v5.7' };

/** The kernel functions ->writepage can model, for the steps table. */
export const WRITEPAGE_FUNCTIONS: readonly KernelRef[] = [XFS_WRITEPAGE_V419, IOMAP_WRITEPAGE_V57, XFS_DISCARD_V419, XFS_DISCARD_V57, BTRFS_WRITEPAGE, BTRFS_START_HOOK, BLOCK_WRITE_FULL_PAGE];

function submit(c: StepCtx, slot: number): void {
  const p = page(c.st, slot);
  setPageWriteback(p, false);
  c.st.bios.push({ kind: BIO_WB, slot, data: p.data, bh: 0 });
}

function xfsWritepage(c: StepCtx, slot: number, w: WcpState): number {
  const p = page(c.st, slot);
  const i = p.index;
  const r = c.w.kernel === 'v4.19' ? XFS_WRITEPAGE_V419 : IOMAP_WRITEPAGE_V57;
  const errno = c.st.shutdown === 1 ? EIO : takeFault(c.st, 'map-error', i);
  const blk = c.st.blk[i]!;
  if (errno === 0) {
    // xfs_map_blocks converts delalloc to a real extent (i_delayed_blks--).
    if ((blk & BLK_DELALLOC) !== 0) c.st.delayed -= 1;
    c.st.blk[i] = (blk & ~BLK_DELALLOC) | BLK_REAL;
    submit(c, slot);
    at(c, r, `page ${i}: mapped, set_page_writeback, bio submitted`);
    return 0;
  }
  // Submission error, count == 0: discard the page; it keeps its stale TAG_DIRTY/TOWRITE tags.
  const parts: string[] = [];
  if ((blk & BLK_DELALLOC) !== 0 && c.st.shutdown === 0) {
    c.st.blk[i] = blk & ~BLK_DELALLOC;
    c.st.delayed -= 1;
    parts.push('xfs_bmap_punch_delalloc_range');
  }
  if (c.w.switches.wbSubmitErrorClearsUptodate) {
    p.flags &= ~PG_uptodate;
    parts.push('ClearPageUptodate');
  }
  if (c.w.switches.unmapOnWbError) {
    zapPtes(c.st, i);
    parts.push('unmap_mapping_range');
  }
  mappingSetError(c.st, errno);
  lossEvent(c.st);
  w.failed = 1;
  const deferred = c.w.switches.xfsWritepageErrorReturn === 'ctx_deferred';
  if (deferred && w.ctxErr === 0) w.ctxErr = -errno;
  at(c, c.w.kernel === 'v4.19' ? XFS_DISCARD_V419 : XFS_DISCARD_V57, `page ${i}: xfs_map_blocks -> -${errno}; ${parts.join(', ') || 'no discard work'}; mapping_set_error; ${deferred ? 'error kept in xfs_writepage_ctx, return 0' : `return -${errno}`}`);
  return deferred ? 0 : -errno;
}

function btrfsWritepage(c: StepCtx, slot: number): number {
  const p = page(c.st, slot);
  const i = p.index;
  const blk = c.st.blk[i]!;
  if ((blk & BLK_DELALLOC) !== 0) {
    // writepage_delalloc -> run_delalloc_range: an ordered extent now covers the page.
    c.st.blk[i] = (blk & ~BLK_DELALLOC) | BLK_REAL | BLK_ORDERED;
    p.flags |= PG_private_2;
  }
  if ((p.flags & PG_private_2) !== 0) {
    p.flags &= ~PG_private_2;
    if ((c.st.blk[i]! & BLK_ORDERED) === 0) flag(c, 'no-write-without-cow-setup');
    submit(c, slot);
    at(c, BTRFS_WRITEPAGE, `page ${i}: ordered extent set up, start hook returns 0, bio submitted`);
    return 0;
  }
  const eagain = c.w.switches.btrfsStartHookReturn === 'eagain';
  if ((p.flags & PG_checked) !== 0) {
    setPageDirty(p);
    at(c, BTRFS_START_HOOK, `page ${i}: PageChecked, return -EAGAIN, redirty_page_for_writepage`);
    return 0;
  }
  if (p.fixup === 1) flag(c, 'one-fixup-per-page');
  p.flags |= PG_checked;
  p.ref += 1;
  p.fixup = 1;
  if (eagain) setPageDirty(p);
  at(c, BTRFS_START_HOOK, `page ${i}: dirtied without delalloc; SetPageChecked, get_page, queue fixup; return -${eagain ? `EAGAIN (${EAGAIN}), redirty` : `EBUSY (${EBUSY}), pages_skipped, page left clean`}`);
  return 0;
}

function plainWritepage(c: StepCtx, slot: number): number {
  const p = page(c.st, slot);
  c.st.blk[p.index] = (c.st.blk[p.index]! & ~BLK_DELALLOC) | BLK_REAL;
  submit(c, slot);
  at(c, BLOCK_WRITE_FULL_PAGE, `page ${p.index}: set_page_writeback, bio submitted`);
  return 0;
}

/** Calls the world's filesystem ->writepage on a locked page whose PG_dirty was just cleared; returns 0 or -errno. */
export function writepage(c: StepCtx, slot: number, w: WcpState): number {
  if (c.w.fs === 'xfs') return xfsWritepage(c, slot, w);
  if (c.w.fs === 'btrfs') return btrfsWritepage(c, slot);
  return plainWritepage(c, slot);
}
