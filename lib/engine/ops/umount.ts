// umount: generic_shutdown_super -> sync_filesystem (a WB_SYNC_NONE pass with tagged_writepages,
// then a WB_SYNC_ALL pass, each one shot per inode), then evict: truncate_inode_pages_final drops
// what is left (XFS's invalidatepage does not punch delalloc) and xfs_fs_destroy_inode asserts
// i_delayed_blks == 0 unless the filesystem is shut down.
import { PG_dirty } from '../constants';
import { finish, flag, removePage, type StepCtx } from '../step-context';
import { at, type KernelRef, type OpDef } from './op-def';
import { writebackPending } from './fsync';
import { NR_ALL, WB_SYNC_ALL, WB_SYNC_NONE_TAGGED, wcpBegin, wcpStep } from './write-cache-pages';

/** The sync half. */
export const SYNC_FILESYSTEM: KernelRef = { fn: 'sync_filesystem', ref: 'fs/sync.c:sync_filesystem@v4.19 (writeback_inodes_sb, sync_inodes_sb)' };
/** The eviction half. */
export const EVICT: KernelRef = { fn: 'evict', ref: 'fs/inode.c:evict@v4.19 -> truncate_inode_pages_final; fs/xfs/xfs_super.c:xfs_fs_destroy_inode@v4.19' };

function drive(c: StepCtx, next: number): boolean {
  const r = wcpStep(c);
  if (r === 'blocked') return false;
  if (r === 'done') {
    c.actor.w = null;
    c.actor.ph = next;
  }
  return true;
}

/** Unmount of the filesystem holding the file. */
export const umount: OpDef = {
  kind: 'umount',
  summary: 'umount: sync_filesystem (WB_SYNC_NONE then WB_SYNC_ALL), then evict the inode',
  args: [],
  optional: [],
  functions: [SYNC_FILESYSTEM, EVICT],
  exec(c) {
    const ph = c.actor.ph;
    if (ph === 0) {
      if (c.actor.w === null) wcpBegin(c, WB_SYNC_NONE_TAGGED, false, 0, c.w.pageCount - 1, NR_ALL);
      return drive(c, 1);
    }
    if (ph === 1) {
      if (writebackPending(c, false)) return false;
      wcpBegin(c, WB_SYNC_ALL, false, 0, c.w.pageCount - 1, NR_ALL);
      c.actor.ph = 2;
      return drive(c, 3);
    }
    if (ph === 2) return drive(c, 3);
    if (writebackPending(c, false)) return false;
    let dirty = '';
    for (const p of c.st.pages) if (p.mapped === 1 && (p.flags & PG_dirty) !== 0) dirty += ` ${p.index}`;
    if (dirty !== '') flag(c, 'no-dirty-pages-after-umount-sync');
    for (let s = 0; s < c.st.pages.length; s += 1) if (c.st.pages[s]!.mapped === 1) removePage(c, s);
    const leaked = c.w.fs === 'xfs' && c.st.delayed !== 0 && c.st.shutdown === 0;
    if (leaked) flag(c, 'no-delalloc-at-reclaim');
    c.st.evicted = 1;
    at(c, EVICT, `${dirty !== '' ? `still dirty after sync_filesystem:${dirty}; ` : ''}truncate_inode_pages_final; i_delayed_blks = ${c.st.delayed}${leaked ? ' -> ASSERT(i_delayed_blks == 0) fails in xfs_fs_destroy_inode' : ''}`);
    finish(c, 0);
    return true;
  },
};
