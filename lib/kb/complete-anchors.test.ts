// Proves the anchor completion: prefix, suffix and position lines are (re)written after each quote from the seed, an existing position picks among repeats, and missing or ambiguous quotes are reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeAnchors } from './complete-anchors';

const SEED = 'Dave wrote: > > That sounds like a bug in write_cache_pages(). > > It sends pages one at a time. That sounds like a bug again.';

test('derived lines are written after the quote and stale ones replaced', () => {
  const md = '### c7 — t\n\n- quote: "It sends pages"\n- prefix: "stale"\n- kind: root-cause\n';
  const done = completeAnchors(md, SEED);
  assert.deepEqual(done.problems, []);
  assert.equal(
    done.markdown,
    '### c7 — t\n\n- quote: "It sends pages"\n- prefix: "e a bug in write_cache_pages(). "\n- suffix: " one at a time. That sounds like"\n- position: 59-73\n- kind: root-cause\n',
  );
  assert.equal(completeAnchors(done.markdown, SEED).markdown, done.markdown);
});

test('a repeated quote takes the occurrence nearest the old position, or the first with a warning', () => {
  const hinted = completeAnchors('### c1 — t\n- quote: "That sounds like a bug"\n- position: 90-112\n', SEED);
  assert.deepEqual(hinted.problems, []);
  assert.match(hinted.markdown, /- position: 89-111$/m);
  const unhinted = completeAnchors('### c1 — t\n- quote: "That sounds like a bug"\n', SEED);
  assert.deepEqual(unhinted.problems, ['c1: quote occurs 2 times; took the first (add a position to choose)']);
  assert.match(unhinted.markdown, /- position: 12-34$/m);
});

test('a quote that is not in the seed is reported and left alone', () => {
  const md = '### d2 — t\n- quote: "not there"\n';
  assert.deepEqual(completeAnchors(md, SEED), { markdown: md, problems: ['d2: quote not found in the seed: "not there"'] });
});
