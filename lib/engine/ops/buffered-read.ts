// read(2) through the page cache: a !PageUptodate page is locked and re-read from disk, even if a
// task still maps it (which is how mapped contents can "teleport backwards").
import { PG_uptodate } from '../constants';
import { finish, newPage, page, pageSlot } from '../step-context';
import { at, type KernelRef, type OpDef } from './op-def';
import { readPage } from './page-cache-io';

/** The buffered read path. */
export const GENERIC_FILE_BUFFERED_READ: KernelRef = { fn: 'generic_file_buffered_read', ref: 'mm/filemap.c:generic_file_buffered_read@v5.7' };

/** read(2) of one page. */
export const bufferedRead: OpDef = {
  kind: 'read',
  summary: 'read(2) of one page through the page cache',
  args: ['page'],
  optional: [],
  functions: [GENERIC_FILE_BUFFERED_READ],
  exec(c) {
    const i = c.ins.page;
    let slot = pageSlot(c.st, i);
    if (slot === -1) slot = newPage(c.st, i);
    const p = page(c.st, slot);
    if ((p.flags & PG_uptodate) !== 0) {
      at(c, GENERIC_FILE_BUFFERED_READ, `page ${i}: cached and Uptodate, returns data ${p.data}`);
      finish(c, p.data);
      return true;
    }
    if (p.lock !== -1) return false;
    const r = readPage(c, slot);
    at(c, GENERIC_FILE_BUFFERED_READ, r < 0 ? `page ${i}: ->readpage failed` : `page ${i}: !PageUptodate, ->readpage re-reads data ${p.data} from disk`);
    finish(c, r < 0 ? r : p.data);
    return true;
  },
};
