// Proves an import killed with SIGKILL at any point loses nothing and leaves nothing half-written:
// twenty kills spread over the import of the linux-xfs benchmark mbox, each followed by
// PRAGMA integrity_check, a check that the file is either wholly in the database or not at all, and
// a re-run that completes with exactly the message count of an uninterrupted import.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { projectRoot, tempDir } from '../e2e/harness';

const MBOX = resolve(projectRoot, '../shared/corpus/mbox/lists/linux-xfs-2024Q1.mbox');
const KILLS = 20;
const tmp = tempDir('threadlab-kill-');
const cli = join(projectRoot, 'scripts/threadlab.mjs');

function importSync(db: string): { status: number | null; ms: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'import', MBOX], { env: { ...process.env, THREADLAB_DB: db }, encoding: 'utf8', timeout: 300_000 });
  return { status: r.status, ms: performance.now() - t0 };
}

function counts(db: string): { messages: number; sources: number; copies: number; integrity: string } {
  const d = new Database(db, { readonly: true });
  try {
    const integrity = (d.pragma('integrity_check', { simple: true }) as string) ?? '';
    // A kill during the first open can leave the schema part-way through its migrations (each is
    // its own transaction): a table not created yet holds nothing.
    const has = (table: string) => d.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
    const one = (table: string) => (has(table) ? (d.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0);
    return { messages: one('messages'), sources: one('sources'), copies: one('message_sources'), integrity };
  } finally {
    d.close();
  }
}

/** A deterministic spread of kill delays (a fixed LCG, so a failure names a reproducible delay). */
function killDelays(n: number, maxMs: number): number[] {
  let x = 0x2545f491;
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out.push(Math.round(150 + (x / 2 ** 32) * maxMs));
  }
  return out;
}

let full = { messages: 0, sources: 0, copies: 0 };
let cleanMs = 0;

before(() => {
  assert.ok(existsSync(MBOX), `the benchmark mbox is missing: ${MBOX}`);
  const db = join(tmp.dir, 'clean.db');
  const r = importSync(db);
  assert.equal(r.status, 0);
  cleanMs = r.ms;
  const c = counts(db);
  full = { messages: c.messages, sources: c.sources, copies: c.copies };
});

after(() => tmp.cleanup());

test('an uninterrupted import of the benchmark mbox stores every message of it', () => {
  assert.equal(full.sources, 1);
  // 5,040 mails, of which duplicated Message-IDs are kept as one message with several copies.
  assert.equal(full.copies, 5040);
  assert.ok(full.messages > 4900 && full.messages <= 5040, String(full.messages));
});

test(`${KILLS} SIGKILLs during the import: the database stays whole and a re-run completes it exactly`, async () => {
  // Kills spread over the first 80% of an uninterrupted import's time, so they land while it runs.
  const delays = killDelays(KILLS, Math.max(500, cleanMs * 0.8 - 150));
  let killedMidway = 0;
  for (const [i, delayMs] of delays.entries()) {
    const db = join(tmp.dir, `kill-${i}.db`);
    const child = spawn(process.execPath, [cli, 'import', MBOX], { env: { ...process.env, THREADLAB_DB: db }, stdio: 'ignore' });
    const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
    await new Promise((ok) => setTimeout(ok, delayMs));
    const wasRunning = child.exitCode === null;
    child.kill('SIGKILL');
    await exited;
    if (wasRunning) killedMidway += 1;
    if (!existsSync(db)) continue; // killed before the file was created: nothing to check
    const after = counts(db);
    assert.equal(after.integrity, 'ok', `kill ${i} at ${delayMs} ms: integrity_check`);
    const whole = (after.sources === 0 && after.messages === 0 && after.copies === 0) || (after.sources === 1 && after.messages === full.messages && after.copies === full.copies);
    assert.ok(whole, `kill ${i} at ${delayMs} ms left a partial file: ${JSON.stringify(after)}`);
    const rerun = importSync(db);
    assert.equal(rerun.status, 0, `kill ${i}: the re-run failed`);
    const done = counts(db);
    assert.deepEqual({ messages: done.messages, sources: done.sources, copies: done.copies }, full, `kill ${i} at ${delayMs} ms: re-run`);
  }
  // Most kills must land while the import runs, or the test proves nothing (the machine's speed
  // varies between the timed run and the killed ones, so a few may come after the end).
  assert.ok(killedMidway >= KILLS / 2, `only ${killedMidway} of ${KILLS} kills hit a running import`);
});
