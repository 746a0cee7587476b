// Proves the message store: migration 2's tables, a rolled-back file leaves nothing, the hot
// queries use their indexes (EXPLAIN QUERY PLAN), getThread/getMessage/getRawMessage reshape
// rows exactly, and search ranks, highlights, filters by prefix and date, and never lets an
// SQLite error escape, whatever the user types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Block, ParsedMessage } from '../mail';
import { openStore, FileWriter, rebuildThreads, threadsStale, getMessage, getThread, getRawMessage, listThreads, searchMessages, type Db, type IncomingCopy } from './index';

function withDb(fn: (db: Db) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'threadlab-messages-'));
  const db = openStore(join(dir, 'db.sqlite'));
  try {
    fn(db);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function block(kind: Block['kind'], depth: number, name: string, raw: string, start: number, text = raw): Block {
  return { kind, depth, speaker: { name, address: null, date: null }, text, raw, start, confidence: 1 };
}

function copy(id: string, refs: string[], date: string, own: string, quoted: string, ordinal: number, subject = 'Re: writeback'): IncomingCopy {
  const q = `> ${quoted}\n`;
  const blocks = [block('quote', 1, 'Brian Foster', q, 0, quoted), block('own', 0, 'Dave Chinner', `${own}\n`, q.length)];
  blocks[1]!.answers = 0;
  const message: ParsedMessage = { messageId: id, inReplyTo: refs.at(-1) ?? null, references: refs, subject, from: { name: 'Dave Chinner', address: 'david@fromorbit.com' }, date, derived: false, blocks, diagnostics: [] };
  return { message, body: q + own + '\n', syntheticId: false, contentKey: id, ordinal, line: ordinal * 10 + 1, byteOffset: ordinal * 100, format: 'mboxrd', raw: new TextEncoder().encode(`Message-ID: <${id}>\n\n${q}${own}\n`), sidecar: null, addressAsWritten: 'david@fromorbit.com', copyDiagnostics: [] };
}

function load(db: Db): void {
  const w = new FileWriter(db);
  w.begin({ path: 'x.mbox', sha256: 'aa', bytes: 1, format: 'mboxrd', origin: null, importedAt: '1970-01-01T00:00:00.000Z' });
  assert.equal(w.add(copy('a@x', [], '2018-11-01T00:00:00.000Z', 'write_cache_pages stops on the first error', 'integrity writeback returns early', 0, 'xfs: stop on error')), 'new');
  assert.equal(w.add(copy('b@x', ['a@x'], '2018-11-02T00:00:00.000Z', 'fix the generic code instead', 'write_cache_pages stops on the first error', 1)), 'new');
  assert.equal(w.add(copy('c@x', ['ghost@x'], '2018-12-05T00:00:00.000Z', 'unrelated btrfs reply', 'raid56 write hole', 2)), 'new');
  assert.equal(w.add(copy('b@x', ['a@x'], '2018-11-02T00:00:00.000Z', 'fix the generic code instead', 'write_cache_pages stops on the first error', 3)), 'known');
  w.commit();
  rebuildThreads(db);
}

test('a rolled-back file leaves no rows', () => {
  withDb((db) => {
    const w = new FileWriter(db);
    w.begin({ path: 'y.mbox', sha256: 'bb', bytes: 1, format: 'mboxrd', origin: null, importedAt: '1970-01-01T00:00:00.000Z' });
    w.add(copy('z@x', [], '2018-11-01T00:00:00.000Z', 'own', 'quoted', 0));
    w.rollback();
    for (const t of ['sources', 'messages', 'message_sources', 'blocks', 'exchanges', 'people', 'messages_fts']) {
      assert.equal((db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n, 0, t);
    }
  });
});

test('hot queries use their indexes', () => {
  withDb((db) => {
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('k') as { detail: string }[]).map((r) => r.detail).join(' | ');
    assert.match(plan('SELECT * FROM messages WHERE message_id = ?'), /SEARCH messages USING INDEX sqlite_autoindex_messages_1 \(message_id=\?\)/);
    assert.match(plan('SELECT root_id FROM thread_nodes WHERE message_id = ?'), /SEARCH thread_nodes USING PRIMARY KEY \(message_id=\?\)/);
    assert.match(plan('SELECT message_id FROM thread_nodes WHERE root_id = ? ORDER BY position'), /SEARCH thread_nodes USING (COVERING )?INDEX thread_nodes_root \(root_id=\?\)/);
    assert.match(plan('SELECT blocks FROM message_blocks WHERE message_id = ?'), /SEARCH message_blocks USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    assert.match(plan('SELECT id FROM messages WHERE content_key = ?'), /USING (COVERING )?INDEX messages_content_key/);
  });
});

test('threads, messages and raw text read back exactly', () => {
  withDb((db) => {
    load(db);
    assert.deepEqual(listThreads(db).map((t) => [t.rootId, t.subject, t.messageCount, t.ghostCount, t.maxDepth]), [
      ['ghost@x', 'Re: writeback', 1, 1, 1],
      ['a@x', 'xfs: stop on error', 2, 0, 1],
    ]);
    const t = getThread(db, 'b@x')!;
    assert.equal(t.root.messageId, 'a@x');
    assert.deepEqual(t.root.children.map((c) => [c.messageId, c.depth, c.ghost]), [['b@x', 1, false]]);
    const b = getMessage(db, '<b@x>')!;
    assert.deepEqual(b.blocks.map((x) => [x.kind, x.depth, x.speaker?.name, x.text, x.raw, x.answers ?? null]), [
      ['quote', 1, 'Brian Foster', 'write_cache_pages stops on the first error', '> write_cache_pages stops on the first error\n', null],
      ['own', 0, 'Dave Chinner', 'fix the generic code instead\n', 'fix the generic code instead\n', 0],
    ]);
    assert.deepEqual([b.threadRootId, b.parentId, b.depth, b.copies.map((c) => [c.path, c.line])], ['a@x', 'a@x', 1, [['x.mbox', 11], ['x.mbox', 31]]]);
    assert.equal(getRawMessage(db, 'c@x'), 'Message-ID: <c@x>\n\n> raid56 write hole\nunrelated btrfs reply\n');
    assert.equal(getThread(db, 'ghost@x')!.root.ghost, true);
    assert.equal(getMessage(db, 'nope@x'), null);
    assert.equal((db.prepare('SELECT count(*) AS n FROM exchanges').get() as { n: number }).n, 3);
  });
});

test('search: own vs quoted words, prefixes, dates, ranking and highlights', () => {
  withDb((db) => {
    load(db);
    const ids = (q: string) => {
      const r = searchMessages(db, q);
      assert.ok(r.ok, q);
      return r.ok ? r.hits.map((h) => h.messageId) : [];
    };
    assert.deepEqual(ids('nq:write_cache_pages'), ['a@x']);
    assert.deepEqual(ids('q:write_cache_pages'), ['b@x']);
    assert.deepEqual(ids('write_cache_pages').sort(), ['a@x', 'b@x']);
    assert.deepEqual(ids('s:stop'), ['a@x']);
    assert.deepEqual(ids('f:chinner d:2018-12-01..2018-12-31'), ['c@x']);
    assert.deepEqual(ids('d:2018-11-02'), ['b@x']);
    assert.deepEqual(ids('generic -btrfs'), ['b@x']);
    const hit = searchMessages(db, 'nq:generic');
    assert.ok(hit.ok && hit.hits[0]!.snippet.includes('«generic»'));
  });
});

test('search never lets SQLite errors reach the caller, whatever the query', () => {
  withDb((db) => {
    load(db);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.stringMatching(/^[-"()*:^ a-zA-Z0-9ORANDNOTNEAR{}+]{0,60}$/), fc.constant('x'.repeat(10_240))), (q) => {
        const r = searchMessages(db, q);
        if (!r.ok) assert.ok(!r.error.startsWith('search failed'), `${JSON.stringify(q)}: ${r.error}`);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});

test('a committed file marks the threads stale until the rebuild, so a killed import is finished next time', () => {
  withDb((db) => {
    assert.equal(threadsStale(db), false);
    const w = new FileWriter(db);
    w.begin({ path: 'z.mbox', sha256: 'cc', bytes: 1, format: 'mboxrd', origin: null, importedAt: '1970-01-01T00:00:00.000Z' });
    w.add(copy('s@x', [], '2018-11-01T00:00:00.000Z', 'own', 'quoted', 0));
    w.commit();
    assert.equal(threadsStale(db), true);
    rebuildThreads(db);
    assert.equal(threadsStale(db), false);
    const r = new FileWriter(db);
    r.begin({ path: 'y.mbox', sha256: 'dd', bytes: 1, format: 'mboxrd', origin: null, importedAt: '1970-01-01T00:00:00.000Z' });
    r.rollback();
    assert.equal(threadsStale(db), false);
  });
});
