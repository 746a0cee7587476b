// Proves the layer boundaries: the pure layers (mail, thread, archive, engine, scenario, kb,
// search) import nothing from Node, Next, React or SQLite, and no lower layer imports a higher one,
// so the same code runs in Node, in tests and in the browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const PURE = ['mail', 'thread', 'archive', 'engine', 'scenario', 'kb', 'search'];
const SERVER_ONLY = ['store', 'importer', 'cli'];
const FORBIDDEN = /^(node:|next($|\/)|react($|\/)|react-dom($|\/)|better-sqlite3$)/;
// Node built-ins reachable without the node: prefix.
const BUILTINS = new Set(['fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'zlib', 'url', 'util', 'stream', 'worker_threads', 'http', 'https', 'net', 'events', 'buffer', 'process']);

/** Every module specifier a source file imports, exports from, requires or imports dynamically. */
export function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** Why a specifier is not allowed in a pure file at `file`, or null if it is allowed. */
export function violation(file: string, spec: string): string | null {
  if (FORBIDDEN.test(spec) || BUILTINS.has(spec)) return `imports ${spec}`;
  if (spec.startsWith('.')) {
    const target = relative(join(root, 'lib'), resolve(dirname(file), spec)).split(sep)[0] ?? '';
    if (SERVER_ONLY.includes(target)) return `imports the server-only layer lib/${target} (${spec})`;
    if (target === '..' || target === '') return null;
  }
  if (spec.startsWith('@/')) return `uses the app alias ${spec} (pure layers import relatively)`;
  return null;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      continue;
    }
    for (const n of names) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) stack.push(p);
      // Tests, and files marked `.node.ts` (explicit Node adapters behind a separate door), may use Node.
      else if (/\.(ts|tsx)$/.test(n) && !/\.test\.tsx?$/.test(n) && !/\.node\.tsx?$/.test(n)) out.push(p);
    }
  }
  return out.sort();
}

test('the scanner finds every kind of import it must refuse', () => {
  const src = `import fs from 'node:fs';\nexport * from 'react';\nconst m = await import('next/navigation');\nconst D = require('better-sqlite3');\nimport { x } from 'path';`;
  const specs = importsOf(src);
  assert.deepEqual(specs, ['node:fs', 'react', 'next/navigation', 'better-sqlite3', 'path']);
  const file = join(root, 'lib/engine/x.ts');
  assert.equal(specs.filter((s) => violation(file, s) !== null).length, 5);
  assert.equal(violation(file, '../store'), 'imports the server-only layer lib/store (../store)');
  assert.equal(violation(file, '../scenario'), null);
  assert.equal(violation(file, 'zod'), null);
});

test('pure layers import no Node, Next, React, SQLite or server-only layer', () => {
  const problems: string[] = [];
  let scanned = 0;
  for (const layer of PURE) {
    for (const file of sourceFiles(join(root, 'lib', layer))) {
      scanned += 1;
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const why = violation(file, spec);
        if (why !== null) problems.push(`${relative(root, file)}: ${why}`);
      }
    }
  }
  assert.ok(scanned > 0, 'no pure-layer files were scanned');
  assert.deepEqual(problems, []);
});
