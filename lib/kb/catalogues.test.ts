// Proves the catalogue parsers on the shipped files (exact counts and fields), that every cross-reference resolves, and that a broken catalogue file yields diagnostics, not exceptions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
// The .js suffix: without it tsx reads `.node` as a native addon; tsc maps it back to the .ts file.
import { loadInvariants, loadSubsystems } from './load-catalogues.node.js';
import { loadAnnotations } from './load-annotations.node.js';
import { checkCatalogueReferences } from './check-catalogue-references';
import { parseInvariant } from './parse-invariant';
import { parseSubsystem } from './parse-subsystem';
import type { ThreadAnnotation } from './types';

const content = join(resolve(import.meta.dirname, '..', '..'), 'content');

test('38 invariants parse cleanly, one per engine predicate id', () => {
  const { entries, diagnostics } = loadInvariants(content);
  assert.deepEqual(diagnostics, []);
  assert.equal(entries.length, 38);
  assert.ok(entries.every((i) => i.predicate === i.id));
  const inv = entries.find((i) => i.id === 'no-delalloc-at-reclaim');
  assert.deepEqual(inv && { ...inv, statement: inv.statement.slice(0, 47), variants: inv.variants.slice(0, 14) }, {
    id: 'no-delalloc-at-reclaim',
    title: 'No delalloc blocks left when an XFS inode is destroyed',
    predicate: 'no-delalloc-at-reclaim',
    kind: 'safety',
    subsystems: ['xfs', 'writeback', 'reclaim'],
    claims: ['write-cache-pages-stop-on-error#c2', 'write-cache-pages-stop-on-error#c3', 'write-cache-pages-stop-on-error#c9'],
    statement: 'When xfs_fs_destroy_inode() runs, the inode\'s i',
    variants: 'Broken on v4.1',
  });
  assert.deepEqual(
    ['design', 'oracle', 'precondition', 'safety'].map((k) => [k, entries.filter((i) => i.kind === k).length]),
    [['design', 3], ['oracle', 1], ['precondition', 1], ['safety', 33]],
  );
});

test('14 subsystems parse cleanly with files, functions and threads', () => {
  const { entries, diagnostics } = loadSubsystems(content);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(entries.map((s) => s.id), [
    'btrfs', 'buffer-heads', 'direct-io', 'errseq', 'ext4', 'gfs2', 'iomap', 'page-cache', 'page-fault',
    'page-migration', 'reclaim', 'writeback', 'xfs', 'zonefs',
  ]);
  const wb = entries.find((s) => s.id === 'writeback');
  assert.equal(wb?.title, 'Writeback');
  assert.equal(wb?.files[0], 'mm/page-writeback.c');
  assert.equal(wb?.functions[0], 'write_cache_pages');
  assert.equal(wb?.threads.length, 4);
  assert.ok(entries.every((s) => s.description.length > 100));
});

test('every claim, subsystem and thread reference across the knowledge base resolves', () => {
  const annotations = loadAnnotations(content).map((l) => l.annotation).filter((a): a is ThreadAnnotation => a !== null);
  const invariants = loadInvariants(content).entries;
  const subsystems = loadSubsystems(content).entries;
  assert.deepEqual(checkCatalogueReferences(annotations, invariants, subsystems, (k, id) => `${k}:${id}`), []);
  // The check can fail: a dangling reference is reported with the file and field.
  const broken = invariants.map((i) => (i.id === 'one-fixup-per-page' ? { ...i, claims: ['btrfs-fixup-worker-migration#c99'], subsystems: ['nfs'] } : i));
  assert.deepEqual(checkCatalogueReferences(annotations, broken, subsystems, (k, id) => `${k}:${id}`).map((d) => [d.file, d.field, d.ruleId]), [
    ['invariant:one-fixup-per-page', 'claims', 'claim-unknown'],
    ['invariant:one-fixup-per-page', 'subsystems', 'subsystem-unknown'],
  ]);
});

test('broken catalogue files give diagnostics with the field', () => {
  const inv = parseInvariant('---\nid: x\npredicate: Not Kebab\nkind: liveness\nsubsystems: []\nclaims: [x#1]\n---\n# T\n', 'content/invariants/x.md');
  assert.equal(inv.value, null);
  assert.deepEqual(inv.diagnostics.map((d) => d.field), ['predicate', 'kind', 'subsystems', 'claims.0']);
  const noStatement = parseInvariant('---\nid: x\npredicate: x\nkind: safety\nsubsystems: [xfs]\nclaims: []\n---\n# T\n', 'content/invariants/y.md');
  assert.deepEqual(noStatement.diagnostics.map((d) => [d.field, d.ruleId]), [['statement', 'statement-missing'], ['id', 'id-file-mismatch']]);
  const sub = parseSubsystem('# no front matter\n', 'content/subsystems/z.md');
  assert.deepEqual(sub.diagnostics.map((d) => d.ruleId), ['front-matter-missing']);
});

test('every invariant the engine checks has a catalogue entry; the ones it does not check yet are listed', async () => {
  // Imported through the engine's door; a test may cross layers, lib/kb's code does not.
  const { INVARIANTS } = await import('../engine/index');
  const engine = new Set(INVARIANTS.map((d: { id: string }) => d.id));
  const catalogue = loadInvariants(content).entries;
  assert.deepEqual([...engine].filter((id) => !catalogue.some((i) => i.predicate === id)), []);
  assert.deepEqual(catalogue.filter((i) => !engine.has(i.predicate)).map((i) => i.id), [
    'dirty-page-has-backing', 'disk-content-matches-last-write', 'errseq-once-per-fd',
    'first-error-returned', 'journaled-buffers-stay-attached',
    'no-silent-short-write', 'no-use-after-free-of-page', 'store-success-implies-retained-or-reported',
    'try-to-free-buffers-under-folio-lock', 'writeback-error-reported-to-fsync',
  ]);
});
