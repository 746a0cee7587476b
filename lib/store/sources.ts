import type { Db } from './open-store';

/** One archive file the knowledge base was built from, as the store keeps it. */
export interface SourceRow {
  id: number;
  path: string;
  sha256: string;
  bytes: number;
  format: string;
  origin: string | null;
  importedAt: string;
}

/** What the importer knows of a file before it is stored. */
export interface NewSource {
  path: string;
  sha256: string;
  bytes: number;
  format: string;
  origin: string | null;
  importedAt: string;
}

interface RawSourceRow {
  id: number;
  path: string;
  sha256: string;
  bytes: number;
  format: string;
  origin: string | null;
  imported_at: string;
}

function toSource(r: RawSourceRow): SourceRow {
  return { id: r.id, path: r.path, sha256: r.sha256, bytes: r.bytes, format: r.format, origin: r.origin, importedAt: r.imported_at };
}

/** The source stored under this path, if any. */
export function findSourceByPath(db: Db, path: string): SourceRow | undefined {
  const row = db.prepare('SELECT * FROM sources WHERE path = ?').get(path) as RawSourceRow | undefined;
  return row === undefined ? undefined : toSource(row);
}

/**
 * Inserts the source, or replaces the row of the same path when its content changed.
 * Returns the row id and whether anything changed (a same-content re-import changes nothing).
 */
export function upsertSource(db: Db, s: NewSource): { id: number; changed: boolean } {
  const existing = findSourceByPath(db, s.path);
  if (existing !== undefined && existing.sha256 === s.sha256) return { id: existing.id, changed: false };
  if (existing !== undefined) {
    db.prepare('UPDATE sources SET sha256 = ?, bytes = ?, format = ?, origin = ?, imported_at = ? WHERE id = ?')
      .run(s.sha256, s.bytes, s.format, s.origin, s.importedAt, existing.id);
    return { id: existing.id, changed: true };
  }
  const info = db
    .prepare('INSERT INTO sources (path, sha256, bytes, format, origin, imported_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(s.path, s.sha256, s.bytes, s.format, s.origin, s.importedAt);
  return { id: Number(info.lastInsertRowid), changed: true };
}

/** Every stored source, by path. */
export function listSources(db: Db): SourceRow[] {
  return (db.prepare('SELECT * FROM sources ORDER BY path').all() as RawSourceRow[]).map(toSource);
}
