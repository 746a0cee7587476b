// Proves package-lock.json is one `npm ci` accepts: every optional dependency of every locked
// package has its own entry. The registry this project is built against serves no darwin or
// win32 builds of @next/swc, so `npm install` silently leaves their entries out and `npm ci`
// then refuses the lockfile; this test names any entry that goes missing again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface LockEntry {
  optionalDependencies?: Record<string, string>;
}

test('every optional dependency in the lockfile has an entry of its own', () => {
  const lock = JSON.parse(readFileSync(resolve(import.meta.dirname, '../package-lock.json'), 'utf8')) as { lockfileVersion: number; packages: Record<string, LockEntry> };
  assert.equal(lock.lockfileVersion, 3);
  const missing: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) {
      // npm resolves a dependency in the nearest node_modules up the tree.
      const candidates = [`${path}/node_modules/${dep}`, `node_modules/${dep}`];
      if (!candidates.some((c) => c in lock.packages)) missing.push(`${path || '(root)'} -> ${dep}`);
    }
  }
  assert.deepEqual(missing, []);
});
