// Site benchmark: imports content/ into a temporary database with the real CLI, starts the
// production server (`next start`, needs `npm run build` first) on a free loopback port, and with
// a small bounded load generator (C concurrent keep-alive clients, 127.0.0.1 only) measures the
// home, thread, scenario and search pages: what the first render of each address costs (the
// rendered-page cache is empty after an import), the median with one client, and the median and
// p95 with C clients, both for a client that asks for no compression (curl, b4, load generators)
// and for one that asks for gzip (browsers), counting errors. Each kind rotates over several
// addresses (every thread; a dozen searches), so no single cached page stands for the kind. Then
// it measures the JavaScript a thread page ships (every <script src> chunk, gzipped with
// node:zlib). Writes the figures into docs/benchmarks.md between the bench:site markers (other
// sections are kept).
// Run: node --import tsx scripts/bench-site.ts [--requests N] [--clients C]
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runCli, startServer, tempDir } from '../test/e2e/harness';
import { assertLoopback, intArg, machineLine, percentile, timedGet, writeBenchSection } from './bench-lib';

const START = '<!-- bench:site -->';
const END = '<!-- /bench:site -->';
const REQUESTS_MAX = 100_000;
const CLIENTS_MAX = 200;
// Enough for the JIT to settle, so the figures are the server's steady state; the first render is reported apart.
const WARMUP_REQUESTS = 300;
const SOLO_REQUESTS = 50;
const THREAD_P95_MS_TARGET = 50;
const SEARCH_P95_MS_TARGET = 30;
const THREAD_JS_KB_TARGET = 150;
const GZIP = 'gzip, deflate';

// 2,000 samples per row, so that a p95 rests on 100 of them.
const REQUESTS = intArg('--requests', 2000, REQUESTS_MAX);
const CLIENTS = intArg('--clients', 20, CLIENTS_MAX);

// What reviewers search for: functions, invariants, subsystems, people, phrases, own and quoted words.
const QUERIES = [
  'write_cache_pages',
  'inv:no-delalloc-at-reclaim',
  'sub:iomap',
  'f:chinner',
  '"page cache"',
  'errseq',
  'shrinker page_done',
  'iomap_dio_rw',
  'nq:fsync q:writeback',
  'verdict:always',
  'filemap_write_and_wait_range',
  'sub:errseq EIO',
];

interface Kind {
  name: string;
  paths: string[];
  target: number | null;
}

interface Run {
  latenciesMs: number[];
  bytes: number;
  errors: number;
  firstError: string | null;
}

/** `requests` requests from `clients` clients, each sending its next request when the last one is answered, rotating over `paths`. */
async function load(base: string, paths: readonly string[], requests: number, clients: number, encoding?: string): Promise<Run> {
  const out: Run = { latenciesMs: [], bytes: 0, errors: 0, firstError: null };
  let issued = 0;
  const client = async (): Promise<void> => {
    while (issued < requests) {
      const path = paths[issued % paths.length]!;
      issued += 1;
      const r = await timedGet(base + path, encoding);
      out.latenciesMs.push(r.ms);
      out.bytes += r.bytes;
      if (r.error !== null) {
        out.errors += 1;
        out.firstError ??= `${r.error} ${path}`;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  out.latenciesMs.sort((a, b) => a - b);
  return out;
}

/** The JavaScript a page loads: each distinct <script src>, its size as served and gzipped (node:zlib, default level). */
async function pageJs(base: string, path: string): Promise<{ chunks: number; rawBytes: number; gzipBytes: number }> {
  const html = await (await fetch(base + path)).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')))];
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const src of srcs) {
    const r = await fetch(new URL(src, base));
    if (r.status !== 200) throw new Error(`${src}: HTTP ${r.status}`);
    const body = Buffer.from(await r.arrayBuffer());
    rawBytes += body.length;
    gzipBytes += gzipSync(body).length;
  }
  return { chunks: srcs.length, rawBytes, gzipBytes };
}

const ms = (x: number): string => `${x.toFixed(1)} ms`;

const tmp = tempDir('threadlab-bench-site-');
const db = join(tmp.dir, 'threadlab.db');
const imported = runCli(['import', 'content'], db);
if (imported.status !== 0) {
  tmp.cleanup();
  throw new Error(`threadlab import content failed:\n${imported.stdout}\n${imported.stderr}`);
}
const load0 = loadavg()[0] ?? 0;
const server = await startServer(db);
assertLoopback(server.url);
const rows: string[] = [];
const verdicts: string[] = [];
let js: Awaited<ReturnType<typeof pageJs>>;
try {
  const threads = ((await (await fetch(server.url + '/api/threads')).json()) as { threads: { rootId: string; messageCount: number }[] }).threads;
  if (threads.length === 0) throw new Error('no thread was imported');
  const threadPaths = [...threads].sort((a, b) => b.messageCount - a.messageCount).map((t) => `/t/${encodeURIComponent(t.rootId)}`);
  const kinds: Kind[] = [
    { name: 'home', paths: ['/'], target: null },
    { name: 'thread', paths: threadPaths, target: THREAD_P95_MS_TARGET },
    { name: 'scenario', paths: ['/s/write-cache-pages-stop-on-error/unmount-leaks-delalloc?v=v4.19', '/s/write-cache-pages-stop-on-error/unmount-leaks-delalloc?v=landed-3fa750dcf29e'], target: null },
    { name: 'search', paths: QUERIES.map((q) => `/search?q=${encodeURIComponent(q)}`), target: SEARCH_P95_MS_TARGET },
  ];
  for (const kind of kinds) {
    // The first request of each address, one at a time, before anything else asks for it.
    const first: number[] = [];
    for (const p of kind.paths) {
      const r = await timedGet(server.url + p);
      if (r.error !== null) throw new Error(`${p}: ${r.error}`);
      first.push(r.ms);
    }
    first.sort((a, b) => a - b);
    await load(server.url, kind.paths, WARMUP_REQUESTS, CLIENTS);
    const solo = await load(server.url, kind.paths, SOLO_REQUESTS, 1);
    for (const encoding of [undefined, GZIP]) {
      const run = await load(server.url, kind.paths, REQUESTS, CLIENTS, encoding);
      const s = run.latenciesMs;
      const p95 = percentile(s, 0.95);
      const met = kind.target === null ? null : p95 < kind.target && run.errors === 0;
      if (met !== null) verdicts.push(`${kind.name}${encoding === undefined ? '' : ' (gzip)'} p95 ${ms(p95)}: ${met ? 'met' : 'missed'}`);
      rows.push(
        `| ${kind.name} | ${kind.paths.length} | ${encoding === undefined ? 'none' : 'gzip'} | ${Math.round(run.bytes / s.length / 1024)} KB | ${ms(percentile(first, 0.5))} | ${ms(percentile(solo.latenciesMs, 0.5))} | ${s.length} | ${ms(percentile(s, 0.5))} | **${ms(p95)}** | ${ms(s[s.length - 1] ?? Number.NaN)} | ${run.errors}${run.firstError !== null ? ` (${run.firstError})` : ''} | ${kind.target === null ? '0 errors' : `p95 < ${kind.target} ms${met ? ' (met)' : ' (missed)'}`} |`,
      );
    }
  }
  js = await pageJs(server.url, threadPaths[0]!);
} finally {
  await server.stop();
  tmp.cleanup();
}

const jsKb = js.gzipBytes / 1024;
const section = [
  START,
  '## Site (`npm run bench:site`)',
  '',
  `The production server (\`next start\`) on the bundled content; ${CLIENTS} concurrent keep-alive clients on the same machine (node:http, 127.0.0.1), each sending its next request when the last is answered; latency is until the last byte of the body. Each kind rotates over its addresses: every thread (largest first), two variants of a scenario, ${QUERIES.length} searches (\`${QUERIES.join('`, `')}\`). Thread and search pages are kept by the rendered-page cache (lib/site) until an import changes the database: "first render" is the first request of each address after an import (median over the addresses), "1 client" the median of ${SOLO_REQUESTS} requests sent one at a time after ${WARMUP_REQUESTS} warm-up requests from ${CLIENTS} clients, then ${REQUESTS} requests with ${CLIENTS} clients, once asking for no compression (curl, b4) and once for gzip (browsers; the server compresses each response anew).`,
  '',
  '| page | addresses | encoding | body | first render | 1 client | requests | median | p95 | max | errors | target |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows,
  '',
  `JavaScript shipped to a thread page: ${js.chunks} script chunks, ${(js.rawBytes / 1024).toFixed(1)} KB as served, **${jsKb.toFixed(1)} KB gzipped** (node:zlib, default level); target < ${THREAD_JS_KB_TARGET} KB${jsKb < THREAD_JS_KB_TARGET ? ' (met)' : ' (missed)'}.`,
  '',
  machineLine(load0),
  END,
].join('\n');
writeBenchSection('site', section);
process.stdout.write(`${rows.join('\n')}\n${verdicts.join('\n')}\nthread page JS: ${jsKb.toFixed(1)} KB gzipped in ${js.chunks} chunks\n`);
