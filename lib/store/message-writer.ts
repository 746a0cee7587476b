// Writes one source file's messages inside ONE transaction: a file that fails half-way leaves
// nothing behind, and a file already imported (same sha256) is skipped as a whole, which is
// what makes re-importing a no-op. The transaction is opened and closed by hand (BEGIN/COMMIT)
// because MIME decoding between inserts is asynchronous.
import type { Diagnostic, ParsedMessage } from '../mail';
import type { Db } from './open-store';
import { blocksContentKey } from '../thread';
import { stmt } from './statements';
import { upsertSource, type NewSource } from './sources';
import { messageRows, type MessageRows } from './message-rows';
import { unpackBlocks } from './packed-blocks';

/** One copy of a message as the importer hands it over. */
export interface IncomingCopy {
  message: ParsedMessage;
  /** The decoded body the blocks were parsed from. */
  body: string;
  /** True when messageId is a content hash (the source gave none). */
  syntheticId: boolean;
  /**
   * Normalised-words key of the body, to match one message seen through two archives; ''
   * when not computed (mail with a Message-ID: the writer computes it only if needed).
   */
  contentKey: string;
  ordinal: number;
  line: number | null;
  byteOffset: number | null;
  format: string;
  /** The original bytes of this copy in its file (empty for derived messages). */
  raw: Uint8Array;
  /** Fields taken from a source.json sidecar, by name. */
  sidecar: Record<string, unknown> | null;
  /** The sender's address as the source wrote it (obfuscated forms included). */
  addressAsWritten: string | null;
  /** Diagnostics about this copy (reader, decoder). */
  copyDiagnostics: Diagnostic[];
  /** messageRows(message) when the parse worker computed it already (else the writer does). */
  rows?: MessageRows;
}

/** What happened to one copy. */
export type CopyOutcome = 'new' | 'known';

/** Counts for one file. */
export interface FileOutcome {
  sourceId: number;
  /** False when the file was already imported with this content: nothing was written. */
  changed: boolean;
  /** Path of an already-imported file with identical content, when that is why nothing changed. */
  sameAs: string | null;
}

/** An open per-file import: add copies, then commit (or roll back on failure). */
export class FileWriter {
  private readonly db: Db;
  private open = false;
  /** Person ids and written addresses already stored in this transaction (saves a round trip per message). */
  private readonly people = new Map<string, number>();
  private readonly written = new Set<string>();
  /** Whether the database holds page or derived messages a real one could be a copy of. */
  private loose: boolean | null = null;
  sourceId = 0;

  constructor(db: Db) {
    this.db = db;
  }

  /** Starts the transaction and records the source; returns changed=false when there is nothing to do. */
  begin(source: NewSource): FileOutcome {
    const same = stmt(this.db, 'SELECT path FROM sources WHERE sha256 = ? AND path <> ? LIMIT 1').get(source.sha256, source.path) as { path: string } | undefined;
    const existing = stmt(this.db, 'SELECT id, sha256 FROM sources WHERE path = ?').get(source.path) as { id: number; sha256: string } | undefined;
    if (existing !== undefined && existing.sha256 === source.sha256) return { sourceId: existing.id, changed: false, sameAs: null };
    if (existing === undefined && same !== undefined) return { sourceId: 0, changed: false, sameAs: same.path };
    // A bigger page cache for the import keeps the index B-trees in memory during bulk inserts.
    this.db.pragma('cache_size = -65536');
    this.db.exec('BEGIN IMMEDIATE');
    this.open = true;
    if (existing !== undefined) {
      // The file changed: its old copies go, and messages left without any copy go with them.
      stmt(this.db, 'DELETE FROM message_sources WHERE source_id = ?').run(existing.id);
      this.deleteOrphans();
    }
    this.sourceId = upsertSource(this.db, source).id;
    stmt(this.db, "INSERT OR REPLACE INTO store_state (key, value) VALUES ('threads_stale', '1')").run();
    return { sourceId: this.sourceId, changed: true, sameAs: null };
  }

  /** Adds one copy: a new message, or one more copy of a known one. */
  add(copy: IncomingCopy): CopyOutcome {
    const m = copy.message;
    let found = stmt(this.db, 'SELECT id, derived, synthetic_id FROM messages WHERE message_id = ?').get(m.messageId) as { id: number; derived: number; synthetic_id: number } | undefined;
    if (found === undefined) {
      if (copy.syntheticId || m.derived) found = this.matchLoose(copy);
      else if (this.hasLoose()) found = this.matchReal(copy);
    }
    let outcome: CopyOutcome = 'known';
    let id: number;
    if (found === undefined) {
      id = this.insertMessage(copy);
      outcome = 'new';
    } else {
      id = found.id;
      const upgrade = (found.derived === 1 && !m.derived) || (found.synthetic_id === 1 && !copy.syntheticId && !m.derived);
      if (upgrade) {
        // A real message supersedes its reconstruction or its scraped copy: its headers and
        // body are authoritative; the other copies stay attached.
        this.replaceMessage(id, copy);
        outcome = 'new';
      }
    }
    if (!m.derived) {
      stmt(this.db, 'INSERT INTO message_sources (message_id, source_id, ordinal, line, byte_offset, format, raw, sidecar_json, diagnostics_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, this.sourceId, copy.ordinal, copy.line, copy.byteOffset, copy.format, copy.raw, copy.sidecar === null ? null : JSON.stringify(copy.sidecar), JSON.stringify(copy.copyDiagnostics));
    } else {
      stmt(this.db, 'INSERT INTO message_sources (message_id, source_id, ordinal, line, byte_offset, format, raw, sidecar_json, diagnostics_json) VALUES (?, ?, ?, NULL, NULL, ?, ?, NULL, ?)')
        .run(id, this.sourceId, copy.ordinal, 'derived', new Uint8Array(0), '[]');
    }
    return outcome;
  }

  /** Makes the file's rows permanent. */
  commit(): void {
    if (!this.open) return;
    this.db.exec('COMMIT');
    this.open = false;
  }

  /** Undoes everything since begin(). */
  rollback(): void {
    if (!this.open) return;
    this.db.exec('ROLLBACK');
    this.open = false;
  }

  private hasLoose(): boolean {
    if (this.loose === null) this.loose = (stmt(this.db, 'SELECT EXISTS (SELECT 1 FROM messages WHERE synthetic_id = 1 OR derived = 1) AS x').get() as { x: number }).x === 1;
    return this.loose;
  }

  /** A real message: is it a page or derived message already stored (same words and speaker)? */
  private matchReal(copy: IncomingCopy): Found | undefined {
    const key = copy.contentKey !== '' ? copy.contentKey : blocksContentKey(copy.message.blocks);
    copy.contentKey = key;
    const rows = stmt(this.db, 'SELECT id, derived, synthetic_id, from_name, from_address, date FROM messages WHERE content_key = ? AND (synthetic_id = 1 OR derived = 1)').all(key) as Candidate[];
    return rows.find((r) => compatible(r, copy));
  }

  /**
   * A page or derived message: is it a copy of a stored one? Loose messages carry their key;
   * real ones are keyed on demand, only those of the same speaker (pages are few, mail many).
   */
  private matchLoose(copy: IncomingCopy): Found | undefined {
    const m = copy.message;
    const byKey = stmt(this.db, 'SELECT id, derived, synthetic_id, from_name, from_address, date FROM messages WHERE content_key = ?').all(copy.contentKey) as Candidate[];
    const hit = byKey.find((r) => compatible(r, copy));
    if (hit !== undefined) return hit;
    const people = stmt(this.db, 'SELECT id FROM people WHERE key = ? OR key = ? OR lower(name) = ?')
      .all((m.from.address ?? '').toLowerCase(), `name:${(m.from.name ?? '').toLowerCase()}`, (m.from.name ?? '\u0000').toLowerCase()) as { id: number }[];
    for (const p of people) {
      const rows = stmt(this.db, "SELECT id, derived, synthetic_id, from_name, from_address, date, body FROM messages WHERE person_id = ? AND content_key = ''").all(p.id) as (Candidate & { body: string })[];
      for (const r of rows) {
        if (!compatible(r, copy)) continue;
        const packed = stmt(this.db, 'SELECT blocks FROM message_blocks WHERE message_id = ?').get(r.id) as { blocks: string } | undefined;
        const key = blocksContentKey(unpackBlocks(packed?.blocks, r.body));
        // Remember the key so the next page of this speaker does not recompute it.
        stmt(this.db, 'UPDATE messages SET content_key = ? WHERE id = ?').run(key, r.id);
        if (key === copy.contentKey) return r;
      }
    }
    return undefined;
  }

  private insertMessage(copy: IncomingCopy): number {
    const m = copy.message;
    const personId = this.person(m.from.name, m.from.address, copy.addressAsWritten);
    const info = stmt(this.db, `INSERT INTO messages (message_id, synthetic_id, derived, in_reply_to, references_json, subject, from_name, from_address, person_id, date, body, content_key, diagnostics_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      m.messageId, copy.syntheticId ? 1 : 0, m.derived ? 1 : 0, m.inReplyTo, JSON.stringify(m.references), m.subject, m.from.name, m.from.address, personId, m.date,
      copy.body, copy.contentKey, JSON.stringify(m.diagnostics),
    );
    const id = Number(info.lastInsertRowid);
    if (copy.syntheticId || m.derived) this.loose = true;
    this.insertTree(id, copy);
    return id;
  }

  private replaceMessage(id: number, copy: IncomingCopy): void {
    const m = copy.message;
    const personId = this.person(m.from.name, m.from.address, copy.addressAsWritten);
    stmt(this.db, `UPDATE messages SET message_id = ?, synthetic_id = ?, derived = 0, in_reply_to = ?, references_json = ?, subject = ?, from_name = ?, from_address = ?,
      person_id = ?, date = ?, body = ?, content_key = ?, diagnostics_json = ? WHERE id = ?`).run(
      m.messageId, copy.syntheticId ? 1 : 0, m.inReplyTo, JSON.stringify(m.references), m.subject, m.from.name, m.from.address, personId, m.date,
      copy.body, copy.contentKey, JSON.stringify(m.diagnostics), id,
    );
    stmt(this.db, 'DELETE FROM message_blocks WHERE message_id = ?').run(id);
    stmt(this.db, 'DELETE FROM exchanges WHERE message_id = ?').run(id);
    stmt(this.db, 'DELETE FROM messages_fts WHERE rowid = ?').run(id);
    this.insertTree(id, copy);
  }

  /** Blocks, exchanges and the search row of a message. */
  private insertTree(id: number, copy: IncomingCopy): void {
    const m = copy.message;
    const rows = copy.rows ?? messageRows(m);
    stmt(this.db, 'INSERT INTO message_blocks (message_id, blocks) VALUES (?, ?)').run(id, rows.blocks);
    const x = rows.exchanges;
    if (x.length > 0) {
      const ex = stmt(this.db, 'INSERT INTO exchanges (message_id, answer_ordinal, quote_ordinal, quoted_name, quoted_address) VALUES (?, ?, ?, ?, ?)');
      for (let k = 0; k + 3 < x.length; k += 4) ex.run(id, x[k], x[k + 1], x[k + 2], x[k + 3]);
    }
    stmt(this.db, 'INSERT INTO messages_fts (rowid, subject, author, own, quoted) VALUES (?, ?, ?, ?, ?)')
      .run(id, m.subject ?? '', [m.from.name, m.from.address].filter((x) => x !== null).join(' '), rows.own, rows.quoted);
  }

  /** The person row for a sender, created on first sight; every written form of the address kept. */
  private person(name: string | null, address: string | null, asWritten: string | null): number | null {
    const key = address !== null ? address.toLowerCase() : name !== null ? `name:${name.toLowerCase()}` : null;
    if (key === null) return null;
    const writtenForm = asWritten ?? address;
    const known = this.people.get(key);
    if (known !== undefined && (writtenForm === null || this.written.has(`${known}\n${writtenForm}`))) return known;
    // SELECT then INSERT: an UPSERT ... RETURNING costs ~1 ms inside a big transaction.
    let row = stmt(this.db, 'SELECT id, name FROM people WHERE key = ?').get(key) as { id: number; name: string | null } | undefined;
    if (row === undefined) row = { id: Number(stmt(this.db, 'INSERT INTO people (key, name) VALUES (?, ?)').run(key, name).lastInsertRowid), name };
    else if (row.name === null && name !== null) stmt(this.db, 'UPDATE people SET name = ? WHERE id = ?').run(name, row.id);
    this.people.set(key, row.id);
    if (writtenForm !== null) {
      stmt(this.db, 'INSERT OR IGNORE INTO person_addresses (person_id, as_written, address) VALUES (?, ?, ?)').run(row.id, writtenForm, address);
      this.written.add(`${row.id}\n${writtenForm}`);
    }
    return row.id;
  }

  private deleteOrphans(): void {
    const orphans = stmt(this.db, 'SELECT id FROM messages WHERE NOT EXISTS (SELECT 1 FROM message_sources s WHERE s.message_id = messages.id)').all() as { id: number }[];
    for (const o of orphans) {
      stmt(this.db, 'DELETE FROM messages_fts WHERE rowid = ?').run(o.id);
      stmt(this.db, 'DELETE FROM messages WHERE id = ?').run(o.id);
    }
  }
}

interface Candidate {
  id: number;
  derived: number;
  synthetic_id: number;
  from_name: string | null;
  from_address: string | null;
  date: string | null;
}
type Found = Pick<Candidate, 'id' | 'derived' | 'synthetic_id'>;

/** Same speaker, dates (when both known) within three days, and never two real Message-IDs. */
function compatible(r: Candidate, copy: IncomingCopy): boolean {
  const m = copy.message;
  if (r.synthetic_id === 0 && r.derived === 0 && !copy.syntheticId && !m.derived) return false;
  if (!sameSpeaker(r.from_name, r.from_address, m.from.name, m.from.address)) return false;
  if (r.date !== null && m.date !== null && Math.abs(Date.parse(r.date) - Date.parse(m.date)) > 3 * 86_400_000) return false;
  return true;
}

function norm(s: string | null): string {
  return (s ?? '').toLowerCase().replace(/[^\p{L}\p{N}@.]+/gu, ' ').trim();
}

/** Same person: equal addresses when both known, else equal normalised names; unknown matches anyone. */
function sameSpeaker(n1: string | null, a1: string | null, n2: string | null, a2: string | null): boolean {
  if (a1 !== null && a2 !== null && a1.toLowerCase() === a2.toLowerCase()) return true;
  if (n1 === null || n2 === null) return n1 === null && n2 === null ? true : a1 === null || a2 === null;
  return norm(n1) === norm(n2);
}
