// Proves the verdict table in lib/scenario/README.md is exactly what the scenario files expect
// (regenerate it with UPDATE=1 after changing a scenario).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { verdictTable } from './verdict-table';
import { loadScenarios } from './node';

const root = resolve(import.meta.dirname, '../..');
const readme = resolve(root, 'lib/scenario/README.md');
const OPEN = '<!-- verdict-table -->';
const CLOSE = '<!-- /verdict-table -->';

test('the README verdict table matches the scenario files', () => {
  const loaded = loadScenarios(resolve(root, 'content/scenarios'));
  const scenarios = loaded.map((l) => l.scenario).filter((s) => s !== null);
  assert.equal(scenarios.length, loaded.length, 'every scenario file is valid');
  const text = readFileSync(readme, 'utf8');
  const a = text.indexOf(OPEN);
  const b = text.indexOf(CLOSE);
  assert.ok(a >= 0 && b > a, `markers ${OPEN} ... ${CLOSE} in lib/scenario/README.md`);
  const want = `${OPEN}\n${verdictTable(scenarios)}\n${CLOSE}`;
  if (process.env.UPDATE === '1') writeFileSync(readme, text.slice(0, a) + want + text.slice(b + CLOSE.length));
  else assert.equal(text.slice(a, b + CLOSE.length), want, 'run UPDATE=1 node --import tsx --test lib/scenario/verdict-table.test.ts');
});
