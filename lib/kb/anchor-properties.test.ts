// Proves, over generated mail-like texts, that an anchor built from any occurrence resolves exactly back to it, that quote re-wrapping never moves it, and that normalising is idempotent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { anchorFor } from './anchor-for';
import { normalizeForAnchoring, normalizeWithOffsets } from './normalize-for-anchoring';
import { resolveAnchor } from './resolve-anchor';

const word = fc.constantFrom('page', 'folio', 'dirty', 'writeback', 'xfs_map_blocks()', 'a->b', 'EIO', 'the', 'of', 'WB_SYNC_ALL', '>', '>>', '\n>', '\n> >');
const text = fc.array(word, { minLength: 5, maxLength: 60 }).map((ws) => ws.join(' '));

test('normalising is idempotent', () => {
  fc.assert(fc.property(text, (t) => normalizeForAnchoring(normalizeForAnchoring(t)) === normalizeForAnchoring(t)));
});

test('an anchor for the k-th occurrence of any span resolves exactly to that occurrence', () => {
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
      const n = normalizeWithOffsets(t);
      if (n.text.length < 2) return;
      const start = a % n.text.length;
      const end = start + 1 + (b % Math.min(40, n.text.length - start));
      const exact = n.text.slice(start, end);
      // Spans that are themselves changed by normalising (a lone '>' marker) cannot be quoted as they stand.
      if (exact.trim() !== exact || exact === '' || normalizeForAnchoring(exact) !== exact) return;
      let k = 0;
      for (let at = n.text.indexOf(exact); at >= 0 && at < start; at = n.text.indexOf(exact, at + 1)) k += 1;
      const anchor = anchorFor(exact, n, k);
      assert.ok(anchor !== null);
      const r = resolveAnchor(anchor, n);
      assert.equal(r.status, 'exact');
      assert.equal(n.text.slice(r.start, r.end), exact);
      // The prefix+quote+suffix context may repeat; then the hint must still choose this occurrence.
      assert.equal(r.start, start);
    }),
  );
});

test('quoting every line one level deeper never changes the resolved words', () => {
  fc.assert(
    fc.property(text, (t) => {
      const n = normalizeWithOffsets(t);
      const words = n.text.split(' ');
      if (words.length < 4) return;
      const exact = words.slice(1, 4).join(' ');
      const anchor = anchorFor(exact, n);
      assert.ok(anchor !== null);
      const deeper = t.split('\n').map((line) => `> ${line}`).join('\n');
      const r = resolveAnchor(anchor, deeper);
      assert.equal(r.status, 'exact');
      assert.equal(normalizeForAnchoring(deeper.slice(r.sourceStart, r.sourceEnd)), exact);
    }),
  );
});
