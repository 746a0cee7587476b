// open(2): the new file samples mapping->wb_err (errseq_sample returns 0 for an unseen error, so an
// error nobody has seen yet is still reported once to a file opened after it).
import { errseqSample } from '../errseq';
import { finish } from '../step-context';
import { at, type KernelRef, type OpDef } from './op-def';

/** Where f_wb_err is initialised. */
export const DO_DENTRY_OPEN: KernelRef = { fn: 'do_dentry_open', ref: 'fs/open.c:do_dentry_open@v4.19 (f->f_wb_err = filemap_sample_wb_err)' };

/** open(2) of a file slot. */
export const openFile: OpDef = {
  kind: 'open',
  summary: 'open(2): sample mapping->wb_err into f_wb_err',
  args: ['fd'],
  optional: [],
  functions: [DO_DENTRY_OPEN],
  exec(c) {
    // Replace, never write into: cloned states share these small arrays.
    const f = [1, errseqSample(c.st.wbErr)];
    c.st.fds[c.ins.fd] = f;
    c.st.ghost.fdLoss[c.ins.fd] = c.st.ghost.lossUnseen;
    at(c, DO_DENTRY_OPEN, `fd ${c.w.files[c.ins.fd]}: f_wb_err = ${f[1]}`);
    finish(c, 0);
    return true;
  },
};
