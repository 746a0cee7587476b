// errseq_t as in lib/errseq.c (semantics unchanged from v4.17 to v6.x): bits 0-11 hold -errno,
// bit 12 is SEEN, bits 13 and up are a counter bumped only when a new error follows a seen one.

const ERRNO_MASK = 0xfff;
const SEEN = 1 << 12;
const CTR_INC = 1 << 13;

/** errseq_set: record `errno` (positive); an unseen error never bumps the counter. */
export function errseqSet(e: number, errno: number): number {
  let next = (e & ~(ERRNO_MASK | SEEN)) + errno;
  if ((e & SEEN) !== 0) next += CTR_INC;
  return next === e ? e : next;
}

/** errseq_sample: the value a new opener starts from; 0 while the current error is unseen ("always report once", v4.17). */
export function errseqSample(e: number): number {
  return (e & SEEN) !== 0 ? e : 0;
}

/** errseq_check: the errno (positive) to report to a cursor at `since`, or 0. */
export function errseqCheck(e: number, since: number): number {
  return e === since ? 0 : e & ERRNO_MASK;
}

/** errseq_check_and_advance: [errno to report (positive) or 0, new e with SEEN, new cursor]. */
export function errseqCheckAndAdvance(e: number, since: number): [number, number, number] {
  if (e === since) return [0, e, since];
  const seen = e | SEEN;
  return [e & ERRNO_MASK, seen, seen];
}

/** Decodes an errseq value for traces: counter, errno and SEEN. */
export function describeErrseq(e: number): string {
  return `{ctr ${Math.floor(e / CTR_INC)}, errno ${e & ERRNO_MASK}${(e & SEEN) !== 0 ? ', SEEN' : ''}}`;
}
