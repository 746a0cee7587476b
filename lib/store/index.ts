// The store: the only code that touches SQLite. app/ and the CLI read and write data through it.
export { dbPath } from './db-path';
export { openStore, NewerDatabaseError } from './open-store';
export type { Db, OpenOptions } from './open-store';
export { migrations, schemaVersion } from './migrations';
export type { Migration } from './migrations';
export { findSourceByPath, listSources, upsertSource } from './sources';
export type { NewSource, SourceRow } from './sources';
export { getReadStore } from './read-store';
