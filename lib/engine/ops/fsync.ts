// fsync(2): file_write_and_wait_range (WB_SYNC_ALL write, then wait unless the write returned
// -EIO), btrfs also waits for ordered extents, then file_check_and_advance_wb_err reports errseq.
import { BLK_ORDERED, EIO, PG_writeback } from '../constants';
import { errseqCheckAndAdvance } from '../errseq';
import { finish, judgeFsync, lossSeen, type StepCtx } from '../step-context';
import { at, type KernelRef, type OpDef } from './op-def';
import { NR_ALL, WB_SYNC_ALL, wcpBegin, wcpResult, wcpStep } from './write-cache-pages';

/** The fsync core. */
export const FILE_WRITE_AND_WAIT_RANGE: KernelRef = { fn: 'file_write_and_wait_range', ref: 'mm/filemap.c:file_write_and_wait_range@v4.19' };
/** errseq reporting. */
export const FILE_CHECK_AND_ADVANCE_WB_ERR: KernelRef = { fn: 'file_check_and_advance_wb_err', ref: 'mm/filemap.c:file_check_and_advance_wb_err@v4.19 (lib/errseq.c)' };

/** True while any cached page is under writeback (or, for btrfs, any ordered extent is pending). */
export function writebackPending(c: StepCtx, orderedToo: boolean): boolean {
  for (const p of c.st.pages) if (p.mapped === 1 && (p.flags & PG_writeback) !== 0) return true;
  if (orderedToo) for (const b of c.st.blk) if ((b & BLK_ORDERED) !== 0) return true;
  return false;
}

/** file_check_and_advance_wb_err for fd: returns the errno to report (positive) or 0, and clears AS_* bits. */
export function checkAndAdvance(c: StepCtx, fd: number): number {
  const f = c.st.fds[fd]!;
  const [errno, wb, cursor] = errseqCheckAndAdvance(c.st.wbErr, f[1]!);
  c.st.wbErr = wb;
  // Replace, never write into: cloned states share these small arrays.
  c.st.fds[fd] = [f[0]!, cursor];
  c.st.asFlags = 0;
  if (errno !== 0) lossSeen(c.st);
  return errno;
}

/** fsync(2) on an open file slot. */
export const fsync: OpDef = {
  kind: 'fsync',
  summary: 'fsync(2): WB_SYNC_ALL writeback of the whole file, wait, report errseq',
  args: ['fd'],
  optional: [],
  functions: [FILE_WRITE_AND_WAIT_RANGE, FILE_CHECK_AND_ADVANCE_WB_ERR],
  exec(c) {
    if (c.actor.ph === 0) {
      if (c.actor.w === null) wcpBegin(c, WB_SYNC_ALL, false, 0, c.w.pageCount - 1, NR_ALL);
      const r = wcpStep(c);
      if (r === 'blocked') return false;
      if (r === 'done') {
        c.actor.v = [wcpResult(c.actor.w!)];
        c.actor.w = null;
        c.actor.ph = 1;
      }
      return true;
    }
    const wrote = c.actor.v[0]!;
    const btrfs = c.w.fs === 'btrfs';
    if (writebackPending(c, btrfs) && (wrote !== -EIO || btrfs)) return false;
    const errno = checkAndAdvance(c, c.ins.fd);
    const ret = wrote !== 0 ? wrote : errno === 0 ? 0 : -errno;
    judgeFsync(c, c.ins.fd, ret);
    at(c, FILE_CHECK_AND_ADVANCE_WB_ERR, `${wrote === -EIO ? 'write returned -EIO, fdatawait skipped; ' : 'waited for writeback; '}errseq reports ${errno === 0 ? 'nothing' : `-${errno}`}; fsync returns ${ret}`);
    finish(c, ret);
    return true;
  },
};

/** Waiting without consuming errors. */
export const FILEMAP_FDATAWAIT_KEEP_ERRORS: KernelRef = { fn: 'filemap_fdatawait_keep_errors', ref: 'mm/filemap.c:filemap_fdatawait_keep_errors@v4.19' };

/** Waits for all writeback of the file without reporting or clearing errors (sync(2)-style). */
export const fdatawait: OpDef = {
  kind: 'fdatawait',
  summary: 'wait for writeback of the whole file without consuming errors',
  args: [],
  optional: [],
  functions: [FILEMAP_FDATAWAIT_KEEP_ERRORS],
  exec(c) {
    if (writebackPending(c, c.w.fs === 'btrfs')) return false;
    at(c, FILEMAP_FDATAWAIT_KEEP_ERRORS, 'no page under writeback');
    finish(c, 0);
    return true;
  },
};
