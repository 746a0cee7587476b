// Load benchmark: 50 concurrent clients on a mix of pages (home, every thread, scenario pages under
// several variants, searches, invariant and subsystem pages, permalinks and raw text) for 60 s
// against the production server on the bundled content, counting every non-200 answer. Writes the
// figures into docs/benchmarks.md between the bench:load markers.
// Run: node --import tsx scripts/bench-load.ts [--clients N] [--seconds S]   (needs `npm run build`)
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { getThread, listScenarioEntries, listThreads, openStore } from '../lib/store';
import { runCli, startServer, tempDir } from '../test/e2e/harness';
import { assertLoopback, intArg, machineLine, percentile, timedGet, writeBenchSection } from './bench-lib';

const CLIENTS_MAX = 200;
const SECONDS_MAX = 600;

const CLIENTS = intArg('--clients', 50, CLIENTS_MAX);
const SECONDS = intArg('--seconds', 60, SECONDS_MAX);

const tmp = tempDir('threadlab-bench-load-');
const db = join(tmp.dir, 'threadlab.db');
const imported = runCli(['import', 'content'], db);
if (imported.status !== 0) throw new Error(`import failed: ${imported.stderr}`);

// The mix: every thread and message permalink, every scenario under its first two variants, searches.
const store = openStore(db, { readonly: true });
const paths: string[] = ['/', '/inv', '/sub', '/inv/no-delalloc-at-reclaim', '/sub/iomap', '/search?q=write_cache_pages', '/search?q=' + encodeURIComponent('f:chinner nq:generic'), '/search?q=' + encodeURIComponent('"page cache" d:2020-01-01..2021-01-01')];
for (const t of listThreads(store)) {
  paths.push(`/t/${encodeURIComponent(t.rootId)}`);
  const tree = getThread(store, t.rootId);
  const stack = tree === null ? [] : [tree.root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    stack.push(...n.children);
    if (n.message !== null && !n.message.derived) paths.push(`/m/${encodeURIComponent(n.messageId)}/raw`);
  }
}
store.close();
for (const e of listScenarioEntries()) {
  for (const v of Object.keys(e.scenario.expect).slice(0, 2)) paths.push(`/s/${e.scenario.thread}/${e.scenario.id}?v=${encodeURIComponent(v)}`);
}

const load0 = loadavg()[0] ?? 0;
const server = await startServer(db);
assertLoopback(server.url);
const latencies: number[] = [];
const errors = new Map<string, number>();
let next = 0;
const deadline = performance.now() + SECONDS * 1000;
try {
  const client = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const p = paths[next % paths.length]!;
      next += 1;
      const r = await timedGet(server.url + p);
      latencies.push(r.ms);
      if (r.error !== null) errors.set(`${r.error} ${p}`, (errors.get(`${r.error} ${p}`) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
} finally {
  await server.stop();
  tmp.cleanup();
}

const sorted = latencies.slice().sort((a, b) => a - b);
const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
const ms = (x: number) => `${x.toFixed(1)} ms`;
const section = [
  '<!-- bench:load -->',
  `## Load (\`npm run bench:load\`)`,
  '',
  `${CLIENTS} concurrent clients for ${SECONDS} s on a mix of ${paths.length} addresses (home, every thread, raw messages, every scenario under two variants, searches, invariant and subsystem pages), production server, bundled content.`,
  '',
  '| requests | requests/s | errors | median | p95 | p99 | max |',
  '|---|---|---|---|---|---|---|',
  `| ${latencies.length} | ${(latencies.length / SECONDS).toFixed(1)} | ${errorCount} | ${ms(percentile(sorted, 0.5))} | ${ms(percentile(sorted, 0.95))} | ${ms(percentile(sorted, 0.99))} | ${ms(sorted[sorted.length - 1] ?? Number.NaN)} |`,
  '',
  errorCount === 0 ? 'Target: zero errors — met.' : `Target: zero errors — NOT met: ${[...errors].slice(0, 5).map(([k, n]) => `${n} × ${k}`).join('; ')}.`,
  '',
  machineLine(load0),
  '<!-- /bench:load -->',
].join('\n');
writeBenchSection('load', section);
process.stdout.write(`${section}\n`);
if (errorCount > 0) process.exitCode = 1;
