// Every operation an actor's program can use, by kind, and the list of modelled kernel steps with
// their source references (the site renders it; the README's steps table is generated from it).
import { bufferedRead } from './ops/buffered-read';
import { bufferedWrite } from './ops/buffered-write';
import { btrfsFixupWorker, invalidatePage, migratePage, reclaimPage, setPageDirtyOob } from './ops/btrfs-fixup';
import { directWrite } from './ops/direct-write';
import { END_IO_FUNCTIONS } from './ops/end-io';
import { fdatawait, fsync } from './ops/fsync';
import { gfs2JdataWrite, gfs2JdataWritepages, shrinkFolioList } from './ops/gfs2-jdata';
import { mmapLoad, mmapStore } from './ops/mmap-access';
import type { OpDef } from './ops/op-def';
import { openFile } from './ops/open-file';
import { forceShutdown, waitFor } from './ops/scenario-ops';
import { umount } from './ops/umount';
import { writeback } from './ops/writeback';
import { TAG_PAGES_FOR_WRITEBACK, WRITE_CACHE_PAGES, WRITE_CACHE_PAGES_V50, EXTENT_WRITE_CACHE_PAGES } from './ops/write-cache-pages';
import { WRITEPAGE_FUNCTIONS } from './ops/writepage';

/** Operations by kind. */
export const OPS: Readonly<Record<string, OpDef>> = Object.fromEntries(
  [
    bufferedWrite, bufferedRead, writeback, fsync, fdatawait, openFile, umount, directWrite, mmapLoad, mmapStore, waitFor, forceShutdown,
    gfs2JdataWrite, gfs2JdataWritepages, shrinkFolioList, setPageDirtyOob, btrfsFixupWorker, migratePage, invalidatePage, reclaimPage,
  ].map((o) => [o.kind, o]),
);

/** One row of the modelled-steps table. */
export interface StepKind {
  /** Operation kind, or `endio` / `write_cache_pages` for the shared machinery. */
  op: string;
  /** Kernel function. */
  fn: string;
  /** file:function@version. */
  ref: string;
  /** What the operation is. */
  summary: string;
}

/** Every modelled step kind with its kernel reference, in a stable order. */
export function listStepKinds(): StepKind[] {
  const rows: StepKind[] = [];
  for (const o of Object.values(OPS)) for (const f of o.functions) rows.push({ op: o.kind, fn: f.fn, ref: f.ref, summary: o.summary });
  const loop = 'write_cache_pages loop shared by writeback, fsync, umount and direct-write flushes';
  for (const f of [TAG_PAGES_FOR_WRITEBACK, WRITE_CACHE_PAGES, WRITE_CACHE_PAGES_V50, EXTENT_WRITE_CACHE_PAGES]) rows.push({ op: 'write_cache_pages', fn: f.fn, ref: f.ref, summary: loop });
  for (const f of WRITEPAGE_FUNCTIONS) rows.push({ op: 'writepage', fn: f.fn, ref: f.ref, summary: "the filesystem's ->writepage, called by write_cache_pages" });
  for (const f of END_IO_FUNCTIONS) rows.push({ op: 'endio', fn: f.fn, ref: f.ref, summary: 'the endio system actor: bio completions and the btrfs ordered-extent worker' });
  return rows;
}
