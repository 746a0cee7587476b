// Proves malformed input never becomes a server error: 2,400 generated search queries (FTS5
// syntax, quotes, unbalanced parentheses, prefixes with bad values, control and RTL characters,
// very long strings) and page addresses (unknown ids, path traversal, broken percent-encoding)
// sent to the production server all get an answer below 500. The generator is seeded, so a
// failure names the exact request to replay.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, startServer, tempDir, type RunningServer } from '../e2e/harness';

const tmp = tempDir('threadlab-fuzz-');
let server: RunningServer;

before(async () => {
  const db = join(tmp.dir, 'threadlab.db');
  const r = runCli(['import', 'content'], db);
  assert.equal(r.status, 0, r.stderr);
  server = await startServer(db);
});

after(async () => {
  await server?.stop();
  tmp.cleanup();
});

/** xorshift32: a tiny seeded generator, so every run sends the same requests. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

const PIECES = [
  '"', '""', '(', ')', '((', '))', '*', '^', '-', '+', ':', 'NEAR(', 'NEAR/3', 'AND', 'OR', 'NOT', 'and', '{', '}', '[', ']',
  's:', 'f:', 'b:', 'nq:', 'q:', 'd:', 'd:2018-13-45..', 'd:..', 'd:2018-10-01..2018-12-01', 'inv:', 'sub:', 'zz:', 'claim:',
  'write_cache_pages', 'PG_dirty', 'xfs', 'fsync', "'", '\\', '%', '%%', '\u0000', '\u202e', '\u200b', '🙂', 'é', '\t', '\n',
  '<script>', '&amp;', '/*', '*/', ';', 'DROP TABLE messages', 'x'.repeat(300), '漢字', 'rowid', 'messages_fts', '@', '#',
];

function query(next: () => number): string {
  const n = 1 + Math.floor(next() * 8);
  let q = '';
  for (let i = 0; i < n; i += 1) q += PIECES[Math.floor(next() * PIECES.length)]! + (next() < 0.6 ? ' ' : '');
  if (next() < 0.03) q = q.repeat(60);
  return q;
}

const PATHS = ['/t/', '/m/', '/s/', '/s/write-cache-pages-stop-on-error/', '/api/scenarios/', '/inv/', '/sub/'];
const SEGMENTS = [
  '..', '..%2F..%2Fetc%2Fpasswd', '%2e%2e', '%2e%2e%2f%2e%2e%2fetc', '%00', '%E0%A4%A', '%', 'a'.repeat(2000), '<script>', '%3Cscript%3E',
  'no-such@example.org', '0000000000000000', 'ffffffffffffffff', 'derived.0@threadlab', '..;', '.', '~', 'raw', 'a/b/c/d', '%252e%252e',
];

function path(next: () => number): string {
  const base = PATHS[Math.floor(next() * PATHS.length)]!;
  let p = base + SEGMENTS[Math.floor(next() * SEGMENTS.length)]!;
  if (next() < 0.4) p += '/' + SEGMENTS[Math.floor(next() * SEGMENTS.length)]!;
  if (next() < 0.2) p += '/raw';
  if (next() < 0.1) p += '.mbox';
  if (next() < 0.2) p += `?v=${SEGMENTS[Math.floor(next() * SEGMENTS.length)]!}&step=${Math.floor(next() * 1e6) - 5}`;
  return p;
}

async function status(url: string): Promise<number> {
  const r = await fetch(url, { redirect: 'manual' });
  await r.arrayBuffer();
  return r.status;
}

test('2,400 malformed queries and addresses: no answer is a 5xx', async (t) => {
  const seed = 20261122;
  const next = rng(seed);
  const bad: string[] = [];
  const byStatus = new Map<number, number>();
  const requests: string[] = [];
  for (let i = 0; i < 1600; i += 1) requests.push('/search?q=' + encodeURIComponent(query(next)));
  for (let i = 0; i < 800; i += 1) requests.push(path(next));
  // Eight at a time: the point is malformed input, not load.
  for (let i = 0; i < requests.length; i += 8) {
    const batch = requests.slice(i, i + 8);
    const codes = await Promise.all(batch.map((p) => status(server.url + p)));
    codes.forEach((c, j) => {
      byStatus.set(c, (byStatus.get(c) ?? 0) + 1);
      if (c >= 500) bad.push(`${c} ${batch[j]!.slice(0, 200)}`);
    });
  }
  t.diagnostic(`statuses: ${JSON.stringify(Object.fromEntries([...byStatus].sort((a, b) => a[0] - b[0])))}`);
  assert.deepEqual(bad, [], `seed ${seed}`);
  assert.equal([...byStatus.values()].reduce((a, b) => a + b, 0), 2400);
  // Every search is answered on the page (200), whatever the query.
  assert.ok((byStatus.get(200) ?? 0) >= 1600, JSON.stringify(Object.fromEntries(byStatus)));
});
