import { dbPath } from './db-path';
import { openStore, type Db } from './open-store';
import { storeVersion } from './store-version';
import { storedKnowledgeHash } from './stored-knowledge-hash';

let shared: Db | undefined;
let generation: { version: number; hash: string | null } | undefined;

// The rendered-page cache (lib/site/page-cache.mjs) is loaded by Next.js outside the bundles, so
// it finds the store version through this well-known global. The value names the connection
// too, because data_version numbers of two connections are unrelated.
const VERSION_HOOK = Symbol.for('threadlab.storeVersion');
const OPENED = Symbol.for('threadlab.storeConnections');

/**
 * The server's connection, opened once per process on first use. It is a normal (not read-only)
 * connection so that a fresh database file gets its schema; the site itself only reads.
 */
export function getReadStore(): Db {
  if (shared === undefined || !shared.open) {
    const db = openStore(dbPath());
    const g = globalThis as unknown as Record<symbol, unknown>;
    const serial = (typeof g[OPENED] === 'number' ? g[OPENED] : 0) + 1;
    g[OPENED] = serial;
    g[VERSION_HOOK] = () => (db.open ? `${serial}:${storeVersion(db)}` : `${serial}:closed`);
    shared = db;
    generation = undefined;
  }
  return shared;
}

/**
 * The knowledge base the server's database holds (its content hash), read again only when the
 * database has changed; null where no server connection is open (the CLI), which reads content/
 * once. The content caches (annotations, scenarios, catalogues) load content/ again when it
 * moves, so that after `threadlab import content` the pages show what search finds.
 */
export function knowledgeGeneration(): string | null {
  if (shared === undefined || !shared.open) return null;
  const version = storeVersion(shared);
  if (generation === undefined || generation.version !== version) generation = { version, hash: storedKnowledgeHash(shared) };
  return generation.hash;
}
