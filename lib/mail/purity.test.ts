// Proves lib/mail stays pure (runs unchanged in a browser): no source file imports Node, Next, React or SQLite, or touches Buffer or process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.cwd(), 'lib/mail');
const FORBIDDEN_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](?:node:[^'"]*|fs|path|os|crypto|buffer|next(?:\/[^'"]*)?|react(?:-dom)?(?:\/[^'"]*)?|better-sqlite3)['"]/;
const FORBIDDEN_GLOBAL = /\b(?:Buffer|process)\s*[.[(]/;

test('lib/mail source files import nothing from Node, Next, React or SQLite', () => {
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  assert.ok(sources.length >= 15);
  for (const f of sources) {
    const code = readFileSync(path.join(dir, f), 'utf8')
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('//') && !l.trimStart().startsWith('*'))
      .join('\n');
    assert.doesNotMatch(code, FORBIDDEN_IMPORT, f);
    assert.doesNotMatch(code, FORBIDDEN_GLOBAL, f);
  }
});

test('the scan catches what it forbids', () => {
  assert.match("import { readFileSync } from 'node:fs';", FORBIDDEN_IMPORT);
  assert.match("import x from 'better-sqlite3';", FORBIDDEN_IMPORT);
  assert.match('const b = Buffer.from(s);', FORBIDDEN_GLOBAL);
  assert.doesNotMatch("import { parseBody } from './parse-body';", FORBIDDEN_IMPORT);
});
