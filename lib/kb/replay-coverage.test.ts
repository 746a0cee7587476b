// Proves the knowledge base's replay coverage on the shipped content: every claim of a kind that
// can be replayed (bug report, root cause, proposed fix, objection) links at least one scenario
// variant or says in writing why it cannot be replayed; none is left "pending".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { loadAnnotations } from './node';
import { REPLAYABLE_KINDS } from './index';

test('every replayable claim is linked to a scenario or says why it cannot be', () => {
  const loaded = loadAnnotations(resolve(import.meta.dirname, '../../content'));
  const claims = loaded.flatMap((a) => (a.annotation?.claims ?? []).map((c) => ({ thread: a.slug, c })));
  assert.ok(claims.length >= 40, `only ${claims.length} claims`);
  const uncovered = claims
    .filter(({ c }) => REPLAYABLE_KINDS.includes(c.kind))
    .filter(({ c }) => c.scenarios.length === 0 && (c.notReplayable ?? '').trim().length < 20)
    .map(({ thread, c }) => `${thread}#${c.id} (${c.kind})`);
  assert.deepEqual(uncovered, []);
  const pending = claims.filter(({ c }) => c.scenarioPending !== null).map(({ thread, c }) => `${thread}#${c.id}`);
  assert.deepEqual(pending, []);
});
