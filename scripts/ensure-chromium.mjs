#!/usr/bin/env node
// The browser tests drive Debian's Chromium at /usr/bin/chromium (no browser download is possible
// or wanted). This runs after `npm ci` so that the README's two commands stay enough on a fresh
// machine: as root with apt-get it installs the package; otherwise it says what to run.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';
if (existsSync(CHROMIUM) || process.env.THREADLAB_SKIP_CHROMIUM === '1') process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.warn(
    `threadlab: ${CHROMIUM} is missing; the browser tests need Debian's chromium package ` +
      '(run: sudo apt-get install -y chromium).',
  );
  process.exit(0);
}
console.log('threadlab: installing Debian chromium for the browser tests (apt-get)...');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update', '-q'], ['install', '-y', '-q', '--no-install-recommends', 'chromium', 'fonts-dejavu-core']]) {
  const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.warn(`threadlab: apt-get ${args[0]} failed (exit ${r.status}); browser tests will not run until chromium is installed.`);
    process.exit(0);
  }
}
