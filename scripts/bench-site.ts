// Site benchmark: imports content/ into a temporary database with the real CLI, starts the
// production server (`next start`, needs `npm run build` first) on a free loopback port, and with
// a small bounded load generator (N requests per page, C concurrent clients, 127.0.0.1 only)
// measures the median and p95 latency of the home, thread, scenario and search pages and counts
// errors; then measures the JavaScript a thread page ships (every <script src> chunk, gzipped
// with node:zlib). Writes the figures into docs/benchmarks.md between the bench:site markers
// (other sections are kept).
// Run: node --import tsx scripts/bench-site.ts [--requests N] [--clients C]
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runCli, startServer, tempDir } from '../test/e2e/harness';
import { assertLoopback, intArg, percentile, timedGet as timed, writeBenchSection } from './bench-lib';

const START = '<!-- bench:site -->';
const END = '<!-- /bench:site -->';
const REQUESTS_MAX = 100_000;
const CLIENTS_MAX = 200;
const WARMUP_REQUESTS = 20;
const SOLO_REQUESTS = 50;
const THREAD_P95_MS_TARGET = 50;
const SEARCH_P95_MS_TARGET = 30;
const THREAD_JS_KB_TARGET = 150;

const REQUESTS = intArg('--requests', 400, REQUESTS_MAX);
const CLIENTS = intArg('--clients', 20, CLIENTS_MAX);

interface Load {
  name: string;
  path: string;
  /** Median of SOLO_REQUESTS sent one at a time: the page's own cost, without queueing behind other clients. */
  soloMedianMs: number;
  latenciesMs: number[];
  errors: number;
  firstError: string | null;
}

/** `requests` requests to one URL from `clients` clients, each sending its next request when the last one is answered. */
async function load(base: string, name: string, path: string, requests: number, clients: number): Promise<Load> {
  assertLoopback(base);
  const url = base + path;
  for (let i = 0; i < WARMUP_REQUESTS; i += 1) await timed(url);
  const solo: number[] = [];
  for (let i = 0; i < SOLO_REQUESTS; i += 1) solo.push((await timed(url)).ms);
  const out: Load = { name, path, soloMedianMs: percentile(solo.sort((x, y) => x - y), 0.5), latenciesMs: [], errors: 0, firstError: null };
  let issued = 0;
  const client = async (): Promise<void> => {
    while (issued < requests) {
      issued += 1;
      const r = await timed(url);
      out.latenciesMs.push(r.ms);
      if (r.error !== null) {
        out.errors += 1;
        out.firstError ??= r.error;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
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

const tmp = tempDir('threadlab-bench-site-');
const db = join(tmp.dir, 'threadlab.db');
const imported = runCli(['import', 'content'], db);
if (imported.status !== 0) {
  tmp.cleanup();
  throw new Error(`threadlab import content failed:\n${imported.stdout}\n${imported.stderr}`);
}
const load0 = loadavg()[0] ?? 0;
const server = await startServer(db);
let loads: Load[];
let js: Awaited<ReturnType<typeof pageJs>>;
let threadPath: string;
try {
  const threads = ((await (await fetch(server.url + '/api/threads')).json()) as { threads: { rootId: string; messageCount: number }[] }).threads;
  const biggest = [...threads].sort((a, b) => b.messageCount - a.messageCount)[0];
  if (biggest === undefined) throw new Error('no thread was imported');
  threadPath = `/t/${encodeURIComponent(biggest.rootId)}`;
  const pages: Array<[string, string]> = [
    ['home', '/'],
    ['thread', threadPath],
    ['scenario', '/s/write-cache-pages-stop-on-error/unmount-leaks-delalloc?v=v4.19'],
    ['search', '/search?q=write_cache_pages'],
  ];
  loads = [];
  for (const [name, path] of pages) loads.push(await load(server.url, name, path, REQUESTS, CLIENTS));
  js = await pageJs(server.url, threadPath);
} finally {
  await server.stop();
  tmp.cleanup();
}

const target: Record<string, string> = { thread: `p95 < ${THREAD_P95_MS_TARGET} ms`, search: `p95 < ${SEARCH_P95_MS_TARGET} ms` };
const rows = loads.map((l) => {
  const s = [...l.latenciesMs].sort((a, b) => a - b);
  const p95 = percentile(s, 0.95);
  const limit = l.name === 'thread' ? THREAD_P95_MS_TARGET : l.name === 'search' ? SEARCH_P95_MS_TARGET : null;
  const verdict = limit === null ? '' : p95 < limit && l.errors === 0 ? ' (met)' : ' (missed)';
  return `| ${l.name} | \`${l.path.length > 60 ? l.path.slice(0, 57) + '…' : l.path}\` | ${l.soloMedianMs.toFixed(1)} ms | ${s.length} | ${percentile(s, 0.5).toFixed(1)} ms | ${p95.toFixed(1)} ms | ${(s[s.length - 1] ?? Number.NaN).toFixed(1)} ms | ${l.errors}${l.firstError !== null ? ` (${l.firstError})` : ''} | ${(target[l.name] ?? '0 errors') + verdict} |`;
});
const jsKb = js.gzipBytes / 1024;
const section = [
  START,
  '## Site (`node --import tsx scripts/bench-site.ts`)',
  '',
  `The production server (\`next start\`) on the bundled content, ${CLIENTS} concurrent clients on the same machine, ${REQUESTS} requests per page after ${WARMUP_REQUESTS} warm-up requests; latency is until the whole body is read. "median, 1 client" is ${SOLO_REQUESTS} requests sent one at a time first: what one page costs the server, before queueing behind the other clients (the server renders on one thread, so at ${CLIENTS} clients a request waits for about ${CLIENTS} others). The thread page is the largest thread.`,
  '',
  '| page | path | median, 1 client | requests | median | p95 | max | errors | target |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows,
  '',
  `JavaScript shipped to a thread page: ${js.chunks} script chunks, ${(js.rawBytes / 1024).toFixed(1)} KB as served, **${jsKb.toFixed(1)} KB gzipped** (node:zlib, default level); target < ${THREAD_JS_KB_TARGET} KB${jsKb < THREAD_JS_KB_TARGET ? ' (met)' : ' (missed)'}.`,
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; load average ${load0.toFixed(2)} when the benchmark started. The load generator and the server share the machine (and it is shared with other jobs), so these are upper bounds.`,
  END,
].join('\n');
writeBenchSection('site', section);
process.stdout.write(`${rows.join('\n')}\nthread page JS: ${jsKb.toFixed(1)} KB gzipped in ${js.chunks} chunks\n`);
