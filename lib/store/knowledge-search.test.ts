// Proves searchKnowledge's filters and ranking on the bundled content written with writeKnowledge:
// verdict: and claim: select exactly what the files say, filters intersect, free words rank by
// bm25 with highlighted snippets, f: searches speakers, and no input reaches SQLite as syntax.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadAnnotations, loadInvariants, loadSubsystems } from '../kb/node';
import { scenarioHash } from '../scenario';
import { loadScenarios } from '../scenario/node';
import { openStore, searchKnowledge, writeKnowledge, type Db, type KnowledgeHits } from './index';

const content = resolve(import.meta.dirname, '../../content');
const annotations = loadAnnotations(content);
const claims = annotations.flatMap((a) => (a.annotation?.claims ?? []).map((claim) => ({ thread: a.slug, claim })));
const scenarios = loadScenarios(join(content, 'scenarios')).flatMap((l) => (l.scenario === null ? [] : [l.scenario]));
let dir = '';
let db: Db;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'threadlab-kb-search-'));
  db = openStore(join(dir, 'db.sqlite'));
  writeKnowledge(db, {
    threads: annotations.map((a) => ({ slug: a.slug, title: a.annotation?.title ?? '', rootId: null })),
    claims: claims.map((c) => ({ ...c, anchorStatus: null, anchorScore: null })),
    scenarios: scenarios.map((scenario) => ({ scenario, hash: scenarioHash(scenario) })),
    invariants: loadInvariants(content).entries,
    subsystems: loadSubsystems(content).entries,
  });
});

after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function groups(query: string): KnowledgeHits {
  const r = searchKnowledge(db, query, { limit: 500 });
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r;
}

const claimKeys = (g: KnowledgeHits) => g.claims.map((c) => `${c.thread}#${c.id}`).sort();
const scenarioKeys = (g: KnowledgeHits) => g.scenarios.map((s) => `${s.thread}/${s.id}`).sort();

test('verdict:<variant>=always selects the scenarios and claim links with that verdict, and shows only those verdicts', () => {
  const g = groups('verdict:v4.19=always');
  const want = scenarios.filter((s) => Object.values(s.expect['v4.19'] ?? {}).includes('always')).map((s) => `${s.thread}/${s.id}`).sort();
  assert.ok(want.length > 0);
  assert.deepEqual(scenarioKeys(g), want);
  assert.deepEqual(claimKeys(g), claims.filter((c) => c.claim.scenarios.some((l) => l.variant === 'v4.19' && l.verdict === 'always')).map((c) => `${c.thread}#${c.claim.id}`).sort());
  assert.ok(g.scenarios.every((s) => s.verdicts.length > 0 && s.verdicts.every((v) => v.variant === 'v4.19' && v.verdict === 'always')));
});

test('filters intersect: inv: with verdict: keeps the verdicts of that invariant only', () => {
  const g = groups('inv:no-delalloc-at-reclaim verdict:always');
  assert.deepEqual(scenarioKeys(g), ['write-cache-pages-stop-on-error/unmount-leaks-delalloc']);
  assert.deepEqual(g.scenarios[0]!.verdicts, [{ variant: 'v4.19', invariant: 'no-delalloc-at-reclaim', verdict: 'always' }]);
  assert.ok(g.claims.length > 0);
  assert.ok(claims.filter((c) => claimKeys(g).includes(`${c.thread}#${c.claim.id}`)).every((c) => c.claim.scenarios.some((l) => l.invariant === 'no-delalloc-at-reclaim' && l.verdict === 'always')));
});

test('claim: names one claim, with or without its thread, and the scenarios that replay it', () => {
  const t = 'write-cache-pages-stop-on-error';
  const g = groups(`claim:${t}#c7`);
  assert.deepEqual(claimKeys(g), [`${t}#c7`]);
  const c7 = claims.find((c) => c.thread === t && c.claim.id === 'c7')!.claim;
  const want = scenarios.filter((s) => s.thread === t && (s.claims.includes('c7') || c7.scenarios.some((l) => l.scenario === s.id))).map((s) => `${s.thread}/${s.id}`).sort();
  assert.deepEqual(scenarioKeys(g), want);
  assert.deepEqual(g.threads.map((x) => x.slug), [t]);
  assert.deepEqual(claimKeys(groups('claim:c7')), claims.filter((c) => c.claim.id === 'c7').map((c) => `${c.thread}#c7`).sort());
  assert.deepEqual(groups('claim:nowhere#c7'), { ok: true, threads: [], claims: [], scenarios: [] });
});

test('free words rank claims and scenarios with highlighted snippets; f: searches speakers', () => {
  const g = groups('delalloc');
  assert.ok(g.claims.length > 0 && g.claims.every((c) => c.snippet.includes('«') || /delalloc/i.test(c.title)), JSON.stringify(g.claims.map((c) => c.snippet)));
  assert.ok(scenarioKeys(g).includes('write-cache-pages-stop-on-error/unmount-leaks-delalloc'));
  const chinner = groups('f:chinner');
  assert.deepEqual(claimKeys(chinner), claims.filter((c) => /chinner/i.test(c.claim.speaker)).map((c) => `${c.thread}#${c.claim.id}`).sort());
  assert.deepEqual(chinner.scenarios, []);
});

test('operators and malformed values never reach SQLite as syntax', () => {
  assert.deepEqual(groups('"((NEAR AND').claims, []);
  const bad = searchKnowledge(db, 'verdict:often');
  assert.deepEqual(bad, { ok: false, error: 'cannot read verdict "often"; write verdict:never, verdict:sometimes, verdict:always or verdict:<variant>=always (e.g. verdict:v4.19=always)' });
  assert.deepEqual(groups('inv:no-such-invariant'), { ok: true, threads: [], claims: [], scenarios: [] });
});
