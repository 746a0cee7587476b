// Proves the curated scenarios under content/scenarios: all are valid, at least 20 cover the five
// seed threads, every one explores within its budget and matches the verdicts written in its file
// under every variant, and the key traces show the kernel steps the threads describe, at exact
// step numbers and return values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { THREAD_SLUGS } from '../engine';
import { exploreScenario, judgeScenario, runScenario, tally, type Scenario } from './index';
import { loadScenarios } from './node';

const dir = resolve(import.meta.dirname, '../../content/scenarios');
const loaded = loadScenarios(dir);
const byId = (thread: string, id: string): Scenario => {
  const l = loaded.find((x) => x.file === join(thread, `${id}.json`));
  assert.ok(l?.scenario, `${thread}/${id}`);
  return l.scenario;
};

test('every scenario file is valid and every thread has scenarios', () => {
  assert.deepEqual(loaded.filter((l) => l.scenario === null).map((l) => [l.file, l.problems]), []);
  assert.ok(loaded.length >= 20, `${loaded.length} scenarios`);
  for (const t of THREAD_SLUGS) assert.ok(loaded.some((l) => l.scenario?.thread === t), t);
});

test('scenario verify: every scenario under every variant has the expected verdicts', () => {
  const js = loaded.flatMap((l) => judgeScenario(l.scenario!));
  assert.deepEqual(js.filter((j) => j.status !== 'pass').map((j) => `${j.scenario} [${j.variant}] ${j.status}: ${j.details.join('; ')}`), []);
  assert.equal(tally(js).passed, js.length);
});

test('unmount-leaks-delalloc at v4.19: the WB_SYNC_ALL pass stops at step 9, evict asserts at step 10', () => {
  const r = runScenario(byId('write-cache-pages-stop-on-error', 'unmount-leaks-delalloc'));
  assert.deepEqual(r.invariants, [
    { id: 'no-delalloc-at-reclaim', violated: true, firstStep: 10 },
    { id: 'integrity-writeback-visits-all-dirty-pages', violated: true, firstStep: 9 },
    { id: 'no-dirty-pages-after-umount-sync', violated: true, firstStep: 10 },
  ]);
  assert.equal(r.steps[2]!.fn, 'xfs_aops_discard_page');
  assert.match(r.steps[8]!.note, /tagged dirty pages never visited: 3$/);
  assert.match(r.steps[9]!.changes.join('\n'), /inode evicted/);
});

test('repeated-fsync-needed: four fsyncs each return -EIO at v4.19; one drains the file after 3fa750dcf29e', () => {
  const s = byId('write-cache-pages-stop-on-error', 'repeated-fsync-needed');
  assert.deepEqual(runScenario(s).returns, { F: [-5, -5, -5, -5] });
  assert.deepEqual(runScenario(s, { variant: 'landed-3fa750dcf29e' }).returns, { F: [-5, 0, 0, 0] });
});

test('errseq-fd-matrix: each fd reports each error once', () => {
  const r = runScenario(byId('iomap-dio-invalidation-eio', 'errseq-fd-matrix'));
  // write, writeback, fdatawait, open C, fsync A x2, fsync B, fsync C, open D, fsync D, then a second error and fsync A..D.
  assert.deepEqual(r.returns.T, [0, 0, 0, 0, -5, 0, -5, -5, 0, 0, 0, 0, 0, -5, -5, -5, -5]);
});

test('btrfs-spurious-eio at v5.7: the shortest counterexample ends with fsync returning -EIO on a correct disk', () => {
  const s = byId('iomap-dio-invalidation-eio', 'btrfs-spurious-eio');
  const e = exploreScenario(s);
  const v = e.verdicts.find((x) => x.id === 'fsync-eio-only-on-data-loss')!;
  assert.equal(v.verdict, 'sometimes');
  const r = runScenario(s, { schedule: v.counterexample! });
  assert.equal(r.error, null);
  assert.deepEqual(r.returns.T, [0, 0, 4096, 0, -5]);
  assert.ok(r.steps.some((x) => x.fn === 'btrfs_finish_ordered_io' && /EXTENT_LOCKED/.test(x.note)));
  assert.ok(r.steps.some((x) => x.fn === 'invalidate_inode_pages2_range' && /-EBUSY/.test(x.note)));
});

test('shrinker-frees-buffers-before-page-done at v6.1: the schedule of the thread, step by step', () => {
  const s = byId('gfs2-page-done-shrinker', 'shrinker-frees-buffers-before-page-done');
  const r = runScenario(s, { schedule: ['W', 'W', 'W', 'F', 'endio', 'R', 'W'] });
  assert.deepEqual(r.steps.map((x) => x.fn), ['gfs2_trans_begin', 'iomap_write_begin', 'folio_unlock', 'gfs2_jdata_writepages', 'end_buffer_async_write', 'shrink_folio_list', 'gfs2_page_add_databufs', 'gfs2_trans_end']);
  assert.deepEqual(r.invariants.map((i) => [i.id, i.firstStep]), [['no-buffer-free-during-transaction-add', 6], ['no-use-after-free-of-bh', 7], ['jdata-journal-before-inplace', 4]]);
  assert.equal(runScenario(s, { variant: 'landed-80baab88bb93', schedule: ['W', 'W', 'W', 'F'] }).error, 'schedule step 4: actor "F" cannot move (blocked or finished)');
});

test('willy-load-write-store at v5.7: the store after the failed submission takes do_wp_page and WARNs', () => {
  const s = byId('iomap-mkwrite-not-uptodate', 'willy-load-write-store');
  const r = runScenario(s);
  const warn = r.steps.find((x) => x.violated.includes('mkwrite-only-on-uptodate'))!;
  assert.equal(warn.fn, 'iomap_page_mkwrite_actor');
  assert.equal(r.steps[warn.index - 2]!.fn, 'do_wp_page');
  assert.deepEqual(runScenario(s, { variant: 'willy-return-eio' }).returns.M, [1, 0, -5, -5]);
});

test('every seed scenario explores within the default budget, in well under a second each', () => {
  for (const l of loaded) {
    for (const variant of Object.keys(l.scenario!.expect)) {
      const e = exploreScenario(l.scenario!, { variant });
      assert.equal(e.complete, true, `${l.file} [${variant}]`);
      assert.ok(e.states < 5000, `${l.file} [${variant}]: ${e.states} states`);
    }
  }
});

test('runs and explorations are deterministic: the same scenario gives byte-identical JSON', () => {
  const s = byId('iomap-dio-invalidation-eio', 'mmap-dirty-then-background-writeback');
  assert.equal(JSON.stringify(exploreScenario(s)), JSON.stringify(exploreScenario(s)));
  assert.equal(JSON.stringify(runScenario(s, { variant: 'darrick-post-write-eio' })), JSON.stringify(runScenario(s, { variant: 'darrick-post-write-eio' })));
});

test('exploring a violating scenario reports its progress, then the counterexample pass with the final counts', () => {
  const seen: Array<{ phase: string; states: number; terminals: number }> = [];
  const budget = { maxStates: 2_000_000, maxDepth: 2_000, progressEvery: 16, onProgress: (p: { phase: string; states: number; terminals: number }) => seen.push({ phase: p.phase, states: p.states, terminals: p.terminals }) };
  const e = exploreScenario(byId('write-cache-pages-stop-on-error', 'unmount-leaks-delalloc'), { variant: 'v4.19', budget });
  assert.ok(e.verdicts.some((v) => v.verdict !== 'never'), 'v4.19 breaks an invariant');
  const explored = seen.filter((p) => p.phase === 'explore').map((p) => p.states);
  assert.deepEqual(explored, Array.from({ length: Math.floor(e.states / 16) }, (_, i) => 16 * (i + 1)));
  assert.deepEqual(seen.filter((p) => p.phase === 'counterexamples'), [{ phase: 'counterexamples', states: e.states, terminals: e.terminals }]);
  assert.equal(seen[seen.length - 1]?.phase, 'counterexamples');
});
