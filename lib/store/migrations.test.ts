// Proves migrations 5 (packed blocks) and 6 (derived block offsets) on a database written by a
// version-4 build: the seed pages (derived messages, flattened confidences) and a corpus thread
// are written in the v4 schema, with blocks rows exactly as the v4 writer wrote them (a derived
// message's blocks at their offsets in the page they were quoted on); after openStore upgrades
// the file, every message, thread and search reads the same as from a fresh import, the blocks
// are what the v4 rows held (a derived message's now cut from its own body: its quoted slices),
// and the `blocks` view gives back the v4 rows themselves, derived offsets rebased.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Block } from '../mail';
import { importPaths } from '../importer';
import { parseSource } from '../importer/parse-source';
import { walkInputs } from '../importer/walk-inputs';
import { getMessage, getThread, migrations, openStore, searchMessages } from './index';
import { impliedText } from './packed-blocks';

const FILES = ['content/threads', resolve('../shared/corpus/mbox/threads/xfs-2024-07-xfs_spaceman-defrag.mbox')];
const PAGE_SHIFT = 1000;
const V4_TABLES = ['sources', 'people', 'person_addresses', 'messages', 'message_sources', 'exchanges', 'thread_nodes', 'threads', 'store_state'];

/**
 * A block as getMessage reads it back from its row: raw is the stored body's slice at the
 * block's start and length, text that slice less its line end when the row's text was null.
 */
function asStored(b: Block, body: string): Block {
  const s = b.speaker;
  const raw = body.slice(b.start, b.start + b.raw.length);
  const out: Block = {
    kind: b.kind, depth: b.depth,
    speaker: s === null || (s.name === null && s.address === null && s.date === null) ? null : { name: s.name, address: s.address, date: s.date },
    text: b.text === impliedText(b.raw) ? impliedText(raw) : b.text, raw, start: b.start, confidence: b.confidence,
  };
  if (b.answers !== undefined && b.answers !== null) out.answers = b.answers;
  return out;
}

test('a version-4 database with messages upgrades to packed blocks, derived offsets rebased, and reads the same', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadlab-migrate-'));
  try {
    // The reference: the same files imported by this build.
    const fresh = openStore(join(dir, 'fresh.sqlite'));
    const s = await importPaths(fresh, FILES, { now: () => new Date(0) });
    assert.deepEqual(s.failures, []);
    fresh.close();

    // A v4 file: migrations 1-4 only, every v4 table but blocks copied from the reference, and
    // blocks rows written the way the v4 writer wrote them, from the parser's own blocks.
    const oldPath = join(dir, 'old.sqlite');
    const v4 = new Database(oldPath);
    v4.pragma('journal_mode = WAL');
    for (const m of migrations) if (m.version <= 4) v4.exec(m.sql);
    v4.pragma('user_version = 4');
    v4.exec(`ATTACH DATABASE '${join(dir, 'fresh.sqlite').replaceAll("'", "''")}' AS fresh`);
    for (const t of V4_TABLES) v4.exec(`INSERT INTO main.${t} SELECT * FROM fresh.${t}`);
    v4.exec('INSERT INTO main.messages_fts (rowid, subject, author, own, quoted) SELECT rowid, subject, author, own, quoted FROM fresh.messages_fts');
    v4.exec('DETACH DATABASE fresh');
    const idOf = v4.prepare('SELECT id, body FROM messages WHERE message_id = ?');
    const insert = v4.prepare(`INSERT INTO blocks (message_id, ordinal, kind, depth, speaker_name, speaker_address, speaker_date, text, start, length, confidence, answers)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const expected = new Map<string, Block[]>();
    for (const f of walkInputs(FILES).files) {
      for await (const c of parseSource(f.path)) {
        const m = c.message;
        if (expected.has(m.messageId)) continue;
        const row = idOf.get(m.messageId) as { id: number; body: string } | undefined;
        assert.ok(row !== undefined, m.messageId);
        // Every block's slice of the stored body is its own raw text, a derived message's too.
        assert.deepEqual(m.blocks.map((b) => row.body.slice(b.start, b.start + b.raw.length)), m.blocks.map((b) => b.raw), m.messageId);
        expected.set(m.messageId, m.blocks.map((b) => asStored(b, row.body)));
        // The v4 writer stored a derived block at its offset in the page it was quoted on; this
        // build's parser gives offsets in the message's own body, so a shifted offset stands in.
        const stored = (b: Block): number => (m.derived ? b.start + PAGE_SHIFT : b.start);
        m.blocks.forEach((b, i) => insert.run(row.id, i, b.kind, b.depth, b.speaker?.name ?? null, b.speaker?.address ?? null, b.speaker?.date ?? null, b.text === impliedText(b.raw) ? null : b.text, stored(b), b.raw.length, b.confidence, b.answers ?? null));
      }
    }
    const v4Rows = v4.prepare('SELECT * FROM blocks ORDER BY message_id, ordinal').all() as Array<{ message_id: number; start: number; length: number }>;
    const derivedIds = new Set((v4.prepare('SELECT id FROM messages WHERE derived = 1').all() as { id: number }[]).map((r) => r.id));
    assert.ok(derivedIds.size >= 16, 'the seeds give derived messages');
    // After migration 6 a derived message's blocks start where the blocks before them end.
    let offset = 0;
    let inMessage = -1;
    const upgradedRows = v4Rows.map((r) => {
      if (!derivedIds.has(r.message_id)) return r;
      if (r.message_id !== inMessage) [inMessage, offset] = [r.message_id, 0];
      offset += r.length;
      return { ...r, start: offset - r.length };
    });
    assert.ok(upgradedRows.every((r, i) => (derivedIds.has(r.message_id) ? r.start === v4Rows[i]!.start - PAGE_SHIFT : r === v4Rows[i])));
    const messageCount = (v4.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
    assert.equal(expected.size, messageCount);
    assert.ok(v4Rows.length > 1000);
    v4.close();

    // Upgrade by opening, then compare every read with the reference.
    const old = openStore(oldPath);
    const ref = openStore(join(dir, 'fresh.sqlite'));
    try {
      assert.equal(old.pragma('user_version', { simple: true }), 6);
      assert.deepEqual(old.prepare('SELECT * FROM blocks ORDER BY message_id, ordinal').all(), upgradedRows);
      for (const [id, blocks] of expected) {
        const a = getMessage(old, id);
        assert.deepEqual(a, getMessage(ref, id), id);
        assert.deepEqual(a?.blocks, blocks, id);
      }
      const roots = ref.prepare('SELECT root_id FROM threads').all() as { root_id: string }[];
      for (const r of roots) assert.deepEqual(getThread(old, r.root_id), getThread(ref, r.root_id));
      for (const q of ['nq:writeback', 'q:defrag', 'f:chinner', 'xfs_spaceman']) assert.deepEqual(searchMessages(old, q), searchMessages(ref, q), q);
    } finally {
      old.close();
      ref.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
