// Proves the knowledge-base load: migration 4 creates its tables; `threadlab import content`
// fills them from the files in one transaction and a second import changes nothing (content hash);
// an orphaned anchor and a broken catalogue file are one `file:line` line each and exit 1 while
// everything else loads, with the orphaned claim stored as such.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openStore, storedKnowledgeHash } from '../store';
import { loadAnnotations, loadInvariants, loadSubsystems } from '../kb/node';
import { loadScenarios } from '../scenario/node';
import { isKnowledgeFolder, loadKnowledge } from './load-knowledge';

const root = resolve(import.meta.dirname, '../..');
const content = join(root, 'content');

function cli(cwd: string, db: string, ...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'scripts/threadlab.mjs'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, THREADLAB_DB: db } });
}

function count(db: ReturnType<typeof openStore>, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

test('migration 4 creates the knowledge-base tables', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadlab-kb-'));
  try {
    const db = openStore(join(dir, 'db.sqlite'));
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    for (const t of ['kb_threads', 'claims', 'claim_answers', 'claim_links', 'scenarios', 'scenario_invariants', 'scenario_subsystems', 'scenario_expect', 'invariants', 'invariant_subsystems', 'invariant_claims', 'subsystems', 'claims_fts', 'scenarios_fts']) {
      assert.ok(names.includes(t), t);
    }
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('loading content fills every table from the files, and loading it again changes nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadlab-kb-'));
  try {
    assert.equal(isKnowledgeFolder(content), true);
    assert.equal(isKnowledgeFolder(join(content, 'threads')), false);
    const db = openStore(join(dir, 'db.sqlite'));
    const first = loadKnowledge(db, content);
    const annotations = loadAnnotations(content);
    const claims = annotations.flatMap((a) => a.annotation?.claims ?? []);
    const scenarios = loadScenarios(join(content, 'scenarios')).flatMap((l) => (l.scenario === null ? [] : [l.scenario]));
    assert.deepEqual(first.diagnostics, []);
    assert.equal(first.changed, true);
    assert.deepEqual(
      [count(db, 'kb_threads'), count(db, 'claims'), count(db, 'claims_fts'), count(db, 'claim_links'), count(db, 'claim_answers'), count(db, 'scenarios'), count(db, 'scenarios_fts'), count(db, 'scenario_expect'), count(db, 'invariants'), count(db, 'subsystems')],
      [
        annotations.length,
        claims.length,
        claims.length,
        claims.reduce((n, c) => n + c.scenarios.length, 0),
        claims.reduce((n, c) => n + new Set(c.answers).size, 0),
        scenarios.length,
        scenarios.length,
        scenarios.reduce((n, s) => n + Object.values(s.expect).reduce((m, v) => m + Object.keys(v).length, 0), 0),
        loadInvariants(content).entries.length,
        loadSubsystems(content).entries.length,
      ],
    );
    // Shipped anchors all resolve exactly; the thread's root is unknown here (no mail imported).
    assert.deepEqual(db.prepare('SELECT anchor_status, anchor_score, count(*) AS n FROM claims GROUP BY 1, 2').all(), [{ anchor_status: 'exact', anchor_score: 1, n: claims.length }]);
    assert.equal(count(db, 'kb_threads WHERE root_id IS NOT NULL'), 0);
    const c7 = db.prepare("SELECT kind, speaker, message_date, depth, status_state, status_commit, quote_exact FROM claims WHERE thread = 'write-cache-pages-stop-on-error' AND claim_id = 'c7'").get();
    assert.deepEqual(c7, { kind: 'root-cause', speaker: 'Dave Chinner', message_date: '2018-11-01', depth: 2, status_state: 'landed', status_commit: '3fa750dcf29e', quote_exact: 'That sounds like a bug in write_cache_pages()' });
    const hash = storedKnowledgeHash(db);
    assert.match(hash ?? '', /^[0-9a-f]{64}$/);
    const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const again = loadKnowledge(db, content);
    assert.equal(again.changed, false);
    assert.equal((db.prepare('SELECT total_changes() AS n').get() as { n: number }).n, changes);
    assert.equal(storedKnowledgeHash(db), hash);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an orphaned anchor and a broken invariant file are reported with file:line, exit 1, and the rest loads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadlab-kb-'));
  try {
    const copy = join(dir, 'content');
    cpSync(content, copy, { recursive: true });
    const file = join(copy, 'threads/write-cache-pages-stop-on-error/annotations.md');
    const text = readFileSync(file, 'utf8');
    const quote = '- quote: "we end up reclaiming inodes with non-zero delalloc block counts"';
    assert.ok(text.includes(quote));
    writeFileSync(file, text.replace(quote, '- quote: "penguins juggle seven purple umbrellas quietly at dawn"'));
    const heading = text.slice(0, text.indexOf('### c2 ')).split('\n').length;
    writeFileSync(join(copy, 'invariants/no-deadlock.md'), 'no front matter here\n');
    const db = join(dir, 'db.sqlite');
    const r = cli(dir, db, 'import', 'content');
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('threadlab: content/'));
    assert.equal(lines.length, 2, r.stderr);
    assert.match(lines[0]!, new RegExp(`^threadlab: content/threads/write-cache-pages-stop-on-error/annotations\\.md:${heading}: anchor-orphaned: c2: the quote resolves orphaned \\(score `));
    assert.match(lines[1]!, /^threadlab: content\/invariants\/no-deadlock\.md:1: /);
    const store = openStore(db);
    const full = loadAnnotations(content).flatMap((a) => a.annotation?.claims ?? []).length;
    assert.equal(count(store, 'claims'), full);
    assert.deepEqual(store.prepare("SELECT thread, claim_id FROM claims WHERE anchor_status = 'orphaned'").all(), [{ thread: 'write-cache-pages-stop-on-error', claim_id: 'c2' }]);
    assert.equal(count(store, "invariants WHERE id = 'no-deadlock'"), 0);
    assert.equal(count(store, 'invariants'), loadInvariants(content).entries.length - 1);
    // Imported from the content folder's parent, the threads know their root Message-IDs.
    assert.equal(count(store, 'kb_threads WHERE root_id IS NULL'), 0);
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
