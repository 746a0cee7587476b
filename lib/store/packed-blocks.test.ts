// Proves the packed form of a quote tree loses nothing the store kept as rows: for random
// mail-like bodies and for every message of a corpus thread, unpacking the packed blocks gives
// what the old blocks table gave back (kind, depth, speaker name/address/date, text, raw, start,
// confidence, answers), and a repeated speaker is written once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { parseBody, type Block } from '../mail';
import { splitMboxBodies } from '../mail/split-mbox-bodies';
import { packBlocks, unpackBlocks } from './packed-blocks';

/** What a row of migration 2's blocks table read back as (read-messages.ts before migration 5). */
function asStored(b: Block): Block {
  const s = b.speaker;
  const out: Block = {
    kind: b.kind, depth: b.depth,
    speaker: s === null || (s.name === null && s.address === null && s.date === null) ? null : { name: s.name, address: s.address, date: s.date },
    text: b.text, raw: b.raw, start: b.start, confidence: b.confidence,
  };
  if (b.answers !== undefined && b.answers !== null) out.answers = b.answers;
  return out;
}

function roundTrip(body: string, flattened: boolean | 'auto'): void {
  const { blocks } = parseBody(body, { author: { name: 'Dave Chinner', address: 'david@fromorbit.com', date: '2018-11-01T00:00:00.000Z' }, flattened });
  const back = unpackBlocks(packBlocks(blocks), body);
  assert.deepEqual(back, blocks.map(asStored));
  // Same keys in the same order as the rows gave, since the site serialises blocks as JSON.
  assert.equal(JSON.stringify(back), JSON.stringify(blocks.map(asStored)));
}

const piece = fc.oneof(
  fc.constantFrom(
    '> ', '>', '>>', '> > > ', ' ', '\n', '\r\n', '\t', '\n\n', '\n\n\n',
    'On Thu, Nov 01, 2018 at 10:17:26AM -0400, Brian Foster wrote:', 'Dave Chinner wrote:', '* Ingo Molnar <mingo@kernel.org> [2020-06-04 12:00]:',
    '-- ', 'diff --git a/x.c b/x.c', '@@ -1,3 +1,3 @@', '+int x;', '-int y;', '[...]', 'Signed-off-by: A <a@b.c>', 'Yes.', 'pos >> PAGE_SHIFT',
    '\u00a0', '\uD800', '😀', '"quoted" \\ back',
  ),
  fc.string({ maxLength: 20 }),
);
const mailish = fc.array(piece, { maxLength: 60, size: 'max' }).map((parts) => parts.join(''));

test('random mail-like bodies: unpack(pack(blocks)) is what the rows gave back', () => {
  fc.assert(fc.property(mailish, fc.constantFrom<boolean | 'auto'>(false, true, 'auto'), (body, mode) => roundTrip(body, mode)), { numRuns: 3000 });
});

test('every message of a corpus thread round-trips', () => {
  const text = readFileSync(resolve('../shared/corpus/mbox/threads/xfs-2022-12-online-fsck-design-v24.mbox'), 'utf8');
  const bodies = splitMboxBodies(text);
  assert.ok(bodies.length > 50);
  for (const body of bodies) roundTrip(body, 'auto');
});

test('a speaker is written once; later blocks point at the first block that names them', () => {
  const body = 'On Thu, Nov 01, 2018, Brian Foster wrote:\n> one\n\nreply\n> two\nanswer\n';
  const { blocks } = parseBody(body, { author: { name: 'Dave', address: null, date: null }, flattened: false });
  const packed = packBlocks(blocks);
  assert.equal(packed.split('"Brian Foster"').length - 1, 1);
  assert.equal(packed.split('"Dave"').length - 1, 1);
  assert.deepEqual(unpackBlocks(packed, body), blocks.map(asStored));
  assert.deepEqual(unpackBlocks('', ''), []);
  assert.deepEqual(unpackBlocks(undefined, 'x'), []);
});
