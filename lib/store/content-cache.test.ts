// The content caches follow the knowledge base the server's database holds: editing content/
// changes nothing the site shows until an import stores the new knowledge base (its hash in
// store_state), and then the next read loads content/ again.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'threadlab-content-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));
cpSync(resolve(import.meta.dirname, '../../content'), join(dir, 'content'), { recursive: true });
process.env.THREADLAB_CONTENT = join(dir, 'content');
process.env.THREADLAB_DB = join(dir, 'threadlab.db');
const { getReadStore, listInvariants, listScenarioEntries, openStore } = await import('./index');

const SCENARIO = join(dir, 'content/scenarios/write-cache-pages-stop-on-error/unmount-leaks-delalloc.json');
const INVARIANT = join(dir, 'content/invariants/background-stops-on-error.md');
const scenarioTitle = () => listScenarioEntries().find((e) => e.scenario.id === 'unmount-leaks-delalloc')?.scenario.title;
const invariantTitle = () => listInvariants().entries.find((i) => i.id === 'background-stops-on-error')?.title;

test('an edit of content/ shows once an import stores a new knowledge base, not before', () => {
  getReadStore(); // the server's connection, as on the site
  const title = scenarioTitle();
  const invTitle = invariantTitle();
  assert.equal(title, JSON.parse(readFileSync(SCENARIO, 'utf8')).title);
  assert.ok(invTitle !== undefined);

  const s = JSON.parse(readFileSync(SCENARIO, 'utf8'));
  writeFileSync(SCENARIO, JSON.stringify({ ...s, title: `${s.title} (edited)` }, null, 2));
  writeFileSync(INVARIANT, readFileSync(INVARIANT, 'utf8').replace(invTitle!, `${invTitle} (edited)`));
  assert.equal(scenarioTitle(), title, 'no import yet: the site keeps what the database holds');
  assert.equal(invariantTitle(), invTitle);

  // What `threadlab import content` does last, from its own connection: a new knowledge hash.
  const importer = openStore(process.env.THREADLAB_DB!);
  importer.prepare("INSERT INTO store_state (key, value) VALUES ('knowledge_hash', 'after-the-edit') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run();
  importer.close();
  assert.equal(scenarioTitle(), `${title} (edited)`);
  assert.equal(invariantTitle(), `${invTitle} (edited)`);
});
