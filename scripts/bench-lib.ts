// What the benchmark scripts share: writing their section of docs/benchmarks.md, timing one
// request, percentiles, and the line that says on what machine and under what load a figure was
// taken (the machines are shared, so figures vary and say so).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

/** One GET, timed until the whole body is read; an error is any status but 200, or no answer in 30 s. */
export async function timedGet(url: string): Promise<{ ms: number; error: string | null }> {
  const t0 = performance.now();
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    await r.arrayBuffer();
    return { ms: performance.now() - t0, error: r.status === 200 ? null : `HTTP ${r.status}` };
  } catch (err) {
    return { ms: performance.now() - t0, error: err instanceof Error ? err.message : String(err) };
  }
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
