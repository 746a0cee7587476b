// Proves re-anchoring on a real page: thread 000's seed edited three ways (re-wrapped quotes, a typo fixed inside one quote, one paragraph deleted) keeps every other claim exact, re-finds the edited one with a pinned score, and orphans the deleted one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
// The .js suffix: without it tsx reads `.node` as a native addon; tsc maps it back to the .ts file.
import { loadAnnotations } from './load-annotations.node.js';
import { resolveAnchor } from './resolve-anchor';
import { normalizeWithOffsets } from './normalize-for-anchoring';

const content = join(resolve(import.meta.dirname, '..', '..'), 'content');
const slug = 'write-cache-pages-stop-on-error';
const annotation = loadAnnotations(content).find((l) => l.slug === slug)?.annotation;
const seed = readFileSync(join(content, 'threads', slug, '000_47d84fd9b3284998.txt'), 'utf8');

function statuses(text: string): Record<string, string> {
  assert.ok(annotation);
  const n = normalizeWithOffsets(text);
  return Object.fromEntries(annotation.claims.map((c) => {
    const r = resolveAnchor(c.anchor, n);
    return [c.id, r.status === 'exact' ? 'exact' : `${r.status} ${r.score}`];
  }));
}

test('re-wrapping every quoted line keeps all 17 anchors exact', () => {
  const rewrapped = seed.replace(/ (> )+/g, (m) => `\n${m.trim()} `);
  assert.notEqual(rewrapped, seed);
  assert.ok(Object.values(statuses(rewrapped)).every((s) => s === 'exact'));
});

test('a typo fixed inside one quote, and one paragraph deleted', () => {
  const edited = seed
    .replace("ibtrfs's extent_write_cache_pages()", "btrfs's extent_write_cache_pages()")
    .replace("We should fix problems in the generic code if that's where the problem lies. ", '');
  const got = statuses(edited);
  const changed = Object.fromEntries(Object.entries(got).filter(([, s]) => s !== 'exact'));
  // c15: "ibtrfs" -> "btrfs" is a one-letter slip (0.5) in 9 words ("ibtrfs's" is two): 0.75 x (1 - 0.5/9) + 0.25 x 1 = 0.958.
  // c14: its words are gone; the best window left scores below the 0.75 threshold.
  assert.deepEqual(Object.keys(changed).sort(), ['c14', 'c15']);
  assert.equal(changed.c15, 'fuzzy 0.958');
  assert.match(changed.c14 ?? '', /^orphaned 0\.\d+$/);
  assert.ok(Number((changed.c14 ?? '').split(' ')[1]) < 0.75);
});
