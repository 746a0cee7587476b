// The store: the only code that touches SQLite. app/ and the CLI read and write data through it.
export { dbPath } from './db-path';
export { openStore, NewerDatabaseError } from './open-store';
export type { Db, OpenOptions } from './open-store';
export { migrations, schemaVersion } from './migrations';
export type { Migration } from './migrations';
export { findSourceByPath, listSources, upsertSource } from './sources';
export type { NewSource, SourceRow } from './sources';
export { getReadStore } from './read-store';
export { FileWriter } from './message-writer';
export type { IncomingCopy, CopyOutcome, FileOutcome } from './message-writer';
export { rebuildThreads } from './rebuild-threads';
export type { ThreadStats } from './rebuild-threads';
export { listThreads, getThread, getMessage, getRawMessage } from './read-messages';
export type { ThreadSummary, ThreadTree, ThreadTreeNode, StoredMessage, MessageCopy } from './read-messages';
export { searchMessages } from './search-messages';
export type { SearchHit, SearchOutcome } from './search-messages';
