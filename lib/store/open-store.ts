import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations, schemaVersion } from './migrations';

/** A better-sqlite3 connection opened by openStore (WAL, foreign keys, migrated). */
export type Db = Database.Database;

/** Thrown when the file was written by a newer threadlab whose schema this build does not know. */
export class NewerDatabaseError extends Error {
  constructor(path: string, found: number, known: number) {
    super(
      `${path}: database schema version ${found} is newer than this threadlab understands (${known}); ` +
        'upgrade threadlab or point THREADLAB_DB at another file',
    );
    this.name = 'NewerDatabaseError';
  }
}

export interface OpenOptions {
  readonly?: boolean;
}

/**
 * Opens (creating if needed) the SQLite file with WAL and foreign keys and applies pending
 * migrations. A read-only open never migrates; it refuses an out-of-date file instead.
 */
export function openStore(path: string, options: OpenOptions = {}): Db {
  const readonly = options.readonly === true;
  if (!readonly) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { readonly, fileMustExist: readonly });
  try {
    // 16 KiB pages for a new file (the size is fixed when the file is created; existing files
    // keep theirs): most bytes are large rows (original mail, bodies) that 4 KiB pages split
    // into overflow chains, and an import writes every page twice (WAL, then checkpoint), so
    // a quarter as many pages makes an import's commit about a third cheaper. Reads are no slower.
    if (!readonly) db.pragma('page_size = 16384');
    if (!readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    migrate(db, path, readonly);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** Applies each migration newer than the file's user_version, one transaction each. */
function migrate(db: Db, path: string, readonly: boolean): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > schemaVersion) throw new NewerDatabaseError(path, current, schemaVersion);
  if (current === schemaVersion) return;
  if (readonly) {
    throw new Error(`${path}: schema version ${current} needs migrating to ${schemaVersion}; run \`threadlab import\` first`);
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
