// Proves with fast-check (12,000 cases in all) that parseBody never throws, is lossless, gives integer depths >= 0 and valid answers on random and mutated mail in every mode, and that its time grows linearly on multiplied hostile input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseBody, type BodyContext } from './parse-body';
import { splitMboxBodies } from './split-mbox-bodies';

const MODES: BodyContext['flattened'][] = [false, true, 'auto'];

/** Check every invariant of a parse; returns nothing, throws an assertion on the first broken one. */
function checkInvariants(body: string, flattened: BodyContext['flattened']): void {
  const { blocks, diagnostics } = parseBody(body, { author: { name: 'A', address: null, date: null }, flattened });
  let at = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    assert.ok(b);
    assert.equal(b.start, at);
    assert.ok(b.raw.length > 0);
    assert.ok(Number.isInteger(b.depth) && b.depth >= 0);
    assert.ok(b.confidence > 0 && b.confidence <= 1);
    if (b.depth === 0) assert.equal(b.speaker?.name, 'A');
    if (b.answers !== undefined && b.answers !== null) {
      assert.ok(b.answers < i);
      const q = blocks[b.answers];
      assert.ok(q && q.depth >= 1 && (q.kind === 'quote' || q.kind === 'patch'));
    }
    at += b.raw.length;
  }
  assert.equal(at, body.length);
  assert.equal(blocks.map((b) => b.raw).join(''), body);
  for (const d of diagnostics) assert.equal(typeof d.ruleId, 'string');
  // Plain JSON: survives a round trip unchanged.
  assert.deepEqual(JSON.parse(JSON.stringify(blocks)), blocks);
}

// Pieces real mail is made of, including the ones each rule looks for, plus arbitrary text.
const piece = fc.oneof(
  fc.constantFrom(
    '> ', '>', '>>', '> > > ', ' ', '  ', '\n', '\r\n', '\t', '\n\n',
    'On Thu, Nov 01, 2018 at 10:17:26AM -0400, Brian Foster wrote:', 'Dave Chinner wrote:', 'wrote:',
    '* Ingo Molnar <mingo@kernel.org> [2020-06-04 12:00]:', '在 2025/4/9 20:40, X 写道:', 'Am 1.12.22 um 22:30 schrieb X:',
    '-- ', '--', '---', 'diff --git a/x.c b/x.c', '@@ -1,3 +1,3 @@', '+int x;', '-int y;', ' fs/x.c | 2 +-',
    '[...]', '<snip>', 'Signed-off-by: A <a@b.c>', 'Reviewed-by:', 'To unsubscribe from this list',
    '_______________________________________________', 'Yes.', 'I agree.', 'pos >> PAGE_SHIFT', 'a > b',
    'x', 'The page is dirty.', 'c...@fb.com', 'david@xxxxxxxxxxxxx', '\u00a0', '\u0000', '\uD800',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
const mailish = fc.array(piece, { maxLength: 80, size: 'max' }).map((parts) => parts.join(''));

test('random mail-like bodies: invariants hold in every mode', () => {
  fc.assert(
    fc.property(mailish, fc.constantFrom(...MODES), (body, mode) => {
      checkInvariants(body, mode);
    }),
    { numRuns: 6000 },
  );
});

test('arbitrary strings: invariants hold in every mode', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300, size: 'max' }), fc.constantFrom(...MODES), (body, mode) => {
      checkInvariants(body, mode);
    }),
    { numRuns: 3000 },
  );
});

// Real bodies (seeds and a thread), mutated by random splices, deletions and flattening.
const seedsDir = path.resolve(process.cwd(), '../shared/seeds');
const realBodies = [
  ...['000_47d84fd9b3284998.txt', '001_7b98a5be884bdaf1.txt', '003_5476306fd0ae2e23.txt', '004_e57b99afb80533ad.txt'].map((f) => readFileSync(path.join(seedsDir, f), 'utf8')),
  ...splitMboxBodies(readFileSync(path.resolve(process.cwd(), '../shared/corpus/mbox/threads/xfs-2025-07-iomap-writeback-refactor-v4.mbox'), 'utf8')).slice(0, 12),
];
const mutation = fc.record({
  at: fc.nat(),
  cut: fc.nat({ max: 200 }),
  insert: mailish,
  flatten: fc.boolean(),
});

test('mutated real bodies: invariants hold in every mode', () => {
  fc.assert(
    fc.property(fc.nat({ max: realBodies.length - 1 }), fc.array(mutation, { maxLength: 4 }), fc.constantFrom(...MODES), (which, muts, mode) => {
      let body = realBodies[which] as string;
      for (const m of muts) {
        const at = m.at % (body.length + 1);
        body = body.slice(0, at) + m.insert + body.slice(at + m.cut);
        if (m.flatten) body = body.replace(/\s+/g, ' ');
      }
      checkInvariants(body, mode);
    }),
    { numRuns: 3000 },
  );
});

/** Fastest parse time of each body over interleaved runs, in milliseconds (the minimum is the least noisy estimate). */
function fastestPair(a: string, b: string, flattened: boolean, runs = 5): [number, number] {
  let bestA = Number.POSITIVE_INFINITY;
  let bestB = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    // Interleaved, so load from other processes hits both sizes alike.
    let t0 = performance.now();
    parseBody(a, { author: null, flattened });
    bestA = Math.min(bestA, performance.now() - t0);
    t0 = performance.now();
    parseBody(b, { author: null, flattened });
    bestB = Math.min(bestB, performance.now() - t0);
  }
  return [bestA, bestB];
}

test('time grows linearly: 16x the hostile input takes far less than 256x the time (ratio < 100)', () => {
  // A ratio test over 16x separates linear (16) from quadratic (256) by far more than the noise
  // of JIT warm-up and garbage collection (which alone can make 16x cost ~60x), where 2x
  // comparisons are flaky.
  const hostile: [string, string, boolean][] = [
    ['100,000-character quoted line', `> ${'word '.repeat(20_000)}\n`, false],
    ['10,000-deep nesting, repeated', `${'>'.repeat(10_000)} deep words here\n`.repeat(3), false],
    ['inline markers everywhere', 'word > word >> '.repeat(2_000), true],
    ['attribution verbs everywhere', 'On Mon wrote: '.repeat(2_000), true],
    ['colons everywhere', 'Am a: '.repeat(4_000), true],
    ['deep flattened chain', '> > > > > text text text. Yes > > x '.repeat(800), true],
    ['quoted lines and replies', '> quoted line here\nown line\n'.repeat(1_000), false],
    ['flattened quoted lines', '> quoted line here own line '.repeat(1_000), true],
  ];
  for (const [name, body, flattened] of hostile) {
    const big = body.repeat(16);
    fastestPair(body, big, flattened, 1); // warm up the JIT
    const [one, sixteen] = fastestPair(body, big, flattened, 3);
    // Timer resolution: below a millisecond a ratio means nothing.
    const ratio = sixteen / Math.max(one, 1);
    assert.ok(ratio < 100, `${name}: ${one.toFixed(1)} ms -> ${sixteen.toFixed(1)} ms (ratio ${ratio.toFixed(2)}; linear is 16, quadratic 256)`);
  }
});

test('a 10 MB body with 100,000-character lines parses, lossless', () => {
  const line = `> ${'x'.repeat(100_000)}\n`;
  const body = line.repeat(100);
  assert.ok(body.length >= 10_000_000);
  const { blocks } = parseBody(body, { author: null });
  assert.equal(blocks.length, 1);
  assert.equal(blocks[0]?.raw.length, body.length);
  assert.equal(blocks[0]?.depth, 1);
});
