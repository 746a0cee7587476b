// Per thread, the named kernel behaviours a scenario replays under: the code as it was, the patch
// proposed in the thread, the reviewers' alternative and what landed upstream (with commit ids).
import { DEFAULT_SWITCHES, type Switches } from './switches';

/** One named kernel behaviour: a set of switch values with its provenance. */
export interface Variant {
  /** Stable id used in scenario files and on the command line. */
  id: string;
  /** What this behaviour is, in one line. */
  title: string;
  /** Where it comes from: a kernel version, a patch posting or a commit id. */
  source: string;
  /** Switch values that differ from DEFAULT_SWITCHES and the thread's THREAD_BASE. */
  switches: Partial<Switches>;
}

/** Thread slugs the engine knows, in seed order. */
export const THREAD_SLUGS = [
  'write-cache-pages-stop-on-error',
  'iomap-dio-invalidation-eio',
  'gfs2-page-done-shrinker',
  'btrfs-fixup-worker-migration',
  'iomap-mkwrite-not-uptodate',
] as const;

/** A thread slug. */
export type ThreadSlug = (typeof THREAD_SLUGS)[number];

/** The variants of every thread, in presentation order (the original code first). */
export const THREAD_VARIANTS: Readonly<Record<ThreadSlug, readonly Variant[]>> = {
  'write-cache-pages-stop-on-error': [
    { id: 'v4.19', title: 'write_cache_pages stops at the first ->writepage error in every mode', source: 'mm/page-writeback.c@v4.19', switches: {} },
    { id: 'xfs-ctx-deferred', title: "Brian Foster's XFS patch: xfs_do_writepage keeps the error in xfs_writepage_ctx and returns 0", source: 'linux-xfs, 31 Oct 2018 (not merged)', switches: { xfsWritepageErrorReturn: 'ctx_deferred' } },
    { id: 'landed-3fa750dcf29e', title: "Dave Chinner's alternative, landed: keep iterating on error for WB_SYNC_ALL, remember the first error", source: 'commit 3fa750dcf29e (v5.0)', switches: { wcpErrorPolicy: 'continue_if_sync_all' } },
  ],
  'iomap-dio-invalidation-eio': [
    { id: 'v5.7', title: 'pre-write invalidation failure: dio_warn_stale_pagecache (errseq -EIO) and continue the direct write', source: 'fs/iomap/direct-io.c@v5.7', switches: {} },
    { id: 'goldwyn-return-zero', title: "Goldwyn Rodrigues' patch: return 0 on -EBUSY so the caller can fall back to buffered I/O", source: 'fsdevel, 28 May 2020 (not merged)', switches: { dioPreInvalFail: 'return_zero' } },
    { id: 'goldwyn-no-stale-flag', title: 'the same, only when the caller passes IOMAP_DIO_RWF_NO_STALE_PAGECACHE (btrfs does, xfs does not)', source: 'fsdevel, 8 Jul 2020 (replaced)', switches: { dioPreInvalFail: 'return_zero_if_flag' } },
    { id: 'darrick-post-write-eio', title: "Darrick Wong's proposal: warn only on pre-write failure, -EIO only when the post-write invalidation fails", source: 'fsdevel, 3 Jun 2020', switches: { dioPreInvalFail: 'warn_continue' } },
    { id: 'landed-60263d5889e6', title: 'landed: return -ENOTBLK so callers fall back to buffered writes (xfs: 80e543ae24db)', source: 'commits 60263d5889e6 + 80e543ae24db (v5.9)', switches: { dioPreInvalFail: 'enotblk' } },
  ],
  'gfs2-page-done-shrinker': [
    { id: 'v6.1', title: 'iomap_write_end unlocks the folio, then calls ->page_done (gfs2_iomap_page_done adds the buffers to the transaction)', source: 'fs/iomap/buffered-io.c@v6.1', switches: {} },
    { id: 'rfc-folio-ops', title: "Andreas Gruenbacher's RFC: ->get_folio returns the locked folio, ->folio_done adds buffers then unlocks", source: 'RFC v2, 1 Dec 2022', switches: { iomapPutFolioMode: 'rfc_folio_ops' } },
    { id: 'reviewer-done-under-lock', title: "Dave Chinner's alternative: call ->page_done (buffers, inode dirtying, trans_end) before folio_unlock", source: 'PATCH v2, 14 Dec 2022 (withdrawn)', switches: { iomapPutFolioMode: 'done_under_lock' } },
    { id: 'landed-80baab88bb93', title: 'landed: gfs2_iomap_put_folio adds buffers under the lock, unlocks, then dirties the inode and ends the transaction', source: 'commit 80baab88bb93 (v6.3)', switches: { iomapPutFolioMode: 'landed_put_folio' } },
  ],
  'btrfs-fixup-worker-migration': [
    { id: 'v4.17', title: 'start hook returns -EBUSY: the page stays clean until the fixup worker runs', source: 'fs/btrfs/inode.c@v4.17 (87826df0ec36)', switches: {} },
    { id: 'patch-2018', title: "Chris Mason's patch: -EAGAIN keeps the page dirty; the error path cleans it and sets PG_error", source: 'linux-btrfs, 20 Jun 2018', switches: { btrfsStartHookReturn: 'eagain', btrfsFixupErrorPath: 'clean_and_report' } },
    { id: 'landed-25f3c5021985', title: 'landed in v5.6: the 2018 patch as resent by Josef Bacik', source: 'commit 25f3c5021985 (v5.6)', switches: { btrfsStartHookReturn: 'eagain', btrfsFixupErrorPath: 'clean_and_report' } },
    { id: 'landed-f4b1363cae43', title: 'plus: reserve delalloc space before taking the page lock', source: 'commit f4b1363cae43 (v5.6)', switches: { btrfsStartHookReturn: 'eagain', btrfsFixupErrorPath: 'clean_and_report', btrfsFixupReserveBeforeLock: true } },
  ],
  'iomap-mkwrite-not-uptodate': [
    { id: 'v5.7', title: 'submission error clears PG_uptodate; do_wp_page calls ->page_mkwrite on it; iomap WARNs and dirties', source: 'fs/iomap/buffered-io.c@v5.7', switches: {} },
    { id: 'willy-return-eio', title: "Matthew Wilcox's patch: iomap_page_mkwrite_actor returns -EIO (SIGBUS) on a !Uptodate page", source: 'fsdevel, 4 Jun 2020 (not merged)', switches: { mkwriteNotUptodate: 'return_eio_sigbus' } },
    { id: 'dave-refault', title: "Dave Chinner's alternative: the write fault checks PageUptodate, zaps the PTE and refaults (re-reads)", source: 'fsdevel, 4 Jun 2020 (never written)', switches: { wpFaultChecksUptodate: 'zap_and_refault' } },
    { id: 'darrick-unmap-on-error', title: "Darrick Wong's proposal: unmap the page from every task on a writeback submission error", source: 'fsdevel, 5 Jun 2020 (never written)', switches: { unmapOnWbError: true } },
    { id: 'landed-e9c3a8e820ed', title: "landed: don't invalidate folios (or clear Uptodate) after writeback errors", source: 'commit e9c3a8e820ed (v5.19)', switches: { wbSubmitErrorClearsUptodate: false } },
  ],
};

/**
 * What each thread's kernel already had that DEFAULT_SWITCHES (the oldest code) lacks: threads
 * from v5.0 on run on a write_cache_pages that keeps going for WB_SYNC_ALL (3fa750dcf29e).
 */
export const THREAD_BASE: Readonly<Record<ThreadSlug, Partial<Switches>>> = {
  'write-cache-pages-stop-on-error': {},
  'iomap-dio-invalidation-eio': { wcpErrorPolicy: 'continue_if_sync_all' },
  'gfs2-page-done-shrinker': { wcpErrorPolicy: 'continue_if_sync_all' },
  'btrfs-fixup-worker-migration': {},
  'iomap-mkwrite-not-uptodate': { wcpErrorPolicy: 'continue_if_sync_all' },
};

/** The full switch set of a variant of a thread (defaults, then the thread's base, then the variant), or null if unknown. */
export function switchesFor(thread: string, variantId: string): Switches | null {
  const list = (THREAD_VARIANTS as Record<string, readonly Variant[] | undefined>)[thread];
  const v = list?.find((x) => x.id === variantId);
  if (v === undefined) return null;
  return { ...DEFAULT_SWITCHES, ...THREAD_BASE[thread as ThreadSlug], ...v.switches };
}
