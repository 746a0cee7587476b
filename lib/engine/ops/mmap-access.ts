// Loads and stores through a MAP_SHARED mapping. A load with no PTE faults the page in read-only
// (write-notify); a store through a read-only PTE takes do_wp_page -> do_page_mkwrite, which at v5.7
// does not check PageUptodate (mm/memory.c) — the switches model the alternatives from the thread.
import { BLK_DELALLOC, BLK_REAL, EIO, PG_uptodate, PTE_NONE, PTE_RO, PTE_RW } from '../constants';
import { assert, finish, flag, page, pageSlot, setPageDirty, type StepCtx } from '../step-context';
import { at, type KernelRef, type OpDef } from './op-def';
import { BLOCKED, FILEMAP_FAULT, filemapFault } from './page-cache-io';

/** Read fault with no PTE. */
export const DO_READ_FAULT: KernelRef = { fn: 'do_read_fault', ref: 'mm/memory.c:do_read_fault@v5.7 -> __do_fault -> filemap_fault' };
/** Write fault through a present read-only PTE. */
export const DO_WP_PAGE: KernelRef = { fn: 'do_wp_page', ref: 'mm/memory.c:do_wp_page@v5.7 -> wp_page_shared' };
/** Write fault with no PTE. */
export const DO_SHARED_FAULT: KernelRef = { fn: 'do_shared_fault', ref: 'mm/memory.c:do_shared_fault@v5.7 -> __do_fault' };
/** ->page_mkwrite through iomap. */
export const IOMAP_PAGE_MKWRITE: KernelRef = { fn: 'iomap_page_mkwrite_actor', ref: 'fs/iomap/buffered-io.c:iomap_page_mkwrite_actor@v5.7 (WARN_ON_ONCE(!PageUptodate))' };
/** A store through a writable PTE needs no kernel entry. */
export const STORE_NO_FAULT: KernelRef = { fn: '(store through writable PTE)', ref: 'no kernel entry: the MMU writes the page' };
/** A load through a present PTE. */
export const LOAD_NO_FAULT: KernelRef = { fn: '(load through present PTE)', ref: 'no kernel entry: the MMU reads the page' };

function taskOf(c: StepCtx): number {
  const t = c.w.actors[c.a]!.task;
  assert(t >= 0, `actor ${c.w.actors[c.a]!.name} maps nothing`);
  return t;
}

function sigbus(c: StepCtx, why: string): void {
  c.actor.sig += 1;
  c.note = `${why}; VM_FAULT_SIGBUS`;
  finish(c, -EIO);
}

/** A load of one page through the mapping; returns the data version seen. */
export const mmapLoad: OpDef = {
  kind: 'mmap_load',
  summary: 'load from a MAP_SHARED mapping',
  args: ['page'],
  optional: [],
  functions: [DO_READ_FAULT, FILEMAP_FAULT, LOAD_NO_FAULT],
  exec(c) {
    const t = taskOf(c);
    const i = c.ins.page;
    if (c.st.ptes[t]![i] !== PTE_NONE) {
      const p = page(c.st, pageSlot(c.st, i));
      at(c, LOAD_NO_FAULT, `page ${i}: reads data ${p.data} (no PageUptodate check)`);
      finish(c, p.data);
      return true;
    }
    const slot = filemapFault(c, i);
    if (slot === BLOCKED) return false;
    at(c, DO_READ_FAULT, '');
    if (slot < 0) {
      sigbus(c, `page ${i}: ->readpage failed`);
      return true;
    }
    c.st.ptes[t]![i] = PTE_RO;
    const d = page(c.st, slot).data;
    c.note = `page ${i}: faulted in, read-only PTE (write-notify); reads data ${d}`;
    finish(c, d);
    return true;
  },
};

function mkwrite(c: StepCtx, t: number): boolean {
  const i = c.ins.page;
  const slot = pageSlot(c.st, i);
  if (slot === -1) {
    // page_mkwrite_check_truncate: the page left the mapping; VM_FAULT_NOPAGE, the fault retries.
    c.actor.ph = 0;
    c.st.ptes[t]![i] = PTE_NONE;
    at(c, IOMAP_PAGE_MKWRITE, `page ${i} no longer in the mapping; VM_FAULT_NOPAGE, retry the fault`);
    return true;
  }
  const p = page(c.st, slot);
  if (p.lock !== -1) return false;
  at(c, IOMAP_PAGE_MKWRITE, '');
  const blk = c.st.blk[i]!;
  if (c.w.fs === 'xfs' && (blk & (BLK_REAL | BLK_DELALLOC)) === 0) {
    c.st.blk[i] = blk | BLK_DELALLOC;
    c.st.delayed += 1;
  } else if (c.w.fs === 'btrfs') c.st.blk[i] = blk | BLK_DELALLOC;
  if ((p.flags & PG_uptodate) === 0) {
    if (c.w.switches.mkwriteNotUptodate === 'return_eio_sigbus') {
      sigbus(c, `page ${i}: !PageUptodate, return -EIO`);
      return true;
    }
    flag(c, 'mkwrite-only-on-uptodate');
    c.note = `page ${i}: WARN_ON_ONCE(!PageUptodate) fires; `;
  }
  setPageDirty(p);
  c.st.ptes[t]![i] = PTE_RW;
  p.data = c.ins.data;
  c.note += `page ${i}: set_page_dirty, writable PTE; stores data ${c.ins.data}`;
  finish(c, 0);
  return true;
}

/** A store of one page through the mapping. */
export const mmapStore: OpDef = {
  kind: 'mmap_store',
  summary: 'store to a MAP_SHARED mapping (write fault and ->page_mkwrite when needed)',
  args: ['page', 'data'],
  optional: [],
  functions: [DO_WP_PAGE, DO_SHARED_FAULT, FILEMAP_FAULT, IOMAP_PAGE_MKWRITE, STORE_NO_FAULT],
  exec(c) {
    const t = taskOf(c);
    const i = c.ins.page;
    if (c.actor.ph === 1) return mkwrite(c, t);
    const pte = c.st.ptes[t]![i];
    if (pte === PTE_RW) {
      const p = page(c.st, pageSlot(c.st, i));
      p.data = c.ins.data;
      at(c, STORE_NO_FAULT, `page ${i}: stores data ${c.ins.data}`);
      finish(c, 0);
      return true;
    }
    if (pte === PTE_RO) {
      const p = page(c.st, pageSlot(c.st, i));
      at(c, DO_WP_PAGE, `page ${i}: write-protect fault, PTE present; `);
      const check = c.w.switches.wpFaultChecksUptodate;
      if ((p.flags & PG_uptodate) === 0 && check === 'sigbus') {
        sigbus(c, `${c.note}!PageUptodate`);
        return true;
      }
      if ((p.flags & PG_uptodate) === 0 && check === 'zap_and_refault') {
        c.st.ptes[t]![i] = PTE_NONE;
        const slot = filemapFault(c, i);
        if (slot === BLOCKED) return false;
        if (slot < 0) {
          sigbus(c, `${c.note}!PageUptodate, zap PTE and refault; ->readpage failed`);
          return true;
        }
        c.note += `!PageUptodate: zap PTE, refault re-reads data ${page(c.st, slot).data}; `;
      }
      c.note += 'do_page_mkwrite next';
      c.actor.ph = 1;
      return true;
    }
    const slot = filemapFault(c, i);
    if (slot === BLOCKED) return false;
    at(c, DO_SHARED_FAULT, '');
    if (slot < 0) {
      sigbus(c, `page ${i}: ->readpage failed`);
      return true;
    }
    c.note = `page ${i}: no PTE, filemap_fault found it Uptodate; do_page_mkwrite next`;
    c.actor.ph = 1;
    return true;
  },
};
