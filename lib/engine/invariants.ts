// The named invariants. State invariants are predicates over one state, checked after every step;
// event invariants are checked by the operation at the moment the kernel does the thing (the
// operation sets the violation bit). Either way the violation is sticky and the first violating
// step is recorded by the runner.
import { BLK_DELALLOC, PG_checked, PG_dirty, PG_uptodate, PTE_NONE } from './constants';
import type { ModelState } from './state';
import type { StateCheck, World } from './world';

/** One invariant's definition. */
export interface InvariantDef {
  /** Kebab-case id used in scenario files. */
  id: string;
  /** Thread slugs it comes from. */
  threads: readonly string[];
  /** 'state' = predicate over each state; 'event' = checked by the step that does the thing. */
  kind: 'state' | 'event';
  /** What must hold. */
  description: string;
  /** The predicate, for state invariants. */
  check?: StateCheck;
}

function noPteForNonUptodate(st: ModelState): boolean {
  for (const p of st.pages) {
    if (p.mapped !== 1 || (p.flags & PG_uptodate) !== 0) continue;
    for (const t of st.ptes) if (t[p.index] !== PTE_NONE) return false;
  }
  return true;
}

function fixupPageStaysDirty(st: ModelState): boolean {
  for (const p of st.pages) if (p.fixup === 1 && p.mapped === 1 && p.lock === -1 && (p.flags & PG_dirty) === 0) return false;
  return true;
}

function delallocConserved(st: ModelState, w: World): boolean {
  if (w.fs !== 'xfs') return true;
  let n = 0;
  for (const b of st.blk) if ((b & BLK_DELALLOC) !== 0) n += 1;
  return n === st.delayed;
}

function checkedImpliesFixup(st: ModelState): boolean {
  for (const p of st.pages) if (p.mapped === 1 && (p.flags & PG_checked) !== 0 && p.fixup === 0) return false;
  return true;
}

const T000 = 'write-cache-pages-stop-on-error';
const T001 = 'iomap-dio-invalidation-eio';
const T002 = 'gfs2-page-done-shrinker';
const T003 = 'btrfs-fixup-worker-migration';
const T004 = 'iomap-mkwrite-not-uptodate';

/** Every invariant the engine knows, by id. */
export const INVARIANTS: readonly InvariantDef[] = [
  { id: 'integrity-writeback-visits-all-dirty-pages', threads: [T000], kind: 'event', description: 'a WB_SYNC_ALL write_cache_pages passes every page it tagged PAGECACHE_TAG_TOWRITE that is still PG_dirty to ->writepage before it returns' },
  { id: 'no-delalloc-at-reclaim', threads: [T000], kind: 'event', description: 'at xfs_fs_destroy_inode, i_delayed_blks == 0 unless the filesystem is shut down' },
  { id: 'no-dirty-pages-after-umount-sync', threads: [T000], kind: 'event', description: 'after sync_filesystem in generic_shutdown_super, no page of the file is PG_dirty' },
  { id: 'delalloc-accounting-conserved', threads: [T000], kind: 'state', description: 'XFS i_delayed_blks equals the number of delalloc blocks: each reservation is removed exactly once, by conversion or by punch', check: delallocConserved },
  { id: 'background-stops-on-error', threads: [T000], kind: 'event', description: 'a WB_SYNC_NONE write_cache_pages calls no further ->writepage after one failed in the same call' },
  { id: 'fsync-single-call-drains', threads: [T000], kind: 'event', description: 'after one fsync returns, no page it tagged for writeback is still PG_dirty (checked as integrity-writeback-visits-all-dirty-pages on the fsync path)' },
  { id: 'fsync-eio-only-on-data-loss', threads: [T000, T001, T004], kind: 'event', description: 'fsync returns an error only if data was lost (writeback error, discarded page, cache/disk collision) since the fd last sampled or advanced errseq' },
  { id: 'fsync-reports-data-loss', threads: [T000, T001, T004], kind: 'event', description: 'if data was lost since the fd last sampled or advanced errseq, its next fsync returns an error' },
  { id: 'no-stale-pagecache-after-dio', threads: [T001], kind: 'event', description: 'when a direct write returns n > 0, the cached page is not an Uptodate copy that predates the write and differs from the disk (strict form)' },
  { id: 'no-stale-pagecache-after-dio-or-reported', threads: [T001], kind: 'event', description: 'as no-stale-pagecache-after-dio, unless the collision was reported through errseq (weak form, the v5.7 target)' },
  { id: 'dio-write-all-or-error', threads: [T001], kind: 'event', description: 'an XFS direct write of count bytes returns count or a negative errno, never 0 <= r < count' },
  { id: 'pre-write-inval-failure-not-an-error', threads: [T001], kind: 'event', description: 'a failed pre-write invalidate_inode_pages2_range on its own never changes mapping->wb_err' },
  { id: 'no-buffer-free-during-transaction-add', threads: [T002], kind: 'event', description: "try_to_free_buffers never frees a page's buffer heads while a jdata writer is between creating them and pinning them in its transaction" },
  { id: 'no-use-after-free-of-bh', threads: [T002], kind: 'event', description: 'gfs2_page_add_databufs only touches buffer heads that are still attached to the page' },
  { id: 'jdata-journal-before-inplace', threads: [T002], kind: 'event', description: 'a jdata buffer dirtied by a write is not written in place before it is pinned in a transaction' },
  { id: 'no-folio-lock-across-trans-end', threads: [T002], kind: 'event', description: 'gfs2 never holds a data folio lock across __mark_inode_dirty / gfs2_trans_end (lock-order hazard, claimed in the thread)' },
  { id: 'dirty-page-never-dropped-unwritten', threads: [T003], kind: 'event', description: 'a page leaves the mapping only if its contents are on disk or an error is recorded in the mapping' },
  { id: 'fixup-page-stays-dirty', threads: [T003], kind: 'state', description: 'while a btrfs fixup is pending for a page still in the mapping (and not being worked on), the page is PG_dirty', check: fixupPageStaysDirty },
  { id: 'checked-implies-fixup-queued', threads: [T003], kind: 'state', description: 'a page in the mapping with PG_checked has a fixup pending', check: checkedImpliesFixup },
  { id: 'one-fixup-per-page', threads: [T003], kind: 'event', description: 'the start hook never queues a second fixup for a page that has one pending' },
  { id: 'no-write-without-cow-setup', threads: [T003], kind: 'event', description: 'btrfs submits a page only when an ordered extent covers it' },
  { id: 'fixup-success-leaves-dirty-delalloc', threads: [T003], kind: 'event', description: 'when the fixup worker succeeds the page is PG_dirty and its range is delalloc (the BUG_ON of 25f3c5021985)' },
  { id: 'fixup-error-cleans-and-reports', threads: [T003], kind: 'event', description: "on the fixup worker's ENOSPC path the page ends clean, !PG_checked, with the error in the mapping" },
  { id: 'no-page-lock-across-space-flush', threads: [T003], kind: 'event', description: 'the fixup worker never calls btrfs_delalloc_reserve_space while holding the page lock (f4b1363cae43)' },
  { id: 'mkwrite-only-on-uptodate', threads: [T004], kind: 'event', description: '->page_mkwrite never makes a !PageUptodate page dirty and writable (the WARN_ON_ONCE in iomap_page_mkwrite_actor)' },
  { id: 'no-pte-for-non-uptodate-page', threads: [T004], kind: 'state', description: "no task has a PTE for a page that is not PageUptodate (Willy's proposed invariant)", check: noPteForNonUptodate },
  { id: 'no-silent-revert', threads: [T004], kind: 'event', description: 'a page a task maps is never re-read from disk over different contents (mapped data does not "teleport backwards")' },
  { id: 'no-deadlock', threads: [T000, T001, T002, T003, T004], kind: 'state', description: 'every schedule ends with every actor finished (a terminal state with a blocked actor is a deadlock); judged on terminal states' },
];

/** Invariant definitions by id. */
export const INVARIANT_BY_ID: Readonly<Record<string, InvariantDef>> = Object.fromEntries(INVARIANTS.map((d) => [d.id, d]));

/** The state checks and bit layout for a world's invariants of interest. */
export function invariantLayout(ids: readonly string[]): Pick<World, 'invariants' | 'invBit' | 'stateChecks'> {
  const invBit: Record<string, number> = {};
  const stateChecks: Array<{ bit: number; check: StateCheck }> = [];
  ids.forEach((id, bit) => {
    invBit[id] = bit;
    const d = INVARIANT_BY_ID[id];
    if (d?.check !== undefined) stateChecks.push({ bit, check: d.check });
  });
  return { invariants: [...ids], invBit, stateChecks };
}
