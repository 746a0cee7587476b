// Kernel constants the model uses: errno values, page flag bits, page-cache tags, PTE states and
// per-block extent bits. Kernel names are kept so a trace reads like the code it models.

/** Positive errno values (the kernel returns them negated). */
export const EIO = 5;
/** Resource temporarily unavailable; the btrfs start hook's "redirty and retry". */
export const EAGAIN = 11;
/** Block device required; iomap_dio_rw's "fall back to buffered I/O" (60263d5889e6). */
export const ENOTBLK = 15;
/** Device or resource busy; invalidate_inode_pages2_range's failure and the old btrfs start hook. */
export const EBUSY = 16;
/** No space left on device; the btrfs fixup worker's reservation failure. */
export const ENOSPC = 28;

/** Errno names by value, for traces. */
export const ERRNO_NAMES: Readonly<Record<number, string>> = { 5: 'EIO', 11: 'EAGAIN', 15: 'ENOTBLK', 16: 'EBUSY', 28: 'ENOSPC' };

/** PG_dirty: the page holds data newer than the disk. */
export const PG_dirty = 1 << 0;
/** PG_writeback: a write of the page is in flight. */
export const PG_writeback = 1 << 1;
/** PG_uptodate: the page contents are valid. */
export const PG_uptodate = 1 << 2;
/** PG_error: the last I/O on the page failed. */
export const PG_error = 1 << 3;
/** PG_checked: btrfs uses it to mean "a writepage fixup is queued for this page". */
export const PG_checked = 1 << 4;
/** PG_private: fs data (buffer heads, iomap_page, btrfs extent state) is attached. */
export const PG_private = 1 << 5;
/** PG_private_2: btrfs "the page is covered by an ordered extent" (TestClearPagePrivate2 in the start hook). */
export const PG_private_2 = 1 << 6;

/** Page flag names in bit order, for traces. PG_locked is the separate `lock` owner field. */
export const PAGE_FLAG_NAMES: readonly string[] = ['PG_dirty', 'PG_writeback', 'PG_uptodate', 'PG_error', 'PG_checked', 'PG_private', 'PG_private_2'];

/** PAGECACHE_TAG_DIRTY: set by set_page_dirty, cleared by set_page_writeback of a clean page. */
export const TAG_DIRTY = 1 << 0;
/** PAGECACHE_TAG_TOWRITE: set by tag_pages_for_writeback for WB_SYNC_ALL, cleared by set_page_writeback. */
export const TAG_TOWRITE = 1 << 1;
/** PAGECACHE_TAG_WRITEBACK: set while PG_writeback is set. */
export const TAG_WRITEBACK = 1 << 2;

/** Page-cache tag names in bit order, for traces. */
export const TAG_NAMES: readonly string[] = ['PAGECACHE_TAG_DIRTY', 'PAGECACHE_TAG_TOWRITE', 'PAGECACHE_TAG_WRITEBACK'];

/** PTE states per task and page: none, present read-only (write-protected), present writable. */
export const PTE_NONE = 0;
/** A present, write-protected PTE: the next store takes do_wp_page. */
export const PTE_RO = 1;
/** A present, writable PTE: stores go straight to the page. */
export const PTE_RW = 2;

/** Block bit: a delayed-allocation reservation (XFS i_delayed_blks, btrfs EXTENT_DELALLOC). */
export const BLK_DELALLOC = 1 << 0;
/** Block bit: a real allocated extent exists on disk. */
export const BLK_REAL = 1 << 1;
/** Block bit: btrfs EXTENT_LOCKED is held on the range (io_tree lock_extent_bits). */
export const BLK_EXTENT_LOCKED = 1 << 2;
/** Block bit: a btrfs ordered extent covers the block and has not finished (btrfs_finish_ordered_io). */
export const BLK_ORDERED = 1 << 3;

/** Block bit names in bit order, for traces. */
export const BLK_NAMES: readonly string[] = ['delalloc', 'real', 'EXTENT_LOCKED', 'ordered'];

/** AS_EIO in mapping->flags: the legacy error bit filemap_check_errors tests and clears. */
export const AS_EIO = 1 << 0;
/** AS_ENOSPC in mapping->flags. */
export const AS_ENOSPC = 1 << 1;
