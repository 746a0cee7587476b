// The kernel behaviours a variant selects. Every operation reads these switches at the point where
// the kernel versions differ, so flipping one switch changes what the model does, not a label.

/** Named behaviour switches; defaults are the code each thread started from. */
export interface Switches {
  /** write_cache_pages on a ->writepage error: stop in every mode (v4.19) or only for WB_SYNC_NONE (3fa750dcf29e). */
  wcpErrorPolicy: 'stop_always' | 'continue_if_sync_all';
  /** xfs_do_writepage: return each page's error to write_cache_pages (v4.19) or keep it in xfs_writepage_ctx (Brian Foster's patch). */
  xfsWritepageErrorReturn: 'per_page' | 'ctx_deferred';
  /** iomap_writepage_map submission error (count == 0): ClearPageUptodate (v5.7) or not (e9c3a8e820ed). */
  wbSubmitErrorClearsUptodate: boolean;
  /** iomap_page_mkwrite_actor on a !PageUptodate page: WARN and dirty (v5.7) or return -EIO -> SIGBUS (Willy's patch). */
  mkwriteNotUptodate: 'warn_and_dirty' | 'return_eio_sigbus';
  /** do_wp_page checks PageUptodate before ->page_mkwrite: no (v5.7), SIGBUS, or zap the PTE and refault (Dave Chinner's alternative). */
  wpFaultChecksUptodate: 'off' | 'sigbus' | 'zap_and_refault';
  /** unmap_mapping_range on a writeback submission error (Darrick Wong / Willy, never landed). */
  unmapOnWbError: boolean;
  /** What iomap_dio_rw does when the pre-write invalidate_inode_pages2_range fails. */
  dioPreInvalFail: 'warn_eio_continue' | 'return_zero' | 'return_zero_if_flag' | 'warn_continue' | 'enotblk';
  /** Where iomap's ->page_done / ->put_folio runs relative to folio_unlock. */
  iomapPutFolioMode: 'unlock_then_done' | 'rfc_folio_ops' | 'done_under_lock' | 'landed_put_folio';
  /** btrfs_writepage_start_hook's return after queueing a fixup: -EBUSY (87826df0ec36, no redirty) or -EAGAIN (25f3c5021985, redirty). */
  btrfsStartHookReturn: 'ebusy' | 'eagain';
  /** btrfs_writepage_fixup_worker's reservation failure path: clear Checked and report only (v4.17) or also clean the page and set PG_error (25f3c5021985). */
  btrfsFixupErrorPath: 'report_only' | 'clean_and_report';
  /** btrfs_writepage_fixup_worker reserves space before lock_page (f4b1363cae43) instead of under it. */
  btrfsFixupReserveBeforeLock: boolean;
}

/** The starting point of every thread: the code as it was when each thread was written. */
export const DEFAULT_SWITCHES: Readonly<Switches> = Object.freeze({
  wcpErrorPolicy: 'stop_always',
  xfsWritepageErrorReturn: 'per_page',
  wbSubmitErrorClearsUptodate: true,
  mkwriteNotUptodate: 'warn_and_dirty',
  wpFaultChecksUptodate: 'off',
  unmapOnWbError: false,
  dioPreInvalFail: 'warn_eio_continue',
  iomapPutFolioMode: 'unlock_then_done',
  btrfsStartHookReturn: 'ebusy',
  btrfsFixupErrorPath: 'report_only',
  btrfsFixupReserveBeforeLock: false,
});

/** Every value each switch can take, for validation and for the mutation test. */
export const SWITCH_VALUES: Readonly<Record<keyof Switches, readonly (string | boolean)[]>> = {
  wcpErrorPolicy: ['stop_always', 'continue_if_sync_all'],
  xfsWritepageErrorReturn: ['per_page', 'ctx_deferred'],
  wbSubmitErrorClearsUptodate: [true, false],
  mkwriteNotUptodate: ['warn_and_dirty', 'return_eio_sigbus'],
  wpFaultChecksUptodate: ['off', 'sigbus', 'zap_and_refault'],
  unmapOnWbError: [false, true],
  dioPreInvalFail: ['warn_eio_continue', 'return_zero', 'return_zero_if_flag', 'warn_continue', 'enotblk'],
  iomapPutFolioMode: ['unlock_then_done', 'rfc_folio_ops', 'done_under_lock', 'landed_put_folio'],
  btrfsStartHookReturn: ['ebusy', 'eagain'],
  btrfsFixupErrorPath: ['report_only', 'clean_and_report'],
  btrfsFixupReserveBeforeLock: [false, true],
};
