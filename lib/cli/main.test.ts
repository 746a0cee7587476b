// Proves the `threadlab` entry point works as users start it (node scripts/threadlab.mjs, the
// package's bin): --help lists the subcommands, --version prints package.json's version, and an
// unknown command fails with a non-zero exit and a hint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };

function cli(...args: string[]) {
  return spawnSync(process.execPath, [join(root, pkg.bin.threadlab ?? ''), ...args], { cwd: root, encoding: 'utf8' });
}

test('the bin entry is scripts/threadlab.mjs', () => {
  assert.deepEqual(pkg.bin, { threadlab: 'scripts/threadlab.mjs' });
});

test('--version prints the package version', () => {
  const r = cli('--version');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), pkg.version);
});

test('--help names the program and lists the import subcommand', () => {
  const r = cli('--help');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^Usage: threadlab \[options\] \[command\]/m);
  assert.match(r.stdout, /^\s+import .*/m);
  assert.match(r.stdout, /THREADLAB_DB/);
});

test('an unknown subcommand exits non-zero with a hint', () => {
  const r = cli('frobnicate');
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /unknown command 'frobnicate'/);
  assert.match(r.stderr, /threadlab --help/);
});
