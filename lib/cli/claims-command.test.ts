// Proves `threadlab claims` prints a thread's claims with speaker, kind, answers, status and
// scenario verdicts, emits the same claims as JSON, and names the known threads for an unknown one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'scripts/threadlab.mjs'), 'claims', ...args], { cwd: root, encoding: 'utf8' });

test('claims of the write_cache_pages thread, as text', () => {
  const r = cli('write-cache-pages-stop-on-error');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^write-cache-pages-stop-on-error: xfs_do_writepage\(\) errors stop write_cache_pages\(\) during WB_SYNC_ALL \(\d+ claims\)$/m);
  assert.match(r.stdout, /^ {2}c1 {3}bug-report {7}Brian Foster, 2018-10-31 \[landed 3fa750dcf29e\]$/m);
  assert.match(r.stdout, /^ {7}\+ unmount-leaks-delalloc @ v4\.19: integrity-writeback-visits-all-dirty-pages always violated$/m);
  assert.match(r.stdout, /^ {2}c7 {3}root-cause {7}Dave Chinner, 2018-11-01 \(answers c1\)/m);
});

test('--json carries every claim of every thread', () => {
  const r = cli('--json');
  assert.equal(r.status, 0, r.stderr);
  const threads = JSON.parse(r.stdout) as { thread: string; claims: { id: string }[] }[];
  assert.equal(threads.length, 5);
  assert.ok(threads.reduce((n, t) => n + t.claims.length, 0) >= 40);
});

test('an unknown thread exits 2 and names the known ones', () => {
  const r = cli('no-such-thread');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no annotated thread "no-such-thread" \(known: btrfs-fixup-worker-migration, /);
});
