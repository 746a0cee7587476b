// btrfs pages dirtied behind the filesystem's back (thread 003): the out-of-band set_page_dirty,
// the fixup worker the start hook queues, page migration, page-cache invalidation and reclaim —
// the actors that can take a page out of the mapping while the fixup is pending.
import { BLK_DELALLOC, ENOSPC, EAGAIN, EBUSY, PG_checked, PG_dirty, PG_error, PG_private, PG_uptodate, PG_writeback } from '../constants';
import { clearPageDirtyForIo, finish, flag, hasFault, lossEvent, mappingSetError, newPage, page, pageSlot, removePage, setPageDirty, takeFault, zapPtes, type StepCtx } from '../step-context';
import { at, cachedPageAt, type KernelRef, type OpDef } from './op-def';

/** The out-of-band dirtier. */
export const ZAP_PTE_RANGE: KernelRef = { fn: 'zap_pte_range', ref: 'mm/memory.c:zap_pte_range@v4.17 -> set_page_dirty (munmap of a dirty PTE; no ->page_mkwrite, no delalloc)' };
/** The fixup worker. */
export const BTRFS_WRITEPAGE_FIXUP_WORKER: KernelRef = { fn: 'btrfs_writepage_fixup_worker', ref: 'fs/btrfs/inode.c:btrfs_writepage_fixup_worker@v4.17 (25f3c5021985, f4b1363cae43 per variant)' };
/** Its space reservation. */
export const BTRFS_DELALLOC_RESERVE_SPACE: KernelRef = { fn: 'btrfs_delalloc_reserve_space', ref: 'fs/btrfs/inode.c:btrfs_delalloc_reserve_space@v4.17' };
/** Migration of a page with no ->migratepage. */
export const FALLBACK_MIGRATE_PAGE: KernelRef = { fn: 'fallback_migrate_page', ref: 'mm/migrate.c:fallback_migrate_page@v4.17 -> migrate_page_move_mapping' };
/** Invalidation as a direct write does it. */
export const INVALIDATE_PAGES2: KernelRef = { fn: 'invalidate_inode_pages2_range', ref: 'mm/truncate.c:invalidate_inode_pages2_range@v4.17 (invalidate_complete_page2 ignores extra references)' };
/** Reclaim of a clean page. */
export const SHRINK_PAGE_LIST: KernelRef = { fn: 'shrink_page_list', ref: 'mm/vmscan.c:shrink_page_list@v4.17 -> try_to_release_page -> __remove_mapping' };

/** btrfs_releasepage: refuses dirty or writeback pages. */
function releasable(st: StepCtx['st'], slot: number): boolean {
  const p = page(st, slot);
  return (p.flags & (PG_dirty | PG_writeback)) === 0;
}

/** A page dirtied without ->page_mkwrite. */
export const setPageDirtyOob: OpDef = {
  kind: 'set_page_dirty_oob',
  summary: 'a store through a PTE that munmap turns into set_page_dirty without ->page_mkwrite (no delalloc)',
  args: ['page', 'data'],
  optional: [],
  functions: [ZAP_PTE_RANGE],
  exec(c) {
    const i = c.ins.page;
    let slot = pageSlot(c.st, i);
    if (slot === -1) slot = newPage(c.st, i);
    const p = page(c.st, slot);
    p.data = c.ins.data;
    p.flags |= PG_uptodate | PG_private;
    setPageDirty(p);
    zapPtes(c.st, i);
    at(c, ZAP_PTE_RANGE, `page ${i}: data ${c.ins.data}, set_page_dirty, no EXTENT_DELALLOC`);
    finish(c, 0);
    return true;
  },
};

function fixupSlot(c: StepCtx, index: number): number {
  for (let s = 0; s < c.st.pages.length; s += 1) {
    const p = c.st.pages[s]!;
    if (p.fixup === 1 && p.index === index) return s;
  }
  return -1;
}

function putFixup(c: StepCtx, slot: number): void {
  const p = page(c.st, slot);
  p.flags &= ~PG_checked;
  p.lock = -1;
  p.ref -= 1;
  p.fixup = 0;
}

// Registers: the reservation result taken before the page lock (f4b1363cae43), 1 once taken.
const RSV = 0;
const RSV_TAKEN = 1;

function reserve(c: StepCtx, index: number): number {
  const errno = takeFault(c.st, 'enospc', index);
  return errno === 0 ? 0 : -errno;
}

/** The fixup worker for one page. */
export const btrfsFixupWorker: OpDef = {
  kind: 'btrfs_writepage_fixup_worker',
  summary: 'the btrfs fixup worker: waits until a fixup for the page is queued, then sets up delalloc (or bails)',
  args: ['page'],
  optional: [],
  functions: [BTRFS_WRITEPAGE_FIXUP_WORKER, BTRFS_DELALLOC_RESERVE_SPACE],
  exec(c) {
    const i = c.ins.page;
    const slot = fixupSlot(c, i);
    if (slot === -1) return false;
    const before = c.w.switches.btrfsFixupReserveBeforeLock;
    if (c.actor.ph === 0) {
      c.actor.v = [0, 0];
      c.actor.ph = 1;
      if (before) {
        c.actor.v = [reserve(c, i), 1];
        at(c, BTRFS_DELALLOC_RESERVE_SPACE, `reserve before lock_page: ${c.actor.v[RSV] === 0 ? 'ok' : `-${ENOSPC}`}`);
        return true;
      }
    }
    const p = page(c.st, slot);
    if (c.actor.ph === 2) {
      // btrfs_delalloc_reserve_space under the page lock: with space this tight it flushes
      // delalloc, and that writeback needs this page's lock, which this worker holds.
      if (hasFault(c.st, 'space-flush', i)) return false;
      return fixupBody(c, slot);
    }
    if (p.lock !== -1) return false;
    p.lock = c.a;
    at(c, BTRFS_WRITEPAGE_FIXUP_WORKER, '');
    if (p.mapped === 0 || (p.flags & PG_dirty) === 0 || (p.flags & PG_checked) === 0) {
      c.note = `page ${i}: ${p.mapped === 0 ? '!page->mapping' : (p.flags & PG_dirty) === 0 ? '!PageDirty' : '!PageChecked'}: bail out, ClearPageChecked, put_page${c.actor.v[RSV_TAKEN] === 1 && c.actor.v[RSV] === 0 ? ', release the reservation' : ''}`;
      putFixup(c, slot);
      finish(c, 0);
      return true;
    }
    if (c.actor.v[RSV_TAKEN] !== 1) {
      // About to call btrfs_delalloc_reserve_space with the page locked: the hazard f4b1363cae43 removed.
      flag(c, 'no-page-lock-across-space-flush');
      c.actor.ph = 2;
      c.note = `page ${i}: lock_page; dirty and PageChecked: lock_extent_bits, reserve space next (under the page lock)`;
      return true;
    }
    return fixupBody(c, slot);
  },
};

/** The rest of the worker once the page is locked and checked: the reservation result, then delalloc or the error path. */
function fixupBody(c: StepCtx, slot: number): boolean {
  const i = c.ins.page;
  const p = page(c.st, slot);
  at(c, BTRFS_WRITEPAGE_FIXUP_WORKER, '');
  const ret = c.actor.v[RSV_TAKEN] === 1 ? c.actor.v[RSV]! : reserve(c, i);
  if (ret !== 0) {
    mappingSetError(c.st, ENOSPC);
    lossEvent(c.st);
    if (c.w.switches.btrfsFixupErrorPath === 'clean_and_report') {
      clearPageDirtyForIo(c.st, p);
      p.flags |= PG_error;
    }
    c.note = `page ${i}: btrfs_delalloc_reserve_space -> -ENOSPC; mapping_set_error${c.w.switches.btrfsFixupErrorPath === 'clean_and_report' ? ', clear_page_dirty_for_io, SetPageError' : ''}; ClearPageChecked`;
    putFixup(c, slot);
    if ((p.flags & (PG_dirty | PG_checked)) !== 0 || (c.st.asFlags === 0)) flag(c, 'fixup-error-cleans-and-reports');
    finish(c, -ENOSPC);
    return true;
  }
  c.st.blk[i] = c.st.blk[i]! | BLK_DELALLOC;
  if (c.w.switches.btrfsStartHookReturn === 'ebusy') setPageDirty(p);
  if ((p.flags & PG_dirty) === 0 || (c.st.blk[i]! & BLK_DELALLOC) === 0) flag(c, 'fixup-success-leaves-dirty-delalloc');
  c.note = `page ${i}: btrfs_set_extent_delalloc; page dirty with delalloc; ClearPageChecked, unlock, put_page`;
  putFixup(c, slot);
  finish(c, 0);
  return true;
}

/** Migration of one page (MIGRATE_ASYNC). */
export const migratePage: OpDef = {
  kind: 'migrate_page',
  summary: 'page migration (compaction, MIGRATE_ASYNC) of one page through fallback_migrate_page',
  args: ['page'],
  optional: [],
  functions: [FALLBACK_MIGRATE_PAGE],
  exec(c) {
    const i = c.ins.page;
    const slot = cachedPageAt(c, FALLBACK_MIGRATE_PAGE, i);
    if (slot === -1) return true;
    const p = page(c.st, slot);
    if (p.lock !== -1 || (p.flags & (PG_dirty | PG_writeback)) !== 0) {
      c.note = `page ${i}: ${p.lock !== -1 ? 'trylock_page fails' : 'dirty or under writeback in MIGRATE_ASYNC'}: -EBUSY`;
      finish(c, -EBUSY);
      return true;
    }
    if ((p.flags & PG_private) !== 0 && !releasable(c.st, slot)) {
      c.note = `page ${i}: try_to_release_page fails: -EAGAIN`;
      finish(c, -EAGAIN);
      return true;
    }
    if (p.ref !== 0 && !c.w.migrationIgnoresExtraRefs) {
      c.note = `page ${i}: migrate_page_move_mapping: page_count has ${p.ref} extra reference(s): -EAGAIN`;
      finish(c, -EAGAIN);
      return true;
    }
    const copy = { index: i, mapped: 1, flags: p.flags & (PG_dirty | PG_checked | PG_uptodate | PG_error), tags: p.tags, lock: -1, ref: 0, data: p.data, bhs: [], bhGen: 0, fixup: 0 };
    p.mapped = 0;
    p.tags = 0;
    p.flags &= ~PG_private;
    const fresh = newPage(c.st, i);
    c.st.pages[fresh] = copy;
    c.note = `page ${i} moved to a new page (PG_checked copied); the old page's mapping is NULL`;
    finish(c, 0);
    return true;
  },
};

/** invalidate_inode_pages2_range over one page (as a direct write's pre-write invalidation). */
export const invalidatePage: OpDef = {
  kind: 'invalidate_page',
  summary: 'invalidate_inode_pages2_range over one page (a direct write elsewhere in the file)',
  args: ['page'],
  optional: [],
  functions: [INVALIDATE_PAGES2],
  exec(c) {
    const i = c.ins.page;
    const slot = cachedPageAt(c, INVALIDATE_PAGES2, i);
    if (slot === -1) return true;
    const p = page(c.st, slot);
    if (p.lock !== -1 || (p.flags & PG_writeback) !== 0) return false;
    if ((p.flags & PG_dirty) !== 0 || !releasable(c.st, slot)) {
      c.note = `page ${i} dirty: -EBUSY`;
      finish(c, -EBUSY);
      return true;
    }
    removePage(c, slot);
    c.note = `page ${i} (data ${p.data}, disk has ${c.st.disk[i]}) removed from the mapping despite ${p.ref} extra reference(s)`;
    finish(c, 0);
    return true;
  },
};

/** One reclaim attempt on one page. */
export const reclaimPage: OpDef = {
  kind: 'reclaim_page',
  summary: 'reclaim of one page: clean and unreferenced pages are removed from the mapping',
  args: ['page'],
  optional: [],
  functions: [SHRINK_PAGE_LIST],
  exec(c) {
    const i = c.ins.page;
    const slot = cachedPageAt(c, SHRINK_PAGE_LIST, i);
    if (slot === -1) return true;
    const p = page(c.st, slot);
    if (p.lock !== -1 || (p.flags & (PG_dirty | PG_writeback)) !== 0 || p.ref !== 0) {
      c.note = `page ${i}: locked, dirty, under writeback or referenced: kept`;
      finish(c, -EBUSY);
      return true;
    }
    removePage(c, slot);
    c.note = `page ${i} (data ${p.data}, disk has ${c.st.disk[i]}) reclaimed`;
    finish(c, 0);
    return true;
  },
};
