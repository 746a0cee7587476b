// Proves that the parse worker changes only which thread does the work: a 14 MB corpus mbox
// imported through the worker (trees built on either thread, rows packed in the worker) and on
// one thread gives the same rows in every table, packed blocks and search text included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openStore, type Db } from '../store';
import { importPaths } from './import-paths';

const FILE = resolve('../shared/corpus/mbox/lists/linux-btrfs-2025-10.mbox');
const TABLES: [string, string][] = [
  ['sources', 'id'],
  ['messages', 'id'],
  ['message_sources', 'id'],
  ['message_blocks', 'message_id'],
  ['exchanges', 'message_id, answer_ordinal'],
  ['people', 'id'],
  ['person_addresses', 'person_id, as_written'],
  ['thread_nodes', 'message_id'],
  ['threads', 'root_id'],
];

function dump(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [t, order] of TABLES) out[t] = db.prepare(`SELECT * FROM ${t} ORDER BY ${order}`).all();
  out.messages_fts = db.prepare('SELECT rowid, subject, author, own, quoted FROM messages_fts ORDER BY rowid').all();
  return out;
}

test('an mbox imported through the parse worker gives the same rows as on one thread', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadlab-worker-'));
  try {
    const dumps: Record<string, unknown[]>[] = [];
    for (const worker of [true, false]) {
      const db = openStore(join(dir, `${worker ? 'worker' : 'single'}.sqlite`));
      try {
        const s = await importPaths(db, [FILE], { worker, now: () => new Date(0) });
        assert.deepEqual(s.failures, []);
        assert.ok(s.messagesNew > 1000);
        dumps.push(dump(db));
      } finally {
        db.close();
      }
    }
    const [a, b] = dumps as [Record<string, unknown[]>, Record<string, unknown[]>];
    for (const t of Object.keys(a)) {
      assert.ok((a[t] ?? []).length > 0, t);
      assert.deepEqual(a[t], b[t], t);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
