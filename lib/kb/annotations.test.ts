// Proves that every shipped annotation file parses with no diagnostic, that every claim anchors EXACTLY at its recorded position in its seed page, and that the reply structure named in the notes is encoded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
// The .js suffix: without it tsx reads `.node` as a native addon; tsc maps it back to the .ts file.
import { loadAnnotations } from './load-annotations.node.js';
import { normalizeWithOffsets } from './normalize-for-anchoring';
import { resolveAnchor } from './resolve-anchor';
import type { Claim, ThreadAnnotation } from './types';

const content = join(resolve(import.meta.dirname, '..', '..'), 'content');
const loaded = loadAnnotations(content);

function thread(slug: string): ThreadAnnotation {
  const found = loaded.find((l) => l.slug === slug)?.annotation;
  assert.ok(found, `no annotation for ${slug}`);
  return found;
}

function claim(slug: string, id: string): Claim {
  const found = thread(slug).claims.find((c) => c.id === id);
  assert.ok(found, `no claim ${slug}#${id}`);
  return found;
}

test('all five threads are annotated and parse without a single diagnostic', () => {
  assert.deepEqual(
    loaded.map((l) => [l.slug, l.annotation?.claims.length ?? null]),
    [
      ['btrfs-fixup-worker-migration', 16],
      ['gfs2-page-done-shrinker', 15],
      ['iomap-dio-invalidation-eio', 19],
      ['iomap-mkwrite-not-uptodate', 12],
      ['write-cache-pages-stop-on-error', 17],
    ],
  );
  assert.deepEqual(loaded.flatMap((l) => l.diagnostics), []);
});

test('every claim resolves exactly, at its position hint, in its own seed page', () => {
  let checked = 0;
  for (const l of loaded) {
    assert.ok(l.annotation !== null && l.seedText !== null);
    const text = normalizeWithOffsets(l.seedText);
    for (const c of l.annotation.claims) {
      const r = resolveAnchor(c.anchor, text);
      assert.equal(r.status, 'exact', `${l.slug}#${c.id} resolves ${r.status} (${r.score})`);
      assert.deepEqual([r.start, r.end], [c.anchor.position?.start, c.anchor.position?.end], `${l.slug}#${c.id}`);
      // The raw page slice holds the same words once quote markers are stripped.
      assert.equal(normalizeWithOffsets(l.seedText.slice(r.sourceStart, r.sourceEnd)).text, c.anchor.quote.exact);
      checked += 1;
    }
  }
  assert.equal(checked, 79);
});

test('reply structure: who answers whom, at which depth', () => {
  const c7 = claim('write-cache-pages-stop-on-error', 'c7');
  assert.deepEqual([c7.speaker, c7.kind, c7.depth, c7.answers], ['Dave Chinner', 'root-cause', 2, ['c1']]);
  assert.equal(claim('write-cache-pages-stop-on-error', 'c1').speaker, 'Brian Foster');
  assert.deepEqual(claim('write-cache-pages-stop-on-error', 'c10').status, { state: 'landed', commit: '3fa750dcf29e', note: null });
  const c4 = claim('iomap-dio-invalidation-eio', 'c4');
  assert.deepEqual([c4.speaker, c4.kind, c4.answers], ['Darrick J. Wong', 'objection', ['c2']]);
  assert.equal(claim('iomap-dio-invalidation-eio', 'c2').speaker, 'Goldwyn Rodrigues');
  assert.deepEqual(claim('iomap-dio-invalidation-eio', 'c13').message, { speaker: 'Filipe Manana', date: '2020-06-03 12:32', messageId: null });
  assert.deepEqual(claim('gfs2-page-done-shrinker', 'c11').answers, ['c1']);
  assert.deepEqual(claim('btrfs-fixup-worker-migration', 'c9').answers, ['c6']);
  assert.deepEqual(claim('iomap-mkwrite-not-uptodate', 'd6').answers, ['d5']);
});

test('every objection answers a claim, and every replayable kind says how it will be replayed', () => {
  for (const l of loaded) {
    for (const c of l.annotation?.claims ?? []) {
      if (c.kind === 'objection') assert.ok(c.answers.length > 0, `${l.slug}#${c.id}`);
      assert.ok(c.scenarios.length > 0 || c.scenarioPending !== null || c.notReplayable !== null, `${l.slug}#${c.id}`);
    }
  }
});
