// Proves that quote markers and whitespace vanish for anchoring, that code survives, and that every kept character maps back to the source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeForAnchoring, normalizeWithOffsets } from './normalize-for-anchoring';

test('a flattened page reads the same as the message, markers gone', () => {
  const flat = 'returns > > > before all associated pages have been processed. > > > > That sounds';
  assert.equal(normalizeForAnchoring(flat), 'returns before all associated pages have been processed. That sounds');
});

test('line-start markers, glued or spaced, and blank quoted lines vanish', () => {
  const mail = '> For COW, btrfs expects\n>   pages\n>\n>>glued to the word\n  plain  text\t here\n';
  assert.equal(normalizeForAnchoring(mail), 'For COW, btrfs expects pages glued to the word plain text here');
});

test('arrows and comparisons inside words stay; only bare > tokens are markers', () => {
  assert.equal(normalizeForAnchoring('do_wp_page()\n-> vm_normal_page()'), 'do_wp_page() -> vm_normal_page()');
  assert.equal(normalizeForAnchoring('x >= y and a->b'), 'x >= y and a->b');
  assert.equal(normalizeForAnchoring('pos >> PAGE_SHIFT'), 'pos PAGE_SHIFT');
});

test('offsets map every normalised character back to its source character', () => {
  const source = '> > a  b\n> c';
  const n = normalizeWithOffsets(source);
  assert.equal(n.text, 'a b c');
  assert.deepEqual([...n.sourceOffsets], [4, 5, 7, 8, 11, 12]);
  for (let i = 0; i < n.text.length; i += 1) {
    if (n.text[i] !== ' ') assert.equal(source[n.sourceOffsets[i] as number], n.text[i]);
  }
});

test('empty and marker-only texts normalise to nothing', () => {
  assert.equal(normalizeForAnchoring(''), '');
  assert.equal(normalizeForAnchoring(' > > >\n>\n'), '');
});
