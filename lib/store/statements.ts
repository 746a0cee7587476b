// Prepared statements cached per connection: preparing is the expensive part of a query in
// better-sqlite3, and the importer runs the same few statements thousands of times per file.
import type Database from 'better-sqlite3';
import type { Db } from './open-store';

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/** The prepared statement for `sql` on this connection, prepared once. */
export function stmt(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (s === undefined) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}
