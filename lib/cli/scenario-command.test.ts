// Proves `threadlab scenario list|run|explore|verify` on a program built here (the lead wires it
// into main.ts): the text and JSON outputs carry the trace, verdicts and hash, verify prints
// "N passed, N failed" and sets exit code 1 on a wrong verdict or an unrunnable file.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { registerScenarioCommand } from './scenario-command';

const scenarios = resolve(import.meta.dirname, '../../content/scenarios');

async function cli(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const program = new Command('threadlab').exitOverride();
  registerScenarioCommand(program, { out: (s) => { out += s; }, err: (s) => { err += s; } });
  process.exitCode = 0;
  await program.parseAsync(args.includes('--dir') ? args : [...args, '--dir', scenarios], { from: 'user' });
  const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  process.exitCode = 0;
  return { out, err, code };
}

afterEach(() => {
  process.exitCode = 0;
});

test('list shows id, title, thread and variants', async () => {
  const r = await cli('scenario', 'list');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^write-cache-pages-stop-on-error\/unmount-leaks-delalloc {2}Unmount reclaims/m);
  assert.match(r.out, /variants: v4\.19, xfs-ctx-deferred, landed-3fa750dcf29e/);
  const json = JSON.parse((await cli('scenario', 'list', '--json')).out) as Array<{ id: string; contentHash: string }>;
  assert.ok(json.length >= 20);
  assert.match(json[0]!.contentHash, /^[0-9a-f]{16}$/);
});

test('run prints each step with its kernel function and reference, and the first violating step', async () => {
  const r = await cli('scenario', 'run', 'unmount-leaks-delalloc');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, / {2}3 U {6}xfs_aops_discard_page {2}\[fs\/xfs\/xfs_aops\.c:xfs_aops_discard_page@v4\.19\]/);
  assert.match(r.out, /VIOLATED no-delalloc-at-reclaim \(first at step 10\)/);
  const j = JSON.parse((await cli('scenario', 'run', 'write-cache-pages-stop-on-error/unmount-leaks-delalloc', '--variant', 'landed-3fa750dcf29e', '--json')).out) as { variant: string; invariants: Array<{ violated: boolean }>; steps: unknown[] };
  assert.equal(j.variant, 'landed-3fa750dcf29e');
  assert.deepEqual(j.invariants.map((i) => i.violated), [false, false, false]);
});

test('run follows --schedule and reports a schedule that cannot be followed', async () => {
  const ok = await cli('scenario', 'run', 'shrinker-frees-buffers-before-page-done', '--schedule', 'W,W,W,F,endio,R,W', '--json');
  const j = JSON.parse(ok.out) as { steps: Array<{ actor: string; scheduled: boolean }> };
  assert.deepEqual(j.steps.slice(0, 7).map((s) => s.actor), ['W', 'W', 'W', 'F', 'endio', 'R', 'W']);
  const bad = await cli('scenario', 'run', 'shrinker-frees-buffers-before-page-done', '--schedule', 'R,R');
  assert.equal(bad.code, 1);
  assert.match(bad.err, /schedule step 2: actor "R" cannot move/);
});

test('explore prints states, verdicts and the shortest counterexample', async () => {
  const r = await cli('scenario', 'explore', 'btrfs-spurious-eio');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^46 distinct states, 60 transitions, 2 terminal states \(0 deadlocked\)/m);
  assert.match(r.out, /^sometimes fsync-eio-only-on-data-loss\n {10}shortest counterexample \(20 steps\)/m);
  const tight = await cli('scenario', 'explore', 'btrfs-spurious-eio', '--max-states', '10');
  assert.equal(tight.code, 1);
  assert.match(tight.out, /INCOMPLETE: state budget of 10 distinct states exceeded/);
});

test('unknown scenarios and variants fail with a message', async () => {
  const r = await cli('scenario', 'run', 'no-such-scenario');
  assert.equal(r.code, 1);
  assert.match(r.err, /no scenario "no-such-scenario"/);
  const v = await cli('scenario', 'run', 'unmount-leaks-delalloc', '--variant', 'v9.9');
  assert.equal(v.code, 1);
  assert.match(v.err, /unknown variant "v9\.9"/);
});

test('verify passes on the curated set and separates wrong verdicts from unrunnable files', async () => {
  const good = await cli('scenario', 'verify');
  assert.equal(good.code, 0, good.out.slice(-500));
  assert.match(good.out, /^\d+ passed, 0 failed \(0 wrong verdict, 0 could not run\)$/m);
  const dir = mkdtempSync(join(tmpdir(), 'threadlab-scen-'));
  try {
    cpSync(join(scenarios, 'write-cache-pages-stop-on-error'), join(dir, 'write-cache-pages-stop-on-error'), { recursive: true });
    const f = join(dir, 'write-cache-pages-stop-on-error', 'background-stops-on-error.json');
    const s = JSON.parse(readFileSync(f, 'utf8')) as { expect: Record<string, Record<string, string>> };
    s.expect['v4.19']!['background-stops-on-error'] = 'always';
    writeFileSync(f, JSON.stringify(s));
    writeFileSync(join(dir, 'write-cache-pages-stop-on-error', 'broken.json'), '{"id": "broken"}');
    const r = await cli('scenario', 'verify', '--dir', dir);
    assert.equal(r.code, 1);
    assert.match(r.out, /^WRONG VERDICT background-stops-on-error \[v4\.19\]\n {14}background-stops-on-error: expected always, got never$/m);
    assert.match(r.out, /^COULD NOT RUN write-cache-pages-stop-on-error\/broken\.json$/m);
    // Every (scenario, variant) of the thread (three variants each) passes but the flipped one.
    const judged = readdirSync(join(scenarios, 'write-cache-pages-stop-on-error')).filter((n) => n.endsWith('.json')).length * 3;
    assert.match(r.out, new RegExp(`^${judged - 1} passed, 2 failed \\(1 wrong verdict, 1 could not run\\)$`, 'm'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('run accepts a scenario file anywhere on disk', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadlab-file-'));
  try {
    const f = join(dir, 'mine.json');
    cpSync(join(scenarios, 'iomap-mkwrite-not-uptodate', 'teleport-backwards.json'), f);
    const r = await cli('scenario', 'run', f, '--variant', 'landed-e9c3a8e820ed');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^holds {4}no-silent-revert$/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
