// Proves the store opens SQLite with WAL and foreign keys, applies every numbered migration
// exactly once, and refuses a database written by a newer schema with a message naming the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, NewerDatabaseError, schemaVersion, migrations, upsertSource, listSources } from './index';

function tempDb(): { path: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'threadlab-store-'));
  return { path: join(dir, 'sub', 'db.sqlite'), done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('migrations are numbered 1..N without gaps', () => {
  assert.deepEqual(migrations.map((m) => m.version), migrations.map((_, i) => i + 1));
  assert.equal(schemaVersion, migrations.length);
});

test('a fresh file is created, put in WAL mode and migrated to the current version', () => {
  const t = tempDb();
  try {
    const db = openStore(t.path);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('page_size', { simple: true }), 16384);
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(db.pragma('user_version', { simple: true }), schemaVersion);
    db.close();
    // Re-opening applies nothing twice (a second CREATE TABLE would throw).
    const again = openStore(t.path);
    assert.equal(again.pragma('user_version', { simple: true }), schemaVersion);
    again.close();
  } finally {
    t.done();
  }
});

test('a database from a newer schema is refused with the file and both versions named', () => {
  const t = tempDb();
  try {
    openStore(t.path).close();
    const raw = new Database(t.path);
    raw.pragma(`user_version = ${schemaVersion + 7}`);
    raw.close();
    assert.throws(() => openStore(t.path), (err: unknown) => {
      assert.ok(err instanceof NewerDatabaseError);
      assert.match(err.message, new RegExp(`${t.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: database schema version ${schemaVersion + 7} is newer than this threadlab understands \\(${schemaVersion}\\)`));
      return true;
    });
  } finally {
    t.done();
  }
});

test('a read-only open never migrates an out-of-date file', () => {
  const t = tempDb();
  try {
    openStore(t.path).close();
    const raw = new Database(t.path);
    raw.pragma('user_version = 0');
    raw.close();
    assert.throws(() => openStore(t.path, { readonly: true }), /needs migrating/);
  } finally {
    t.done();
  }
});

test('recording the same source twice changes nothing; new content replaces the row', () => {
  const t = tempDb();
  try {
    const db = openStore(t.path);
    const s = { path: 'content/a.txt', sha256: 'aa', bytes: 3, format: 'eml', origin: null, importedAt: '2026-01-01T00:00:00Z' };
    assert.deepEqual(upsertSource(db, s), { id: 1, changed: true });
    assert.deepEqual(upsertSource(db, { ...s, importedAt: '2026-02-02T00:00:00Z' }), { id: 1, changed: false });
    assert.deepEqual(upsertSource(db, { ...s, sha256: 'bb', bytes: 4 }), { id: 1, changed: true });
    const rows = listSources(db);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.sha256, 'bb');
    assert.equal(rows[0]?.importedAt, '2026-01-01T00:00:00Z');
    db.close();
  } finally {
    t.done();
  }
});
