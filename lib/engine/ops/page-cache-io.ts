// Shared read-side primitives: ->readpage and filemap_fault. Re-reading a page that a task still
// maps is where "teleport backwards" (no-silent-revert) is detected.
import { EIO, PG_error, PG_uptodate } from '../constants';
import { flag, isMapped, newPage, page, pageSlot, takeFault, type StepCtx } from '../step-context';
import type { KernelRef } from './op-def';

/** ->readpage (iomap_readpage for XFS at v5.7). */
export const READPAGE: KernelRef = { fn: 'iomap_readpage', ref: 'fs/iomap/buffered-io.c:iomap_readpage@v5.7' };
/** The page-cache fault handler. */
export const FILEMAP_FAULT: KernelRef = { fn: 'filemap_fault', ref: 'mm/filemap.c:filemap_fault@v5.7 (page_not_uptodate -> ->readpage)' };

/** Returned by filemapFault when the page lock is held by another actor. */
export const BLOCKED = -1000;

/** ->readpage on a locked page: contents from disk, PG_uptodate; returns 0 or -EIO (read-error fault). */
export function readPage(c: StepCtx, slot: number): number {
  const p = page(c.st, slot);
  if (takeFault(c.st, 'read-error', p.index) !== 0) {
    p.flags |= PG_error;
    return -EIO;
  }
  const d = c.st.disk[p.index]!;
  if (isMapped(c.st, p.index) && p.data !== d) flag(c, 'no-silent-revert');
  p.data = d;
  p.flags = (p.flags | PG_uptodate) & ~PG_error;
  return 0;
}

/** filemap_fault: find or read the page (it checks PageUptodate); returns its slot, -EIO, or BLOCKED. */
export function filemapFault(c: StepCtx, index: number): number {
  let slot = pageSlot(c.st, index);
  if (slot === -1) slot = newPage(c.st, index);
  const p = page(c.st, slot);
  if ((p.flags & PG_uptodate) !== 0) return slot;
  if (p.lock !== -1 && p.lock !== c.a) return BLOCKED;
  p.flags &= ~PG_error;
  const r = readPage(c, slot);
  return r < 0 ? r : slot;
}
