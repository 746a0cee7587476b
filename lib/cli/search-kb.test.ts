// Proves `threadlab search 'inv:…'` and `'sub:…'` against a database imported from content/ with
// the real CLI: they return exactly the claims, scenarios and threads the content files say
// concern that invariant or subsystem (computed here from the files, without the store), the text
// output lists the groups before the messages, and a kb-only query lists no message.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadAnnotations, loadInvariants, loadSubsystems } from '../kb/node';
import { loadScenarios } from '../scenario/node';

const root = resolve(import.meta.dirname, '../..');
const content = join(root, 'content');
let dir = '';
let db = '';

function cli(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'scripts/threadlab.mjs'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, THREADLAB_DB: db } });
}

interface Groups {
  threads: { slug: string }[];
  claims: { thread: string; id: string }[];
  scenarios: { thread: string; id: string; verdicts: { invariant: string }[] }[];
  messages: unknown[];
}

function search(query: string): { claims: string[]; scenarios: string[]; threads: string[]; raw: Groups } {
  const r = cli('search', '--json', '--limit', '500', query);
  assert.equal(r.status, 0, r.stderr);
  const g = JSON.parse(r.stdout) as Groups;
  return { claims: g.claims.map((c) => `${c.thread}#${c.id}`).sort(), scenarios: g.scenarios.map((s) => `${s.thread}/${s.id}`).sort(), threads: g.threads.map((t) => t.slug), raw: g };
}

// The content, read straight from the files.
const claims = loadAnnotations(content).flatMap((a) => (a.annotation?.claims ?? []).map((c) => ({ thread: a.slug, claim: c })));
const scenarios = loadScenarios(join(content, 'scenarios')).flatMap((l) => (l.scenario === null ? [] : [l.scenario]));
const invariants = loadInvariants(content).entries;
const subsystems = loadSubsystems(content).entries;

/** The claims linked to these scenarios, plus the claims the catalogue names (those that exist). */
function expected(scenarioKeys: Set<string>, named: string[], extra: (c: (typeof claims)[number]) => boolean) {
  const out = new Set<string>();
  for (const c of claims) {
    const k = `${c.thread}#${c.claim.id}`;
    if (c.claim.scenarios.some((l) => scenarioKeys.has(`${c.thread}/${l.scenario}`)) || named.includes(k) || extra(c)) out.add(k);
  }
  const threads = new Set([...[...out].map((k) => k.split('#')[0]!), ...[...scenarioKeys].map((k) => k.split('/')[0]!)]);
  return { claims: [...out].sort(), scenarios: [...scenarioKeys].sort(), threads: [...threads].sort() };
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'threadlab-search-kb-'));
  db = join(dir, 'db.sqlite');
  const r = cli('import', 'content');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^knowledge base content: 5 threads, \d+ claims, \d+ scenarios, \d+ invariants, \d+ subsystems$/m);
});

after(() => rmSync(dir, { recursive: true, force: true }));

test("inv:no-delalloc-at-reclaim: the scenarios checking it, the claims linked to them or named by the catalogue, and their thread", () => {
  const inv = invariants.find((i) => i.id === 'no-delalloc-at-reclaim')!;
  const s = new Set(scenarios.filter((x) => x.invariants.includes(inv.predicate)).map((x) => `${x.thread}/${x.id}`));
  const want = expected(s, inv.claims, (c) => c.claim.scenarios.some((l) => l.invariant === inv.predicate));
  const got = search('inv:no-delalloc-at-reclaim');
  assert.deepEqual({ claims: got.claims, scenarios: got.scenarios, threads: got.threads }, want);
  // Pinned after checking them against the files: one thread, its three delalloc scenarios.
  assert.deepEqual(got.threads, ['write-cache-pages-stop-on-error']);
  const t = 'write-cache-pages-stop-on-error';
  assert.deepEqual(got.scenarios, [`${t}/single-failing-page-unmount`, `${t}/unmount-drops-overwrite-pages`, `${t}/unmount-leaks-delalloc`]);
  for (const id of ['c2', 'c3', 'c9']) assert.ok(got.claims.includes(`${t}#${id}`), id);
  // Only the verdicts of that invariant are shown.
  assert.deepEqual([...new Set(got.raw.scenarios.flatMap((x) => x.verdicts.map((v) => v.invariant)))], ['no-delalloc-at-reclaim']);
  assert.deepEqual(got.raw.messages, []);
});

test('sub:errseq: scenarios by kernel path or by the invariants of the subsystem, their claims and threads', () => {
  const sub = subsystems.find((x) => x.id === 'errseq')!;
  const invs = invariants.filter((i) => i.subsystems.includes('errseq'));
  const preds = invs.map((i) => i.predicate);
  const holds = (p: string) => sub.files.some((f) => f === p || f.startsWith(`${p}/`) || f.startsWith(`${p}.`));
  const s = new Set(scenarios.filter((x) => x.subsystems.some(holds) || x.invariants.some((i) => preds.includes(i))).map((x) => `${x.thread}/${x.id}`));
  const want = expected(s, invs.flatMap((i) => i.claims), () => false);
  const got = search('sub:errseq');
  assert.deepEqual({ claims: got.claims, scenarios: got.scenarios, threads: got.threads }, want);
  assert.ok(got.scenarios.includes('iomap-dio-invalidation-eio/errseq-fd-matrix'));
  assert.ok(got.threads.includes('iomap-dio-invalidation-eio'));
  assert.ok(got.claims.length >= 10, String(got.claims.length));
});

test('the text output lists threads, claims and scenarios before the messages', () => {
  const r = cli('search', 'inv:no-delalloc-at-reclaim');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^threads \(1\):\n {2}write-cache-pages-stop-on-error {2}xfs_do_writepage\(\) errors stop write_cache_pages\(\) during WB_SYNC_ALL\nclaims \(\d+\):\n/);
  assert.match(r.stdout, /^ {2}write-cache-pages-stop-on-error#c2 {2}bug-report {2}Brian Foster: Unmount reclaims inodes that still hold delalloc blocks$/m);
  assert.match(r.stdout, /^scenarios \(3\):\n/m);
  assert.match(r.stdout, /^ {4}v4\.19: no-delalloc-at-reclaim always; xfs-ctx-deferred: no-delalloc-at-reclaim never; landed-3fa750dcf29e: no-delalloc-at-reclaim never$/m);
  assert.match(r.stdout, /\nmessages:\nno messages found\n$/);
});

test('a mixed query filters both: words rank claims, the filter keeps messages of its threads only', () => {
  const mixed = search('inv:no-delalloc-at-reclaim delalloc');
  const words = search('delalloc');
  const t = 'write-cache-pages-stop-on-error';
  // The word alone finds claims and messages of more than one thread; with the filter, only that thread's.
  assert.ok(new Set(words.raw.claims.map((c) => c.thread)).size > 1);
  assert.deepEqual(mixed.claims, words.claims.filter((k) => search('inv:no-delalloc-at-reclaim').claims.includes(k)));
  assert.ok(mixed.claims.length >= 1 && mixed.claims.every((k) => k.startsWith(`${t}#`)), mixed.claims.join());
  const roots = (g: Groups) => [...new Set((g.messages as { threadRootId: string }[]).map((m) => m.threadRootId))];
  assert.ok(roots(words.raw).length > 1);
  assert.equal(roots(mixed.raw).length, 1);
  assert.ok(mixed.raw.messages.length >= 1);
  const bad = cli('search', 'inv:Not_An_Id');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^threadlab: search: "inv:Not_An_Id" needs a kebab-case invariant id, e.g. inv:no-delalloc-at-reclaim\n$/);
});
