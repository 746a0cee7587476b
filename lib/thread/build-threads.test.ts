// Proves strict threading: ghosts for missing parents, duplicates merged, loops refused, the same
// outline for every input order, and a 10,000-deep reply chain without recursion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildThreads, walkThread, type ThreadInput, type Threading } from './build-threads';
import { contentKey, contentMessageId, fnv1a64Hex } from './content-id';

function outline(t: Threading): string {
  const lines: string[] = [];
  for (const r of t.roots) for (const n of walkThread(t, r)) lines.push(`${'  '.repeat(n.depth)}${n.id}${n.ghost ? ' (ghost)' : ''}`);
  return lines.join('\n');
}

const msgs: ThreadInput[] = [
  { id: 'a', references: [], date: '2020-01-01' },
  { id: 'b', references: ['a'], date: '2020-01-02' },
  { id: 'c', references: ['a', 'b'], date: '2020-01-03' },
  { id: 'd', references: ['a'], date: '2020-01-02T12' },
  { id: 'e', references: ['x', 'y'], date: '2020-02-01' },
  { id: 'f', references: ['y'], date: '2020-02-02' },
  { id: 'c', references: ['b'], date: '2020-01-03' },
];

test('ghosts, duplicates and sibling order by date', () => {
  const t = buildThreads(msgs);
  assert.equal(outline(t), ['a', '  b', '    c', '  d', 'x (ghost)', '  y (ghost)', '    e', '    f'].join('\n'));
  assert.deepEqual(t.diagnostics, [{ id: 'c', ruleId: 'duplicate-message-id', reason: '2 copies of <c> kept as one message' }]);
});

test('every input order gives the same outline', () => {
  const expected = outline(buildThreads(msgs));
  let seed = 7;
  for (let round = 0; round < 50; round++) {
    const shuffled = [...msgs];
    for (let i = shuffled.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const j = seed % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    assert.equal(outline(buildThreads(shuffled)), expected);
  }
  assert.equal(outline(buildThreads([...msgs].reverse())), expected);
});

test('loops are refused at their smallest id', () => {
  const t = buildThreads([
    { id: 'p', references: ['q'], date: null },
    { id: 'q', references: ['r'], date: null },
    { id: 'r', references: ['p'], date: null },
    { id: 's', references: ['s'], date: null },
  ]);
  assert.equal(outline(t), ['p', '  r', '    q', 's'].join('\n'));
  assert.deepEqual(t.diagnostics.map((d) => [d.id, d.ruleId]), [['p', 'thread-loop']]);
});

test('a 10,000-deep reply chain threads iteratively', () => {
  const chain: ThreadInput[] = [];
  for (let i = 0; i < 10_000; i++) chain.push({ id: `m${i}`, references: i === 0 ? [] : [`m${i - 1}`], date: null });
  const t = buildThreads(chain.reverse());
  assert.deepEqual(t.roots, ['m0']);
  assert.equal(t.nodes.get('m9999')!.depth, 9999);
  assert.equal(walkThread(t, 'm0').length, 10_000);
});

test('content ids are stable and ignore layout and addresses', () => {
  assert.equal(fnv1a64Hex(''), '811c9dc5050c5d1f');
  assert.equal(contentKey('Hello,\n> world <a@b>'), contentKey('hello > > world'));
  assert.equal(contentMessageId('Dave', '2018-11-02', 'x y'), contentMessageId(' dave ', '2018-11-02', 'X\nY'));
  assert.match(contentMessageId(null, null, 'x'), /^[0-9a-f]{16}@threadlab\.invalid$/);
});
