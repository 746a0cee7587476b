// Proves the rendered-page cache against the real production server and the real CLI: thread and
// search pages are rendered once and then served from the cache, and an import into the served
// database (another process) makes the next request render the new data: a thread gains the
// message that was missing, a search finds the word that arrived. A query that cannot be put in
// a path is answered by the uncached /search page with the same results.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, startServer, tempDir, type RunningServer } from './harness';

const tmp = tempDir('threadlab-e2e-page-cache-');
const db = join(tmp.dir, 'threadlab.db');
let server: RunningServer;

function mail(id: string, parents: string[], date: string, body: string): string {
  return [
    'From probe@example.org Mon Jan  1 00:00:00 2024',
    'From: Probe Person <probe@example.org>',
    'Subject: page cache probe',
    `Date: ${date}`,
    `Message-ID: <${id}>`,
    ...(parents.length > 0 ? [`In-Reply-To: <${parents[parents.length - 1]}>`, `References: ${parents.map((p) => `<${p}>`).join(' ')}`] : []),
    '',
    body,
    '',
  ].join('\n');
}

async function get(path: string): Promise<{ status: number; cache: string | null; body: string }> {
  const r = await fetch(server.url + path);
  return { status: r.status, cache: r.headers.get('x-nextjs-cache'), body: await r.text() };
}

before(async () => {
  const first = join(tmp.dir, 'first.mbox');
  writeFileSync(first, mail('p1@cache.test', [], 'Mon, 1 Jan 2024 10:00:00 +0000', 'The root of the probe thread.') + mail('p3@cache.test', ['p1@cache.test', 'p2@cache.test'], 'Mon, 1 Jan 2024 12:00:00 +0000', 'A reply to a message this archive lacks.'));
  const imported = runCli(['import', first], db);
  assert.equal(imported.status, 0, imported.stderr);
  server = await startServer(db);
});

after(async () => {
  await server?.stop();
  tmp.cleanup();
});

test('thread and search pages are cached until an import changes the database', async () => {
  const thread = '/t/' + encodeURIComponent('p1@cache.test');
  const search = '/search?q=zebrafinch';

  const t1 = await get(thread);
  assert.equal(t1.status, 200);
  assert.equal(t1.cache, 'MISS');
  assert.match(t1.body, /not in the archive/);
  const t2 = await get(thread);
  assert.equal(t2.cache, 'HIT');
  assert.equal(t2.body, t1.body);

  await get(search);
  const s2 = await get(search);
  assert.equal(s2.cache, 'HIT');
  assert.match(s2.body, /No message matches\./);

  // The missing message arrives through the CLI while the server runs.
  const second = join(tmp.dir, 'second.mbox');
  writeFileSync(second, mail('p2@cache.test', ['p1@cache.test'], 'Mon, 1 Jan 2024 11:00:00 +0000', 'The zebrafinch message that was missing.'));
  const imported = runCli(['import', second], db);
  assert.equal(imported.status, 0, imported.stderr);

  const t3 = await get(thread);
  assert.equal(t3.status, 200);
  assert.equal(t3.cache, 'MISS');
  assert.doesNotMatch(t3.body, /not in the archive/);
  assert.match(t3.body, /The zebrafinch message that was missing\./);
  assert.equal((await get(thread)).cache, 'HIT');

  const s3 = await get(search);
  assert.equal(s3.cache, 'MISS');
  assert.doesNotMatch(s3.body, /No message matches\./);
  assert.match(s3.body, /<mark>zebrafinch<\/mark>/);

  // "/" cannot travel in the cached page's path: the uncached page answers, with the same hit.
  const slash = await get('/search?q=' + encodeURIComponent('zebrafinch OR mm/filemap.c'));
  assert.equal(slash.status, 200);
  assert.equal(slash.cache, null);
  assert.match(slash.body, /<mark>zebrafinch<\/mark>/);
  assert.match(slash.body, /value="zebrafinch OR mm\/filemap.c"/);
});

test('pages kept by the server tell shared caches to ask again (no year-long s-maxage)', async () => {
  for (const path of ['/t/' + encodeURIComponent('p1@cache.test'), '/search?q=probe']) {
    const r = await fetch(server.url + path);
    await r.arrayBuffer();
    assert.equal(r.headers.get('cache-control'), 'no-cache', path);
  }
});
