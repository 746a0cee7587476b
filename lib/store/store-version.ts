import type { Db } from './open-store';

/**
 * A number that changes whenever another connection (an import) commits to the database file:
 * SQLite's data_version, for caches of values derived from stored data in a long-lived server.
 */
export function storeVersion(db: Db): number {
  return db.pragma('data_version', { simple: true }) as number;
}
