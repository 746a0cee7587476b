// @ts-check
// The site's rendered-page cache: Next.js's `cacheHandler`, loaded by `next start` at run time
// (so it is plain JavaScript, not TypeScript). A rendered page depends only on the database, so
// an entry is kept until the database changes. Each entry carries the store version (SQLite's
// data_version on the server's connection, published by lib/store/read-store.ts) that was
// current when its render began; an entry from another version is a miss, so a page is never
// served from before an import that committed after its render started.

const VERSION_HOOK = Symbol.for('threadlab.storeVersion');
const DEFAULT_MAX_BYTES = 128 * 1024 * 1024;
// Misses whose render never reached set() (a render that threw) would otherwise pile up; past
// this many the oldest is forgotten, and its render, if it ever ends, is stamped with the version
// current then (the one case where a render straddling an import could be kept).
const MISSES_MAX = 10_000;

/** The store version now, or 'unopened' before any page has opened the database. */
function currentVersion() {
  /** @type {unknown} */
  const hook = /** @type {Record<symbol, unknown>} */ (globalThis)[VERSION_HOOK];
  return typeof hook === 'function' ? String(hook()) : 'unopened';
}

/** A rough size of a cached value: the strings and buffers it holds (HTML, RSC payload, segments). */
function sizeOf(/** @type {unknown} */ value) {
  let bytes = 0;
  const stack = [value];
  for (let v = stack.pop(); stack.length > 0 || v !== undefined; v = stack.pop()) {
    if (typeof v === 'string') bytes += v.length;
    else if (v instanceof Uint8Array) bytes += v.byteLength;
    else if (v instanceof Map) for (const x of v.values()) stack.push(x);
    else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) stack.push(x);
  }
  return bytes;
}

/** @type {Map<string, { version: string, lastModified: number, value: unknown, bytes: number }>} */
const entries = new Map();
/** The version current when a key last missed: the render that follows is stamped with it. */
const missedAt = new Map();
let totalBytes = 0;

export default class PageCache {
  /** @param {{ maxMemoryCacheSize?: number }} ctx */
  constructor(ctx) {
    const fromEnv = Number(process.env.THREADLAB_PAGE_CACHE_MB);
    this.maxBytes = Number.isFinite(fromEnv) && fromEnv >= 0 && process.env.THREADLAB_PAGE_CACHE_MB !== undefined ? fromEnv * 1024 * 1024 : DEFAULT_MAX_BYTES;
    void ctx;
  }

  /** @param {string} key */
  async get(key) {
    const version = currentVersion();
    const hit = entries.get(key);
    if (hit !== undefined && hit.version === version) {
      // Map order is insertion order: re-inserting makes this the most recently used entry.
      entries.delete(key);
      entries.set(key, hit);
      return { lastModified: hit.lastModified, value: hit.value };
    }
    if (hit !== undefined) forget(key);
    missedAt.delete(key);
    missedAt.set(key, version);
    if (missedAt.size > MISSES_MAX) missedAt.delete(missedAt.keys().next().value);
    return null;
  }

  /** @param {string} key @param {unknown} value */
  async set(key, value) {
    const version = missedAt.get(key) ?? currentVersion();
    missedAt.delete(key);
    forget(key);
    if (value === null || value === undefined) return;
    const bytes = sizeOf(value);
    if (bytes > this.maxBytes / 4) return;
    entries.set(key, { version, lastModified: Date.now(), value, bytes });
    totalBytes += bytes;
    for (const [k] of entries) {
      if (totalBytes <= this.maxBytes) break;
      forget(k);
    }
  }

  // The site sets no tags; a revalidation of any tag empties the cache, which is always safe.
  async revalidateTag() {
    entries.clear();
    missedAt.clear();
    totalBytes = 0;
  }

  resetRequestCache() {}
}

/** @param {string} key */
function forget(key) {
  const e = entries.get(key);
  if (e === undefined) return;
  totalBytes -= e.bytes;
  entries.delete(key);
}
