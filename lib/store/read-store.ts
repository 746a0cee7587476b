import { dbPath } from './db-path';
import { openStore, type Db } from './open-store';

let shared: Db | undefined;

/**
 * The server's connection, opened once per process on first use. It is a normal (not read-only)
 * connection so that a fresh database file gets its schema; the site itself only reads.
 */
export function getReadStore(): Db {
  if (shared === undefined || !shared.open) shared = openStore(dbPath());
  return shared;
}
