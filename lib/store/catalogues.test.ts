// Proves how the catalogue views join content: an invariant gets exactly the scenarios that check
// its predicate and reports catalogue claims nobody annotated; a subsystem gets a scenario when a
// kernel path it models holds one of the subsystem's files (whole path components, or the file
// itself less its suffix) or when it checks one of the subsystem's invariants; unknown ids are null.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const real = resolve(import.meta.dirname, '../../content');
const dir = mkdtempSync(join(tmpdir(), 'threadlab-catalogues-'));
for (const sub of ['invariants', 'subsystems', 'threads', 'scenarios/write-cache-pages-stop-on-error']) mkdirSync(join(dir, sub), { recursive: true });
copyFileSync(join(real, 'invariants/no-delalloc-at-reclaim.md'), join(dir, 'invariants/no-delalloc-at-reclaim.md'));
for (const s of ['iomap', 'xfs']) copyFileSync(join(real, `subsystems/${s}.md`), join(dir, `subsystems/${s}.md`));
const unmount = JSON.parse(readFileSync(join(real, 'scenarios/write-cache-pages-stop-on-error/unmount-leaks-delalloc.json'), 'utf8'));
writeFileSync(join(dir, 'scenarios/write-cache-pages-stop-on-error/unmount-leaks-delalloc.json'), JSON.stringify({ ...unmount, subsystems: ['mm/page-writeback', 'fs/xfs', 'fs/super'] }));
const probe = { ...unmount, id: 'boundary-probe', subsystems: ['fs/iomap-extra', 'include/linux/iomap', 'fs/xfs/xfs_aops'], invariants: ['integrity-writeback-visits-all-dirty-pages'] };
probe.expect = Object.fromEntries(Object.entries(unmount.expect as Record<string, Record<string, string>>).map(([v, t]) => [v, { 'integrity-writeback-visits-all-dirty-pages': t['integrity-writeback-visits-all-dirty-pages'] }]));
writeFileSync(join(dir, 'scenarios/write-cache-pages-stop-on-error/boundary-probe.json'), JSON.stringify(probe));
// The store reads content once per process from THREADLAB_CONTENT; set it before the first read.
process.env.THREADLAB_CONTENT = dir;
const { invariantView, listInvariants, listScenarioEntries, subsystemView } = await import('./index');

after(() => rmSync(dir, { recursive: true, force: true }));

test('the fixture loads: one invariant, two scenarios', () => {
  assert.deepEqual(listInvariants().entries.map((i) => i.id), ['no-delalloc-at-reclaim']);
  assert.deepEqual(listScenarioEntries().map((e) => e.scenario.id).sort(), ['boundary-probe', 'unmount-leaks-delalloc']);
});

test('an invariant: the scenarios that check its predicate; catalogue claims without annotations are reported', () => {
  const v = invariantView('no-delalloc-at-reclaim');
  assert.ok(v !== null);
  assert.deepEqual(v.scenarios.map((e) => e.scenario.id), ['unmount-leaks-delalloc']);
  assert.deepEqual(v.claims, []);
  assert.deepEqual(v.unknownClaims, ['write-cache-pages-stop-on-error#c2', 'write-cache-pages-stop-on-error#c3', 'write-cache-pages-stop-on-error#c9']);
  assert.deepEqual(v.threads, ['write-cache-pages-stop-on-error']);
  assert.equal(invariantView('no-such-invariant'), null);
});

test('a subsystem: scenarios by path component or file less suffix, and by invariant', () => {
  const iomap = subsystemView('iomap');
  assert.ok(iomap !== null);
  // fs/iomap-extra is not fs/iomap; include/linux/iomap is include/linux/iomap.h less its suffix.
  assert.deepEqual(iomap.scenarios.map((r) => [r.entry.scenario.id, r.paths, r.invariants]), [['boundary-probe', ['include/linux/iomap'], []]]);
  assert.deepEqual(iomap.invariants, []);
  assert.deepEqual(iomap.threads, ['iomap-mkwrite-not-uptodate', 'iomap-dio-invalidation-eio', 'gfs2-page-done-shrinker', 'write-cache-pages-stop-on-error']);
  const xfs = subsystemView('xfs');
  assert.ok(xfs !== null);
  assert.deepEqual(xfs.invariants.map((i) => i.id), ['no-delalloc-at-reclaim']);
  assert.deepEqual(xfs.scenarios.map((r) => [r.entry.scenario.id, r.paths, r.invariants]).sort(), [
    ['boundary-probe', ['fs/xfs/xfs_aops'], []],
    ['unmount-leaks-delalloc', ['fs/xfs'], ['no-delalloc-at-reclaim']],
  ]);
  assert.equal(subsystemView('no-such-subsystem'), null);
});
