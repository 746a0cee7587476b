// Proves that the parse worker changes only which thread does the work: a 14 MB corpus mbox
// imported through the worker (trees built on either thread, rows packed in the worker) and on
// one thread gives the same rows in every table, packed blocks and search text included; and a
// parse split between the main thread (the head, while the worker starts) and the worker gives
// parseSource's copies whether the main thread parsed all of the file, some of it or none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStore, type Db } from '../store';
import { messageRows, type MessageRows } from '../store/message-rows';
import { importPaths } from './import-paths';
import { parseSource, type SourceCopy } from './parse-source';
import { startParseInWorker } from './parse-in-worker';

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

/** A copy as the store sees it: its place, bytes, headers and rows (blocks packed). */
function stored(c: SourceCopy & { rows?: MessageRows }): unknown {
  const { blocks: _blocks, ...message } = c.message;
  return { ordinal: c.ordinal, line: c.line, byteOffset: c.byteOffset, format: c.format, raw: [...c.raw], body: c.body, message, diagnostics: c.copyDiagnostics, rows: c.rows ?? messageRows(c.message) };
}

test('the head parsed on the main thread and the rest in the worker make up parseSource\'s copies', async () => {
  const file = resolve('../shared/corpus/mbox/threads/xfs-2024-07-xfs_spaceman-defrag.mbox');
  const expected: unknown[] = [];
  for await (const c of parseSource(file)) expected.push(stored(c));
  // Pulled at once, the main thread parses until the worker has loaded (often the whole file);
  // pulled after a pause, the worker has started and parses everything.
  for (const pause of [0, 1500]) {
    const w = startParseInWorker(file);
    if (pause > 0) await sleep(pause);
    const got: unknown[] = [];
    for await (const c of w.copies) got.push(stored(c));
    assert.deepEqual(got, expected, `pause ${pause} ms`);
  }
});
