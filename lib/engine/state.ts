// The model state: plain JSON data (numbers and arrays only, fixed key order) so a state can be
// cloned cheaply, hashed canonically, sent to a Web Worker and replayed. Kernel flags are bitmasks
// (see constants.ts), as in page->flags.

/** One page-cache page (a single-page folio). Pages live in slots so a reference can outlive its mapping. */
export interface PageState {
  /** File page index (page->index). */
  index: number;
  /** 1 while page->mapping points at the file's mapping (the page is in the page cache). */
  mapped: number;
  /** PG_* bits from constants.ts. */
  flags: number;
  /** PAGECACHE_TAG_* bits, kept apart from the flags because the kernel lets them disagree. */
  tags: number;
  /** Owner actor of PG_locked, or -1. */
  lock: number;
  /** References held beyond the page cache's own (writers, the btrfs fixup work item). */
  ref: number;
  /** Contents version (0 = zeroes); compared with `disk` to detect loss and stale cache. */
  data: number;
  /** Buffer heads (gfs2): one BH_* bitmask per block; empty when the page has none. */
  bhs: number[];
  /** Bumped whenever try_to_free_buffers frees this page's buffer heads (detects use after free). */
  bhGen: number;
  /** 1 while a btrfs_writepage_fixup work item holds this page. */
  fixup: number;
}

/** In-flight completion work, run in FIFO order by the `endio` system actor. */
export interface BioState {
  /** BIO_* kind from this file. */
  kind: number;
  /** Page slot the work is about. */
  slot: number;
  /** Data version being written (what reaches the disk). */
  data: number;
  /** Buffer head index for BIO_BH, else 0. */
  bh: number;
}

/** A writeback bio completing: end_page_writeback. */
export const BIO_WB = 0;
/** btrfs_finish_ordered_io taking EXTENT_LOCKED on the range. */
export const BIO_OE_LOCK = 1;
/** btrfs_finish_ordered_io inserting the file extent and unlocking the range. */
export const BIO_OE_UNLOCK = 2;
/** A buffer head write completing (end_buffer_async_write). */
export const BIO_BH = 3;

/** BH_Dirty. */
export const BH_DIRTY = 1 << 0;
/** BH_Lock (held during I/O and by lock_buffer). */
export const BH_LOCK = 1 << 1;
/** gfs2_pin: the buffer is in a transaction (bd_tr set, b_count raised, pinned). */
export const BH_PINNED = 1 << 2;
/** Model bit: dirtied by a jdata write whose copy is not yet added to a transaction. */
export const BH_UNJOURNALED = 1 << 3;

/** The write_cache_pages cursor an actor carries while it is inside that loop. */
export interface WcpState {
  /** Phase: 0 = not yet tagged, 1 = iterating. */
  ph: number;
  /** 1 for WB_SYNC_ALL, 0 for WB_SYNC_NONE. */
  sync: number;
  /** 1 for range_cyclic (background writeback). */
  cyclic: number;
  /** Next index to look up. */
  idx: number;
  /** Last index of the range. */
  end: number;
  /** wbc->nr_to_write left. */
  nr: number;
  /** Return value so far (negative errno or 0). */
  ret: number;
  /** Error the filesystem kept in its writepage context (Brian Foster's ctx_deferred xfs patch). */
  ctxErr: number;
  /** 1 once the loop decided to stop. */
  done: number;
  /** 1 once a range_cyclic walk has wrapped. */
  cycled: number;
  /** done_index, written back to mapping->writeback_index. */
  doneIdx: number;
  /** Bitmask of pages tagged TOWRITE by this call's tag_pages_for_writeback. */
  tagged: number;
  /** Bitmask of pages this call passed to ->writepage. */
  visited: number;
  /** 1 once a ->writepage in this call failed (returned or deferred). */
  failed: number;
}

/** One actor's program counter and registers. */
export interface ActorState {
  /** Index of the current instruction in the program; program length = done. */
  pc: number;
  /** Micro-step phase inside the current instruction. */
  ph: number;
  /** Instruction-local registers (meaning fixed per operation). */
  v: number[];
  /** write_cache_pages cursor while inside that loop. */
  w: WcpState | null;
  /** Return value of every finished instruction, in order. */
  rets: number[];
  /** Signals delivered (SIGBUS count). */
  sig: number;
  /** 1 while the actor has a gfs2 transaction open (current->journal_info). */
  trans: number;
}

/** One entry of the fault plan. */
export interface FaultState {
  /** Fault kind (see FAULT_KINDS). */
  kind: string;
  /** Page index (or block index) the fault applies to. */
  page: number;
  /** Remaining firings, -1 for persistent. */
  left: number;
  /** Positive errno the fault injects. */
  errno: number;
}

/** Ghost state: facts the kernel does not keep but the invariants need. */
export interface GhostState {
  /** 1 while some data loss has happened that no fsync has yet observed (errseq not SEEN since). */
  lossUnseen: number;
  /** Per fd: 1 if a data loss happened since the fd's last errseq sample/advance. */
  fdLoss: number[];
}

/** The whole model state; `steps` is the schedule position and is excluded from state identity. */
export interface ModelState {
  /** Page slots. */
  pages: PageState[];
  /** Durable contents per block (blocksize == PAGE_SIZE unless buffer heads say otherwise). */
  disk: number[];
  /** BLK_* bits per block. */
  blk: number[];
  /** XFS i_delayed_blks. */
  delayed: number;
  /** 1 after the filesystem shut down (XFS_FORCED_SHUTDOWN). */
  shutdown: number;
  /** 1 after the inode was evicted. */
  evicted: number;
  /** i_rwsem: 0 free, n > 0 readers, -(actor+1) exclusive owner. */
  rwsem: number;
  /** mapping->wb_err, an errseq_t encoded as in lib/errseq.c. */
  wbErr: number;
  /** AS_EIO / AS_ENOSPC bits of mapping->flags. */
  asFlags: number;
  /** mapping->writeback_index. */
  wbIndex: number;
  /** Per fd: [open (0/1), f_wb_err]. */
  fds: number[][];
  /** PTE state per mmap task and page index. */
  ptes: number[][];
  /** Actors, in world order; the endio system actor has no entry here. */
  actors: ActorState[];
  /** Completion queue of the endio actor. */
  bios: BioState[];
  /** Remaining fault plan. */
  faults: FaultState[];
  /** Ghost facts for invariants. */
  ghost: GhostState;
  /** Bitmask of violated invariants (bit i = world.invariants[i]); sticky. */
  violated: number;
  /** Steps taken so far (schedule position); not part of state identity. */
  steps: number;
}

// `bhs` is shared with the source state: every operation replaces the array instead of writing
// into it, so the copy is only made by the step that changes it.
function clonePage(p: PageState): PageState {
  return { index: p.index, mapped: p.mapped, flags: p.flags, tags: p.tags, lock: p.lock, ref: p.ref, data: p.data, bhs: p.bhs, bhGen: p.bhGen, fixup: p.fixup };
}

function cloneWcp(w: WcpState): WcpState {
  return { ph: w.ph, sync: w.sync, cyclic: w.cyclic, idx: w.idx, end: w.end, nr: w.nr, ret: w.ret, ctxErr: w.ctxErr, done: w.done, cycled: w.cycled, doneIdx: w.doneIdx, tagged: w.tagged, visited: w.visited, failed: w.failed };
}

// `v` and `rets` are shared with the source state: only the acting actor changes them, and the step
// function gives that actor its own copies first (see ownActorArrays), so sharing is safe and saves
// two allocations per actor per step.
function cloneActor(a: ActorState): ActorState {
  return { pc: a.pc, ph: a.ph, v: a.v, w: a.w === null ? null : cloneWcp(a.w), rets: a.rets, sig: a.sig, trans: a.trans };
}

/** Gives an actor of a freshly cloned state its own `v` and `rets` arrays before a step changes them. */
export function ownActorArrays(a: ActorState): void {
  a.v = a.v.slice();
  a.rets = a.rets.slice();
}

/** A deep copy with the same key order (so JSON.stringify stays canonical); faster than structuredClone. */
export function cloneState(s: ModelState): ModelState {
  return {
    pages: s.pages.map(clonePage),
    disk: s.disk.slice(),
    blk: s.blk.slice(),
    delayed: s.delayed,
    shutdown: s.shutdown,
    evicted: s.evicted,
    rwsem: s.rwsem,
    wbErr: s.wbErr,
    asFlags: s.asFlags,
    wbIndex: s.wbIndex,
    // fds and fault entries are replaced, never written into, by the operations: shared.
    fds: s.fds.slice(),
    ptes: s.ptes.map((t) => t.slice()),
    actors: s.actors.map(cloneActor),
    // Completion items are never changed in place (only queued and dequeued), so they are shared.
    bios: s.bios.slice(),
    faults: s.faults.slice(),
    ghost: { lossUnseen: s.ghost.lossUnseen, fdLoss: s.ghost.fdLoss.slice() },
    violated: s.violated,
    steps: s.steps,
  };
}

/** The canonical identity string of a state: its JSON with the schedule position zeroed. */
export function stateKey(s: ModelState): string {
  const steps = s.steps;
  s.steps = 0;
  const key = JSON.stringify(s);
  s.steps = steps;
  return key;
}
