// Human-readable differences between two consecutive states, in kernel terms (flag names, tag
// names, errseq fields), for traces: "the changes between consecutive states" is what a reader of
// a counterexample needs.
import { BLK_NAMES, PAGE_FLAG_NAMES, TAG_NAMES } from './constants';
import { describeErrseq } from './errseq';
import type { ModelState, PageState } from './state';
import type { World } from './world';

function bitDiff(before: number, after: number, names: readonly string[]): string {
  const out: string[] = [];
  names.forEach((n, i) => {
    const b = 1 << i;
    if ((before & b) === 0 && (after & b) !== 0) out.push(`+${n}`);
    if ((before & b) !== 0 && (after & b) === 0) out.push(`-${n}`);
  });
  return out.join(' ');
}

function pageDiff(label: string, a: PageState | undefined, b: PageState, w: World, out: string[]): void {
  if (a === undefined || (a.mapped === 0 && b.mapped === 1 && a.index !== b.index)) {
    out.push(`${label}: added to the page cache at index ${b.index}`);
    return;
  }
  if (a.mapped !== b.mapped) out.push(`${label}: ${b.mapped === 1 ? 'added to' : 'removed from'} the mapping`);
  if (a.flags !== b.flags) out.push(`${label}.flags: ${bitDiff(a.flags, b.flags, PAGE_FLAG_NAMES)}`);
  if (a.tags !== b.tags) out.push(`${label}.tags: ${bitDiff(a.tags, b.tags, TAG_NAMES)}`);
  if (a.lock !== b.lock) out.push(`${label}: ${b.lock === -1 ? '-PG_locked' : `+PG_locked (${w.actors[b.lock]?.name ?? b.lock})`}`);
  if (a.ref !== b.ref) out.push(`${label}.refcount: +${a.ref} -> +${b.ref}`);
  if (a.data !== b.data) out.push(`${label}.data: ${a.data} -> ${b.data}`);
  if (a.bhs.join() !== b.bhs.join() || a.bhGen !== b.bhGen) out.push(`${label}.buffers: [${a.bhs.join(',')}] -> [${b.bhs.join(',')}]${a.bhGen !== b.bhGen ? ' (freed)' : ''}`);
  if (a.fixup !== b.fixup) out.push(`${label}: fixup ${b.fixup === 1 ? 'queued' : 'done'}`);
}

/** The changes from `a` to `b` as short lines (`page[1].flags: +PG_writeback -PG_dirty`). */
export function diffStates(w: World, a: ModelState, b: ModelState): string[] {
  const out: string[] = [];
  b.pages.forEach((p, s) => pageDiff(`page[${p.index}]${s !== p.index ? `@slot${s}` : ''}`, a.pages[s], p, w, out));
  b.disk.forEach((d, i) => {
    if (a.disk[i] !== d) out.push(`disk[${i}]: ${a.disk[i]} -> ${d}`);
  });
  b.blk.forEach((x, i) => {
    if (a.blk[i] !== x) out.push(`block[${i}]: ${bitDiff(a.blk[i]!, x, BLK_NAMES)}`);
  });
  if (a.delayed !== b.delayed) out.push(`i_delayed_blks: ${a.delayed} -> ${b.delayed}`);
  if (a.shutdown !== b.shutdown) out.push('XFS_FORCED_SHUTDOWN');
  if (a.evicted !== b.evicted) out.push('inode evicted');
  if (a.rwsem !== b.rwsem) out.push(`i_rwsem: ${a.rwsem} -> ${b.rwsem}`);
  if (a.wbErr !== b.wbErr) out.push(`mapping->wb_err: ${describeErrseq(a.wbErr)} -> ${describeErrseq(b.wbErr)}`);
  if (a.asFlags !== b.asFlags) out.push(`mapping->flags: ${bitDiff(a.asFlags, b.asFlags, ['AS_EIO', 'AS_ENOSPC'])}`);
  if (a.wbIndex !== b.wbIndex) out.push(`mapping->writeback_index: ${a.wbIndex} -> ${b.wbIndex}`);
  b.fds.forEach((f, i) => {
    const o = a.fds[i]!;
    if (o[0] !== f[0] || o[1] !== f[1]) out.push(`fd ${w.files[i]}: ${f[0] === 1 ? 'open' : 'closed'}, f_wb_err ${describeErrseq(f[1]!)}`);
  });
  b.ptes.forEach((row, t) => row.forEach((x, i) => {
    if (a.ptes[t]![i] !== x) out.push(`pte[${w.tasks[t]}][${i}]: ${['none', 'ro', 'rw'][a.ptes[t]![i]!]} -> ${['none', 'ro', 'rw'][x]}`);
  }));
  if (a.bios.length !== b.bios.length) out.push(`in-flight completions: ${a.bios.length} -> ${b.bios.length}`);
  b.actors.forEach((x, i) => {
    const o = a.actors[i]!;
    if (o.sig !== x.sig) out.push(`${w.actors[i]!.name}: SIGBUS`);
    if (o.rets.length !== x.rets.length) out.push(`${w.actors[i]!.name}: ${w.actors[i]!.program[o.pc]!.op} returns ${x.rets[x.rets.length - 1]}`);
  });
  return out;
}
