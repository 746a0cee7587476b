// Writeback not waited for: the background flusher (WB_SYNC_NONE, range_cyclic, nr_to_write) or
// a data-integrity flush without the wait (sync_file_range-style WB_SYNC_ALL).
import { finish } from '../step-context';
import { at, type KernelRef, type OpDef } from './op-def';
import { NR_ALL, WB_SYNC_ALL, WB_SYNC_NONE, wcpBegin, wcpResult, wcpStep } from './write-cache-pages';

/** The flusher path into ->writepages. */
export const WRITEBACK_SINGLE_INODE: KernelRef = { fn: '__writeback_single_inode', ref: 'fs/fs-writeback.c:__writeback_single_inode@v4.19 -> do_writepages' };

/** Background or flush writeback of the file. */
export const writeback: OpDef = {
  kind: 'writeback',
  summary: 'writeback of the file: background flusher (sync 0, range_cyclic, nr_to_write) or WB_SYNC_ALL flush without waiting (sync 1)',
  args: [],
  optional: ['sync', 'nr'],
  functions: [WRITEBACK_SINGLE_INODE],
  exec(c) {
    if (c.actor.w === null) {
      const sync = c.ins.sync === 1 ? WB_SYNC_ALL : WB_SYNC_NONE;
      wcpBegin(c, sync, sync === WB_SYNC_NONE, 0, c.w.pageCount - 1, c.ins.nr > 0 ? c.ins.nr : NR_ALL);
    }
    const r = wcpStep(c);
    if (r === 'blocked') return false;
    if (r === 'done') {
      const ret = wcpResult(c.actor.w!);
      at(c, WRITEBACK_SINGLE_INODE, `${c.note}; ->writepages returns ${ret}`);
      finish(c, ret);
    }
    return true;
  },
};
