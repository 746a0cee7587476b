// Proves malformed and adversarial scenario files are refused or bounded, never crash or hang:
// wrong types, unknown operations and actors, a self-referencing object, oversized setups and
// programs, a 5 MB file, schedules naming unknown or finished actors, and an interleaving space too
// large for the budget each get a validation problem naming the JSON path, or a run/explore result
// that says which budget stopped it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exploreScenario, parseScenario, runScenario, validateScenario, type Scenario } from '../../lib/scenario';

const root = resolve(import.meta.dirname, '../..');
const baseText = readFileSync(resolve(root, 'content/scenarios/write-cache-pages-stop-on-error/unmount-leaks-delalloc.json'), 'utf8');
const base = () => JSON.parse(baseText) as Record<string, unknown> & { setup: Record<string, unknown>; actors: { name: string; program: Record<string, unknown>[] }[] };

function problemsOf(data: unknown): string[] {
  const r = validateScenario(data);
  assert.equal(r.scenario, null, 'the hostile scenario was accepted');
  return r.problems.map((p) => `${p.path}: ${p.message}`);
}

test('the unmodified file is valid (so every failure below is the mutation)', () => {
  assert.deepEqual(validateScenario(base()).problems, []);
});

test('wrong types are reported at their path', () => {
  const s = base();
  s.setup.pages = '4';
  assert.ok(problemsOf(s).some((p) => p.startsWith('setup.pages: ')), problemsOf(s).join('\n'));
  const t = base();
  t.actors = 'U' as never;
  assert.ok(problemsOf(t).some((p) => p.startsWith('actors: ')));
});

test('an unknown operation and an unknown field are reported at their paths', () => {
  const s = base();
  s.actors[0]!.program[0]!.op = 'rm_rf';
  assert.ok(problemsOf(s).some((p) => p.startsWith('actors[0].program[0].op: ')), problemsOf(s).join('\n'));
  const t = base();
  (t.setup as Record<string, unknown>).evil = true;
  assert.ok(problemsOf(t).some((p) => p.includes('evil')), problemsOf(t).join('\n'));
});

test('a self-referencing object is refused without recursing forever', () => {
  const s = base();
  (s.setup as Record<string, unknown>).setup = s.setup;
  assert.ok(problemsOf(s).length >= 1);
});

test('oversized setups, programs and actor lists are refused by the schema bounds', () => {
  const pages = base();
  pages.setup.pages = 100_000;
  assert.ok(problemsOf(pages).some((p) => p.startsWith('setup.pages: ')));
  const program = base();
  program.actors[0]!.program = Array.from({ length: 10_000 }, () => ({ op: 'umount' }));
  assert.ok(problemsOf(program).some((p) => p.startsWith('actors[0].program: ')));
  const actors = base();
  actors.actors = Array.from({ length: 50 }, (_, i) => ({ name: `A${i}`, program: [{ op: 'umount' }] }));
  assert.ok(problemsOf(actors).some((p) => p.startsWith('actors: ')));
});

test('a 5 MB scenario file and broken JSON are answered with one problem each, quickly', () => {
  const s = base();
  s.summary = 'x'.repeat(5 * 1024 * 1024);
  const t0 = performance.now();
  const big = parseScenario(JSON.stringify(s));
  // A long summary is only text: it validates, in linear time (a generous bound, not a benchmark).
  assert.ok(performance.now() - t0 < 10_000);
  assert.deepEqual(big.problems, []);
  const broken = parseScenario(baseText.slice(0, 200));
  assert.equal(broken.scenario, null);
  assert.equal(broken.problems.length, 1);
  assert.match(broken.problems[0]!.message, /^not JSON: /);
});

test('schedules naming an unknown actor or a finished one stop with a message, not a hang', () => {
  const s = validateScenario(base()).scenario as Scenario;
  const unknown = runScenario(s, { variant: 'v4.19', schedule: ['U', 'mallory'] });
  assert.equal(unknown.error, 'schedule step 2: no actor named "mallory"');
  const finished = runScenario(s, { variant: 'v4.19', schedule: Array.from({ length: 500 }, () => 'U') });
  assert.match(finished.error ?? '', /^schedule step \d+: actor "U" cannot move \(blocked or finished\)$/);
});

test('an interleaving space larger than the budget stops with the budget named', () => {
  const s = base();
  // Six writers and an fsync over four pages: far more interleavings than a 500-state budget.
  s.actors = [
    ...Array.from({ length: 6 }, (_, i) => ({ name: `W${i}`, program: [{ op: 'write', page: i % 4, data: i + 2 }] })),
    { name: 'F', program: [{ op: 'fsync', fd: 'A' }] },
  ] as never;
  s.setup.files = [{ name: 'A' }];
  delete s.schedule;
  const v = validateScenario(s);
  assert.deepEqual(v.problems, []);
  const r = exploreScenario(v.scenario as Scenario, { variant: 'v4.19', budget: { maxStates: 500, maxDepth: 2_000 } });
  assert.equal(r.complete, false);
  assert.equal(r.message, 'state budget of 500 distinct states exceeded');
  const d = exploreScenario(v.scenario as Scenario, { variant: 'v4.19', budget: { maxStates: 1_000_000, maxDepth: 3 } });
  assert.equal(d.complete, false);
  assert.equal(d.message, 'depth budget of 3 steps exceeded');
});
