// Proves that every claim-to-scenario link in the shipped annotations matches the scenario files (thread, listed claim, variant, expected verdict), that scenario files only name existing claims, and that each kind of mismatch is reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
// The .js suffix: without it tsx reads `.node` as a native addon; tsc maps it back to the .ts file.
import { loadAnnotations } from './load-annotations.node.js';
import { checkScenarioLinks, type ScenarioSummary } from './check-scenario-links';
import type { ThreadAnnotation } from './types';

const content = join(resolve(import.meta.dirname, '..', '..'), 'content');
const annotations = loadAnnotations(content).map((l) => l.annotation).filter((a): a is ThreadAnnotation => a !== null);

function scenarioFiles(): ScenarioSummary[] {
  const root = join(content, 'scenarios');
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((thread) =>
    readdirSync(join(root, thread))
      .filter((n) => n.endsWith('.json'))
      .map((n) => JSON.parse(readFileSync(join(root, thread, n), 'utf8')) as ScenarioSummary),
  );
}

test('every shipped scenario link agrees with its scenario file, and back', () => {
  const links = annotations.flatMap((a) => a.claims.flatMap((c) => c.scenarios));
  assert.equal(links.length, 109);
  const problems = checkScenarioLinks(annotations, scenarioFiles(), (t) => t);
  assert.deepEqual(problems.filter((d) => d.ruleId !== 'scenario-claim-unknown'), []);
  // Scenarios also replay claims made in mails that are not on the seed page (002's 15 Dec reply and
  // commit message, 004's later replies), which no anchor can reach yet; they are listed, not hidden.
  assert.deepEqual(
    [...new Set(problems.map((d) => `${d.file}#${d.claim}`))].sort(),
    [
      'gfs2-page-done-shrinker#c13', 'gfs2-page-done-shrinker#c14',
      'iomap-mkwrite-not-uptodate#d11', 'iomap-mkwrite-not-uptodate#d13', 'iomap-mkwrite-not-uptodate#d14',
      'iomap-mkwrite-not-uptodate#d15', 'iomap-mkwrite-not-uptodate#d18',
    ],
  );
});

test('each mismatch is reported with the claim and rule', () => {
  const a = annotations.find((x) => x.thread === 'write-cache-pages-stop-on-error');
  assert.ok(a);
  const claim = (id: string, scenario: string, variant: string, invariant: string, verdict: 'never' | 'always') => ({
    ...a.claims[0]!, id, line: 1, scenarios: [{ scenario, variant, invariant, verdict, relation: 'supports' as const }],
  });
  const fake: ThreadAnnotation = {
    ...a,
    claims: [
      claim('c1', 'nope', 'v4.19', 'x', 'always'),
      claim('c2', 'other', 'v4.19', 'x', 'always'),
      claim('c3', 's', 'v4.19', 'x', 'always'),
      claim('c4', 's', 'v9', 'x', 'always'),
      claim('c5', 's', 'v4.19', 'y', 'always'),
      claim('c6', 's', 'v4.19', 'x', 'never'),
    ],
  };
  const scenarios: ScenarioSummary[] = [
    { id: 'other', thread: 'iomap-dio-invalidation-eio', claims: ['c2'], expect: {} },
    { id: 's', thread: a.thread, claims: ['c4', 'c5', 'c6', 'c99'], expect: { 'v4.19': { x: 'always' } } },
  ];
  assert.deepEqual(checkScenarioLinks([fake], scenarios, (t) => t).map((d) => [d.claim, d.ruleId]), [
    ['c1', 'scenario-unknown'],
    ['c2', 'scenario-other-thread'],
    ['c3', 'scenario-claim-not-listed'],
    ['c4', 'variant-unknown'],
    ['c5', 'invariant-not-expected'],
    ['c6', 'verdict-mismatch'],
    ['c99', 'scenario-claim-unknown'],
  ]);
});
