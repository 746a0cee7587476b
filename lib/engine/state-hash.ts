// A 64-bit hash of a state's identity, computed without building a string: the state's numbers
// are copied into a reusable Int32Array (array lengths included, so different shapes cannot
// collide by concatenation), then hashed in one tight loop with two independent 32-bit lanes
// (cyrb53-style multiply-xorshift). It covers every field except `steps`. Accidental collisions
// are negligible at the state counts we explore (see README: about n^2 / 2^65).
import type { ModelState } from './state';

/** Where stateHashInto leaves its two 32-bit lanes (avoids allocating a pair per state). */
export const HASH_OUT = new Int32Array(2);

let buf = new Int32Array(1024);

// Writes past the end of a typed array are dropped, so flatten reports the length it needed and
// the caller grows the buffer and flattens again (rare: the buffer only grows).
function flatten(s: ModelState): number {
  const b = buf;
  let n = 0;
  b[n++] = s.pages.length;
  for (const p of s.pages) {
    b[n++] = p.index; b[n++] = p.mapped; b[n++] = p.flags; b[n++] = p.tags; b[n++] = p.lock; b[n++] = p.ref; b[n++] = p.data;
    b[n++] = p.bhGen; b[n++] = p.fixup; b[n++] = p.bhs.length;
    for (const x of p.bhs) b[n++] = x;
  }
  b[n++] = s.disk.length;
  for (const x of s.disk) b[n++] = x;
  b[n++] = s.blk.length;
  for (const x of s.blk) b[n++] = x;
  b[n++] = s.delayed; b[n++] = s.shutdown; b[n++] = s.evicted; b[n++] = s.rwsem; b[n++] = s.wbErr; b[n++] = s.asFlags; b[n++] = s.wbIndex;
  b[n++] = s.fds.length;
  for (const f of s.fds) {
    b[n++] = f.length;
    for (const x of f) b[n++] = x;
  }
  b[n++] = s.ptes.length;
  for (const t of s.ptes) {
    b[n++] = t.length;
    for (const x of t) b[n++] = x;
  }
  b[n++] = s.actors.length;
  for (const a of s.actors) {
    b[n++] = a.pc; b[n++] = a.ph; b[n++] = a.sig; b[n++] = a.trans; b[n++] = a.v.length;
    for (const x of a.v) b[n++] = x;
    b[n++] = a.rets.length;
    for (const x of a.rets) b[n++] = x;
    const w = a.w;
    if (w === null) b[n++] = -7;
    else {
      b[n++] = w.ph; b[n++] = w.sync; b[n++] = w.cyclic; b[n++] = w.idx; b[n++] = w.end; b[n++] = w.nr; b[n++] = w.ret;
      b[n++] = w.ctxErr; b[n++] = w.done; b[n++] = w.cycled; b[n++] = w.doneIdx; b[n++] = w.tagged; b[n++] = w.visited; b[n++] = w.failed;
    }
  }
  b[n++] = s.bios.length;
  for (const x of s.bios) {
    b[n++] = x.kind; b[n++] = x.slot; b[n++] = x.data; b[n++] = x.bh;
  }
  // A fault's kind never changes within a run (the plan is fixed by the world), so it is not copied.
  b[n++] = s.faults.length;
  for (const f of s.faults) {
    b[n++] = f.page; b[n++] = f.left; b[n++] = f.errno;
  }
  b[n++] = s.ghost.lossUnseen;
  for (const x of s.ghost.fdLoss) b[n++] = x;
  b[n++] = s.violated;
  return n;
}

/** Computes the state's identity hash into HASH_OUT[0] (low lane) and HASH_OUT[1] (high lane). */
export function stateHashInto(s: ModelState): void {
  let n = flatten(s);
  if (n > buf.length) {
    buf = new Int32Array(n * 2);
    n = flatten(s);
  }
  const b = buf;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < n; i += 1) {
    const x = b[i]!;
    h1 = Math.imul(h1 ^ x, 2654435761);
    h2 = Math.imul(h2 ^ x, 1597334677);
  }
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  HASH_OUT[1] = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  HASH_OUT[0] = a;
}

/** The state's identity hash as a 53-bit number (everything but the schedule position). */
export function stateHash(s: ModelState): number {
  stateHashInto(s);
  return 4294967296 * (2097151 & HASH_OUT[1]!) + (HASH_OUT[0]! >>> 0);
}
