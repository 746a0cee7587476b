// What the benchmark scripts share: writing their section of docs/benchmarks.md, timing one
// request, percentiles, and the line that says on what machine and under what load a figure was
// taken (the machines are shared, so figures vary and say so).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';

const DOC = resolve(import.meta.dirname, '../docs/benchmarks.md');
const DOC_HEAD = '# Benchmarks\n\nFigures written by the scripts in `scripts/bench-*.ts`; rerun them rather than editing by hand.\n';

/** Replaces the section between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` (markers included in `section`), or appends it. */
export function writeBenchSection(name: string, section: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  if (!section.startsWith(start) || !section.endsWith(end)) throw new Error(`a bench:${name} section must open with ${start} and close with ${end}`);
  const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : DOC_HEAD;
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  writeFileSync(DOC, a >= 0 && b > a ? doc.slice(0, a) + section + doc.slice(b + end.length) : `${doc.trimEnd()}\n\n${section}\n`);
}

// One keep-alive connection per client, as a browser holds one; node:http rather than fetch,
// whose own per-request cost on this 2-core machine is large enough to show in the server's
// latency (the load generator shares the cores with the server).
const agent = new Agent({ keepAlive: true, maxSockets: 256 });
const TIMEOUT_MS = 30_000;

/**
 * One GET, timed until the last byte of the body is read; an error is any status but 200, or no
 * answer in 30 s. `encoding` is sent as Accept-Encoding ("gzip, deflate" is what browsers and
 * fetch ask for); without it the server sends the body as it is, as to curl or a load generator.
 */
export function timedGet(url: string, encoding?: string): Promise<{ ms: number; bytes: number; error: string | null }> {
  const t0 = performance.now();
  return new Promise((resolveGet) => {
    let bytes = 0;
    const done = (error: string | null): void => resolveGet({ ms: performance.now() - t0, bytes, error });
    const req = get(url, { agent, headers: encoding === undefined ? {} : { 'accept-encoding': encoding } }, (res) => {
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => done(res.statusCode === 200 ? null : `HTTP ${res.statusCode ?? '?'}`));
      res.on('error', (err) => done(err.message));
    });
    req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error(`no answer in ${TIMEOUT_MS / 1000} s`)));
    req.on('error', (err) => done(err.message));
  });
}

/** The p-th percentile (0..1) of ascending values, nearest-rank. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

/** Refuses any target but loopback: load is only ever sent to this machine. */
export function assertLoopback(base: string): void {
  const host = new URL(base).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') throw new Error(`the load generator only targets loopback, not ${host}`);
}

/** "Measured <date> on <cores> × <cpu>, Node <v>; load average <x> ..." for a section's last line. */
export function machineLine(loadAtStart: number = loadavg()[0] ?? 0): string {
  return `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; load average ${loadAtStart.toFixed(2)} when the benchmark started (the machine is shared with other jobs, so runs vary).`;
}

/** The whole-number value of `--name N` on the command line, within 1..max, else the default. */
export function intArg(name: string, dflt: number, max: number): number {
  const i = process.argv.indexOf(name);
  const n = i > 0 ? Number(process.argv[i + 1]) : dflt;
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : dflt;
}
