// Proves re-anchoring: exact after whitespace/quote re-wrapping and moves, fuzzy with a pinned score after a changed word, orphaned when the words are gone or only a lookalike remains, and linear enough for a 10 MB page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveAnchor, ANCHOR_ORPHAN_THRESHOLD } from './resolve-anchor';
import { anchorFor } from './anchor-for';
import { normalizeWithOffsets } from './normalize-for-anchoring';
import type { Anchor } from './types';

const A = 'Brian wrote that an integrity writeback returns before all associated pages have been processed.';
const B = 'That sounds like a bug in write_cache_pages(). It sends pages one at a time to the writepage context.';
const C = "We should fix problems in the generic code if that's where the problem lies.";
const QUOTE = 'It sends pages one at a time to the writepage context';

function original(): { text: string; anchor: Anchor } {
  const text = [A, B, C].join('\n\n');
  const anchor = anchorFor(QUOTE, normalizeWithOffsets(text));
  assert.ok(anchor !== null);
  return { text, anchor };
}

test('the unchanged text resolves exactly at the position hint', () => {
  const { text, anchor } = original();
  const r = resolveAnchor(anchor, text);
  assert.equal(r.status, 'exact');
  assert.equal(r.score, 1);
  assert.equal(r.start, anchor.position?.start);
  assert.equal(text.slice(r.sourceStart, r.sourceEnd), QUOTE);
});

test('re-wrapped and re-quoted whitespace still resolves exactly, and maps back into the quoted source', () => {
  const { anchor } = original();
  const quoted = [A, B, C].map((p) => '> > ' + p.replace(/ (one|the) /g, '\n> > $1   ')).join('\n> >\n');
  const r = resolveAnchor(anchor, quoted);
  assert.equal(r.status, 'exact');
  assert.equal(r.start, anchor.position?.start);
  assert.equal(quoted.slice(r.sourceStart, r.sourceEnd), 'It sends pages\n> > one   at a time to\n> > the   writepage context');
});

test('a changed word inside the quote re-anchors fuzzily: 10 of 11 words, context intact', () => {
  const { anchor } = original();
  const text = [A, B.replace('sends', 'hands'), C].join('\n\n');
  const r = resolveAnchor(anchor, text);
  assert.equal(r.status, 'fuzzy');
  // 0.75 x (1 - 1/11) + 0.25 x 1 (prefix and suffix unchanged) = 0.932
  assert.equal(r.score, 0.932);
  assert.equal(text.slice(r.sourceStart, r.sourceEnd), 'It hands pages one at a time to the writepage context');
});

test('a changed word next to the quote leaves it exact', () => {
  const { anchor } = original();
  const text = [A, B.replace('bug', 'defect'), C].join('\n\n');
  const r = resolveAnchor(anchor, text);
  assert.equal(r.status, 'exact');
  assert.equal(r.score, 1);
  assert.equal(r.start, (anchor.position?.start ?? 0) + 3);
});

test('a moved paragraph is re-found exactly at its new place', () => {
  const { anchor } = original();
  const text = [A, C, B].join('\n\n');
  const r = resolveAnchor(anchor, text);
  assert.equal(r.status, 'exact');
  assert.equal(text.slice(r.sourceStart, r.sourceEnd), QUOTE);
  assert.equal(r.sourceStart, A.length + 2 + C.length + 2 + B.indexOf('It sends'));
});

test('a moved paragraph with a changed word is fuzzy, scored lower for the lost suffix', () => {
  const { anchor } = original();
  const text = [A, C, B.replace('writepage', 'writeback')].join('\n\n');
  const r = resolveAnchor(anchor, text);
  assert.equal(r.status, 'fuzzy');
  // 0.75 x (1 - 1/11) + 0.25 x mean(prefix 1, suffix 0: the paragraph now ends the text) = 0.807
  assert.equal(r.score, 0.807);
  assert.equal(text.slice(r.sourceStart, r.sourceEnd), 'It sends pages one at a time to the writeback context');
});

test('the quote removed: orphaned, with the best score seen below the threshold', () => {
  const { anchor } = original();
  const r = resolveAnchor(anchor, [A, 'That sounds like a bug in write_cache_pages().', C].join('\n\n'));
  assert.equal(r.status, 'orphaned');
  assert.equal(r.start, -1);
  assert.ok(r.score < ANCHOR_ORPHAN_THRESHOLD);
});

test('a lookalike sentence in other surroundings is not adopted', () => {
  const { anchor } = original();
  const lookalike = 'Unrelated words here. It sends pages one at a time to the flusher thread, says nobody.';
  const r = resolveAnchor(anchor, [A, 'That sounds like a bug in write_cache_pages().', C, lookalike].join('\n\n'));
  assert.equal(r.status, 'orphaned');
  // 0.75 x (1 - 2/11) + 0.25 x mean(prefix 0, suffix 0) = 0.614
  assert.equal(r.score, 0.614);
});

test('two identical sentences: prefix, suffix and the position hint pick the right one', () => {
  const text = `First: ${QUOTE}. Then more text follows here. Second: ${QUOTE}. End.`;
  const n = normalizeWithOffsets(text);
  const second = anchorFor(QUOTE, n, 1);
  assert.ok(second !== null);
  assert.equal(resolveAnchor(second, n).start, text.lastIndexOf(QUOTE));
  const noContext: Anchor = { quote: { ...second.quote, prefix: '', suffix: '' }, position: second.position };
  assert.equal(resolveAnchor(noContext, n).start, text.lastIndexOf(QUOTE));
  const noHint: Anchor = { quote: second.quote, position: null };
  assert.equal(resolveAnchor(noHint, n).start, text.lastIndexOf(QUOTE));
});

test('a 10 MB text is searched in linear time, exact and fuzzy', () => {
  const filler = 'the page cache holds folios while writeback cleans them and reclaim frees them again ';
  const parts: string[] = [];
  for (let i = 0; parts.length * filler.length < 10_000_000; i += 1) parts.push(i % 5000 === 0 ? `${filler}section ${i} ` : filler);
  const { text: small, anchor } = original();
  const big = parts.join('') + small.replace('sends', 'hands') + parts.slice(0, 1000).join('');
  assert.ok(big.length > 10_000_000);
  const n = normalizeWithOffsets(big);
  const t0 = performance.now();
  const fuzzy = resolveAnchor(anchor, n);
  const exact = resolveAnchor({ quote: { ...anchor.quote, exact: 'That sounds like a bug', prefix: '', suffix: '' }, position: null }, n);
  const elapsedMs = performance.now() - t0;
  assert.equal(fuzzy.status, 'fuzzy');
  assert.equal(fuzzy.score, 0.932);
  assert.equal(exact.status, 'exact');
  assert.ok(elapsedMs < 5000, `took ${elapsedMs} ms`);
});

test('an empty quote is orphaned, never matched everywhere', () => {
  const r = resolveAnchor({ quote: { type: 'TextQuoteSelector', exact: ' > ', prefix: '', suffix: '' }, position: null }, 'text');
  assert.deepEqual(r, { status: 'orphaned', start: -1, end: -1, sourceStart: -1, sourceEnd: -1, score: 0 });
});

test('exact words whose neighbours both changed are demoted to fuzzy, not trusted blindly', () => {
  const { anchor } = original();
  const text = `Completely different opening words here. ${QUOTE}, and nothing after it matches either.`;
  const r = resolveAnchor(anchor, text);
  assert.equal(r.status, 'fuzzy');
  // 0.75 + 0.25 x mean(prefix 0, suffix 0) = 0.75: still at the threshold, shown to the reader as moved.
  assert.equal(r.score, 0.75);
});
