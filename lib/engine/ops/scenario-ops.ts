// Scenario sequencing and whole-filesystem events that are not page-cache operations themselves:
// waiting for another actor to finish (a litmus-style ordering device, not a kernel step) and an
// XFS forced shutdown.
import { finish } from '../step-context';
import { at, type KernelRef, type OpDef } from './op-def';

/** Not kernel code: the scenario orders two actors. */
export const WAIT_FOR: KernelRef = { fn: '(scenario) wait_for', ref: 'scenario sequencing, not kernel code' };
/** XFS forced shutdown. */
export const XFS_FORCE_SHUTDOWN: KernelRef = { fn: 'xfs_do_force_shutdown', ref: 'fs/xfs/xfs_fsops.c:xfs_do_force_shutdown@v5.7' };

/** Blocks until another actor has finished its program. */
export const waitFor: OpDef = {
  kind: 'wait_for',
  summary: 'scenario sequencing: wait until another actor has finished its program',
  args: ['target'],
  optional: [],
  functions: [WAIT_FOR],
  exec(c) {
    const t = c.st.actors[c.ins.target]!;
    if (t.pc < c.w.actors[c.ins.target]!.program.length) return false;
    at(c, WAIT_FOR, `${c.w.actors[c.ins.target]!.name} has finished`);
    finish(c, 0);
    return true;
  },
};

/** Forces an XFS shutdown (what generic/019's failing log I/O leads to). */
export const forceShutdown: OpDef = {
  kind: 'shutdown',
  summary: 'XFS forced shutdown: every later xfs_map_blocks returns -EIO',
  args: [],
  optional: [],
  functions: [XFS_FORCE_SHUTDOWN],
  exec(c) {
    c.st.shutdown = 1;
    at(c, XFS_FORCE_SHUTDOWN, 'filesystem shut down');
    finish(c, 0);
    return true;
  },
};
