// Import benchmark: imports the 47 MB linux-xfs 2024Q1 mbox (5,040 messages) into a fresh
// temporary database with quote trees and FTS5, and writes messages/s, MB/s and peak RSS into
// docs/benchmarks.md between the bench:import markers (other sections are kept).
// Run: node --import tsx scripts/bench-import.ts
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { openStore } from '../lib/store';
import { importPaths } from '../lib/importer';

const FILE = resolve('../shared/corpus/mbox/lists/linux-xfs-2024Q1.mbox');
const DOC = resolve('docs/benchmarks.md');
const START = '<!-- bench:import -->';
const END = '<!-- /bench:import -->';

const dir = mkdtempSync(join(tmpdir(), 'threadlab-bench-'));
const dbFile = join(dir, 'bench.sqlite');
try {
  const db = openStore(dbFile);
  const bytes = statSync(FILE).size;
  const t0 = performance.now();
  const s = await importPaths(db, [FILE]);
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  if (s.failures.length > 0) throw new Error(`benchmark import failed: ${s.failures.map((f) => f.reason).join('; ')}`);
  const messages = s.messagesNew + s.messagesKnown;
  // ru_maxrss is the peak resident set of the whole process (kilobytes on Linux).
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const dbMb = statSync(dbFile).size / 1e6;
  const row = {
    messagesPerS: Math.round(messages / seconds),
    mbPerS: (bytes / 1e6 / seconds).toFixed(1),
    peakMb: Math.round(peakMb),
  };
  const section = [
    START,
    '## Import (`node --import tsx scripts/bench-import.ts`)',
    '',
    `Input: \`../shared/corpus/mbox/lists/linux-xfs-2024Q1.mbox\` (${(bytes / 1e6).toFixed(1)} MB, ${messages} messages, ${s.threads} threads, ${s.ghosts} ghosts), fresh database, quote trees + FTS5, one transaction.`,
    '',
    '| messages/s | MB/s | peak RSS | elapsed | database size | target |',
    '|---|---|---|---|---|---|',
    `| ${row.messagesPerS} | ${row.mbPerS} | ${row.peakMb} MB | ${seconds.toFixed(2)} s | ${dbMb.toFixed(0)} MB | >= 3,000 messages/s, < 500 MB RSS |`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version} (machine shared with other jobs).`,
    END,
  ].join('\n');
  let doc = '';
  try {
    doc = readFileSync(DOC, 'utf8');
  } catch {
    doc = '# Benchmarks\n\nFigures written by the scripts in `scripts/bench-*.ts`; rerun them rather than editing by hand.\n\n';
  }
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  doc = a >= 0 && b > a ? doc.slice(0, a) + section + doc.slice(b + END.length) : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(DOC, doc);
  process.stdout.write(`${messages} messages in ${seconds.toFixed(2)} s: ${row.messagesPerS} messages/s, ${row.mbPerS} MB/s, peak RSS ${row.peakMb} MB\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
