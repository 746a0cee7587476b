#!/usr/bin/env node
// Runs every test file with node's built-in runner (unit tests beside the code in lib/ and
// scripts/, browser tests in test/e2e/) and ends with the plain line `N passed, N failed`.
// Node 20's runner takes no globs, so the files are found here.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const only = args.includes('--unit') ? 'unit' : args.includes('--e2e') ? 'e2e' : 'all';
const filters = args.filter((a) => !a.startsWith('--'));

/** Test files under a folder, found with an explicit stack (no recursion). */
function findTests(dir) {
  const found = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop();
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (/\.test\.(ts|tsx|mts|mjs)$/.test(e.name)) found.push(relative(root, p));
    }
  }
  return found.sort();
}

const unit = [...findTests(join(root, 'lib')), ...findTests(join(root, 'scripts'))];
const e2e = findTests(join(root, 'test'));
let files = only === 'unit' ? unit : only === 'e2e' ? e2e : [...unit, ...e2e];
if (filters.length > 0) files = files.filter((f) => filters.some((x) => f.includes(x)));
if (files.length === 0) {
  console.error('run-tests: no test files matched');
  process.exit(1);
}

mkdirSync(join(root, 'test-results'), { recursive: true });
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', '--test-reporter-destination=test-results/tap.txt', ...files],
  { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
);
child.on('exit', (code) => {
  let passed = 0;
  let failed = 0;
  try {
    const tap = readFileSync(join(root, 'test-results/tap.txt'), 'utf8');
    passed = Number(/^# pass (\d+)$/m.exec(tap)?.[1] ?? 0);
    failed = Number(/^# fail (\d+)$/m.exec(tap)?.[1] ?? 0);
  } catch {
    failed = 1;
  }
  if (code !== 0 && failed === 0) failed = 1;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code === 0 && failed === 0 && passed > 0 ? 0 : 1);
});
