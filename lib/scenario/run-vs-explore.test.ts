// Proves the runner and the explorer agree (property test with fast-check): any schedule replayed
// to completion ends in a state the explorer counted, never violates an invariant the explorer
// judged "never", and always violates one it judged "always".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { actionCount, actionName, explore, runSchedule, step, type Verdict } from '../engine';
import { compileScenario } from './index';
import { loadScenarios } from './node';

const cases = loadScenarios(resolve(import.meta.dirname, '../../content/scenarios')).flatMap((l) =>
  Object.keys(l.scenario!.expect).map((variant) => {
    const { world, init } = compileScenario(l.scenario!, variant);
    const verdicts = new Map<string, Verdict>(explore(world, init).verdicts.map((v) => [v.id, v.verdict]));
    return { name: `${l.scenario!.id} [${variant}]`, world, init, verdicts };
  }),
);

test('random complete schedules agree with the exhaustive verdicts', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: cases.length - 1 }), fc.array(fc.nat(), { maxLength: 200 }), (ci, picks) => {
      const { name, world, init, verdicts } = cases[ci]!;
      // Turn the random picks into a schedule: at each step choose among the actors that can move.
      const schedule: string[] = [];
      let s = init;
      for (let k = 0; k < 500; k += 1) {
        const movable: number[] = [];
        for (let a = 0; a < actionCount(world); a += 1) if (step(world, s, a) !== null) movable.push(a);
        if (movable.length === 0) break;
        const a = movable[(picks[k % Math.max(picks.length, 1)] ?? 0) % movable.length]!;
        schedule.push(actionName(world, a));
        s = step(world, s, a)!;
      }
      const run = runSchedule(world, init, schedule);
      assert.equal(run.error, null, name);
      for (const inv of run.invariants) {
        const v = verdicts.get(inv.id);
        if (v === 'never') assert.equal(inv.violated, false, `${name}: ${inv.id} violated by ${schedule.join(',')}`);
        if (v === 'always') assert.equal(inv.violated, true, `${name}: ${inv.id} not violated by ${schedule.join(',')}`);
      }
    }),
    { numRuns: 400, seed: 20261122 },
  );
});
