// Proves scenario validation reports problems as data naming the JSON path of the bad field, and
// that the content hash is canonical (key order does not matter) but changes with any content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatProblems, parseScenario, scenarioHash, validateScenario } from './index';

function base(): Record<string, unknown> {
  return {
    id: 'tiny', title: 'tiny', thread: 'write-cache-pages-stop-on-error', claims: ['c1'], subsystems: ['mm'], summary: 's',
    invariants: ['no-delalloc-at-reclaim'],
    setup: { fs: 'xfs', kernel: 'v4.19', pages: 2, files: [{ name: 'A' }] },
    actors: [{ name: 'U', program: [{ op: 'umount' }] }, { name: 'F', program: [{ op: 'open', fd: 'A' }, { op: 'fsync', fd: 'A' }, { op: 'fsync', fd: 'A' }, { op: 'foo' }] }],
    expect: { 'v4.19': { 'no-delalloc-at-reclaim': 'never' }, 'xfs-ctx-deferred': { 'no-delalloc-at-reclaim': 'never' }, 'landed-3fa750dcf29e': { 'no-delalloc-at-reclaim': 'never' } },
  };
}

test('an unknown operation is reported at its JSON path', () => {
  const r = validateScenario(base());
  assert.equal(r.scenario, null);
  assert.equal(formatProblems(r.problems), 'actors[1].program[3].op: unknown operation "foo"');
});

test('structural, argument, name and variant problems each name their field', () => {
  const s = base();
  (s.actors as Array<{ program: unknown[] }>)[1]!.program[3] = { op: 'fsync', fd: 'Z', page: 0 };
  (s.setup as Record<string, unknown>).pages = 0;
  delete (s.expect as Record<string, unknown>)['landed-3fa750dcf29e'];
  const structural = validateScenario(s);
  assert.deepEqual(structural.problems.map((p) => p.path), ['setup.pages']);
  (s.setup as Record<string, unknown>).pages = 2;
  const r = validateScenario(s);
  assert.deepEqual(formatProblems(r.problems).split('\n'), [
    'actors[1].program[3].page: operation "fsync" takes no "page"',
    'actors[1].program[3].fd: unknown file "Z"',
    'expect: no expected verdicts for variant "landed-3fa750dcf29e"',
  ]);
});

test('bad JSON and unknown keys are problems, not exceptions', () => {
  assert.deepEqual(parseScenario('{').problems.map((p) => p.path), ['']);
  const s = base();
  s.colour = 'red';
  assert.deepEqual(validateScenario(s).problems.map((p) => p.message), ['Unrecognized key: "colour"']);
});

test('the content hash ignores key order and changes with the content', () => {
  const s = base();
  (s.actors as Array<{ program: unknown[] }>)[1]!.program.pop();
  const a = validateScenario(s).scenario!;
  const reordered = Object.fromEntries(Object.entries(s).reverse());
  const b = validateScenario(reordered).scenario!;
  assert.match(scenarioHash(a), /^[0-9a-f]{16}$/);
  assert.equal(scenarioHash(a), scenarioHash(b));
  const c = validateScenario({ ...s, title: 'tiny!' }).scenario!;
  assert.notEqual(scenarioHash(c), scenarioHash(a));
});
