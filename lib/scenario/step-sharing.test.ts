// Proves the copy-on-write discipline the fast clone relies on: with every reachable state of every
// seed scenario deeply frozen, no step writes into anything it shares with its parent state (a
// write into a frozen array throws), and the step's result is a new state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { actionCount, stateHash, step, type ModelState } from '../engine';
import { compileScenario } from './index';
import { loadScenarios } from './node';

function deepFreeze<T>(root: T): T {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const x of Object.values(v as Record<string, unknown>)) stack.push(x);
  }
  return root;
}

test('no step writes into state it shares with its parent (all seed scenarios, all variants)', () => {
  let checked = 0;
  for (const l of loadScenarios(resolve(import.meta.dirname, '../../content/scenarios'))) {
    for (const variant of Object.keys(l.scenario!.expect)) {
      const { world, init } = compileScenario(l.scenario!, variant);
      const seen = new Set<number>([stateHash(init)]);
      const queue: ModelState[] = [deepFreeze(init)];
      while (queue.length > 0) {
        const s = queue.pop()!;
        for (let a = 0; a < actionCount(world); a += 1) {
          const next = step(world, s, a);
          if (next === null) continue;
          assert.notEqual(next, s);
          checked += 1;
          const h = stateHash(next);
          if (!seen.has(h)) {
            seen.add(h);
            queue.push(deepFreeze(next));
          }
        }
      }
    }
  }
  assert.ok(checked > 5000, `${checked} transitions checked`);
});
