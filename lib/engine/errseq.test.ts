// Proves the errseq_t model against lib/errseq.c's rules and the worked example in the kernel
// notes: an unseen error is reported once to every fd (including fds opened after it), a second
// unseen error does not bump the counter, an error after SEEN does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeErrseq, errseqCheck, errseqCheckAndAdvance, errseqSample, errseqSet } from './errseq';
import { EIO, ENOSPC } from './constants';

test('an unseen error samples as 0, so a later opener still sees it', () => {
  const e = errseqSet(0, EIO);
  assert.equal(errseqSample(e), 0);
  assert.equal(errseqCheck(e, 0), EIO);
});

test('the worked example: fds A, B before; C after, before any fsync; D after fsync(A)', () => {
  const a0 = errseqSample(0);
  const b0 = errseqSample(0);
  let wb = errseqSet(0, EIO);
  const c0 = errseqSample(wb);
  const [ra1, wb1, a1] = errseqCheckAndAdvance(wb, a0);
  wb = wb1;
  assert.equal(ra1, EIO);
  const d0 = errseqSample(wb);
  assert.equal(errseqCheckAndAdvance(wb, a1)[0], 0);
  assert.equal(errseqCheckAndAdvance(wb, b0)[0], EIO);
  assert.equal(errseqCheckAndAdvance(wb, c0)[0], EIO);
  assert.equal(errseqCheckAndAdvance(wb, d0)[0], 0);
  // A second error after SEEN bumps the counter: every fd reports again.
  const wb2 = errseqSet(wb, EIO);
  assert.notEqual(wb2, wb);
  assert.equal(errseqCheckAndAdvance(wb2, a1)[0], EIO);
  assert.equal(errseqCheckAndAdvance(wb2, d0)[0], EIO);
});

test('a second error before anyone saw the first changes only the errno, not the counter', () => {
  const e1 = errseqSet(0, EIO);
  assert.equal(errseqSet(e1, EIO), e1);
  const e2 = errseqSet(e1, ENOSPC);
  assert.equal(describeErrseq(e2), '{ctr 0, errno 28}');
  const [, seen] = errseqCheckAndAdvance(e2, 0);
  assert.equal(describeErrseq(seen), '{ctr 0, errno 28, SEEN}');
  assert.equal(describeErrseq(errseqSet(seen, EIO)), '{ctr 1, errno 5}');
});
