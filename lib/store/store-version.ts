import type { Db } from './open-store';
import type { Statement } from 'better-sqlite3';

// Prepared once per connection: the rendered-page cache asks on every request, and db.pragma()
// prepares its statement anew each time.
const prepared = new WeakMap<Db, Statement>();

/**
 * A number that changes whenever another connection (an import) commits to the database file:
 * SQLite's data_version, for caches of values derived from stored data in a long-lived server.
 */
export function storeVersion(db: Db): number {
  let s = prepared.get(db);
  if (s === undefined) {
    s = db.prepare('PRAGMA data_version').pluck();
    prepared.set(db, s);
  }
  return s.get() as number;
}
