// The rendered-page cache keeps an entry only while the store version it was stamped with is
// current, stamps a render with the version of the miss that started it, evicts the least
// recently used entries past its byte budget and refuses entries larger than a quarter of it.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';

interface CacheHandler {
  get(key: string): Promise<{ lastModified: number; value: unknown } | null>;
  set(key: string, value: unknown): Promise<void>;
  revalidateTag(): Promise<void>;
}
// A plain-JavaScript module (Next.js loads it at run time), so it is imported without types.
const { default: PageCache } = (await import(String(new URL('./page-cache.mjs', import.meta.url)))) as { default: new (ctx: object) => CacheHandler };

const HOOK = Symbol.for('threadlab.storeVersion');
const g = globalThis as unknown as Record<symbol, unknown>;
let version = '1:1';

beforeEach(async () => {
  version = '1:1';
  g[HOOK] = () => version;
  delete process.env.THREADLAB_PAGE_CACHE_MB;
  await new PageCache({}).revalidateTag();
});

const page = (html: string) => ({ kind: 'APP_PAGE', html, rscData: Buffer.from('rsc'), headers: {}, status: 200 });

test('a rendered page is served until the store version moves, then missed once and rendered again', async () => {
  const cache = new PageCache({});
  assert.equal(await cache.get('/t/a'), null);
  await cache.set('/t/a', page('<p>a</p>'));
  assert.deepEqual((await cache.get('/t/a'))?.value, page('<p>a</p>'));
  version = '1:2';
  assert.equal(await cache.get('/t/a'), null);
  await cache.set('/t/a', page('<p>a2</p>'));
  assert.deepEqual((await cache.get('/t/a'))?.value, page('<p>a2</p>'));
});

test('a render that began before an import committed is stamped with the older version and not served after it', async () => {
  const cache = new PageCache({});
  assert.equal(await cache.get('/t/race'), null); // the miss at 1:1 starts a render
  version = '1:2'; // an import commits while the page renders
  await cache.set('/t/race', page('<p>from before the import</p>'));
  assert.equal(await cache.get('/t/race'), null);
});

test('before the store is opened entries are stamped "unopened" and dropped once it is', async () => {
  delete g[HOOK];
  const cache = new PageCache({});
  assert.equal(await cache.get('/playground'), null);
  await cache.set('/playground', page('<p>p</p>'));
  assert.notEqual(await cache.get('/playground'), null);
  g[HOOK] = () => version;
  assert.equal(await cache.get('/playground'), null);
});

test('past the byte budget the least recently used entries go; an entry over a quarter of it is not kept', async () => {
  process.env.THREADLAB_PAGE_CACHE_MB = '1';
  const cache = new PageCache({});
  const kb240 = 'x'.repeat(240 * 1024);
  for (const k of ['/a', '/b', '/c', '/d']) {
    await cache.get(k);
    await cache.set(k, page(kb240));
  }
  assert.notEqual(await cache.get('/a'), null); // read: now the most recently used
  await cache.get('/e');
  await cache.set('/e', page(kb240)); // 5 x 240 KB > 1 MB: the least recently used (/b) goes
  assert.equal(await cache.get('/b'), null);
  for (const k of ['/a', '/c', '/d', '/e']) assert.notEqual(await cache.get(k), null, k);
  await cache.get('/big');
  await cache.set('/big', page('y'.repeat(256 * 1024 + 1)));
  assert.equal(await cache.get('/big'), null);
});

test('a null value (a render that produced nothing to keep) removes the entry', async () => {
  const cache = new PageCache({});
  await cache.set('/gone', page('<p>x</p>'));
  assert.notEqual(await cache.get('/gone'), null);
  await cache.set('/gone', null);
  assert.equal(await cache.get('/gone'), null);
});
