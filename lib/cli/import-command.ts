// `threadlab import <files or folders...> [--format F]`: imports archives into the database with
// a progress bar on a terminal (plain lines otherwise), one line per failed file, a summary,
// and exit code 0 only when nothing failed.
import type { Command } from 'commander';
import { ARCHIVE_FORMATS, isArchiveFormat, type ArchiveFormat } from '../archive';
import { importPaths, type ImportProgress, type ImportSummary } from '../importer';
import { dbPath, openStore } from '../store';

/** Registers `import` on the program. */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('import mbox/mboxrd files, .eml files, maildirs, gzip files and scraped archive pages (folders are walked)')
    .argument('<paths...>', 'files or folders')
    .option('--format <format>', `force the input format (${ARCHIVE_FORMATS.join(', ')})`)
    .action(async (paths: string[], opts: { format?: string }) => {
      const format = checkFormat(opts.format);
      const db = openStore(dbPath());
      try {
        const tty = process.stderr.isTTY === true;
        const summary = await importPaths(db, paths, { ...(format === undefined ? {} : { format }), onProgress: tty ? drawBar : printLine() });
        if (tty) process.stderr.write('\r\x1b[K');
        report(summary);
        if (summary.failures.length > 0 || summary.knowledge.some((k) => k.diagnostics.length > 0)) process.exitCode = 1;
      } finally {
        db.close();
      }
    });
}

/** Validates --format; an unknown name is a usage error listing the known ones. */
export function checkFormat(format: string | undefined): ArchiveFormat | undefined {
  if (format === undefined) return undefined;
  if (!isArchiveFormat(format)) throw new Error(`unknown format "${format}"; known formats: ${ARCHIVE_FORMATS.join(', ')}`);
  return format;
}

const BAR_WIDTH = 30;

function drawBar(p: ImportProgress): void {
  const frac = p.bytesTotal > 0 ? Math.min(1, p.bytesDone / p.bytesTotal) : 1;
  const full = Math.round(frac * BAR_WIDTH);
  const bar = '#'.repeat(full) + '-'.repeat(BAR_WIDTH - full);
  const name = p.file.length > 40 ? `…${p.file.slice(-39)}` : p.file;
  process.stderr.write(`\r\x1b[K[${bar}] ${(frac * 100).toFixed(0).padStart(3)}%  file ${Math.min(p.fileIndex + 1, p.fileCount)}/${p.fileCount}  ${p.messages} messages  ${name}`);
}

/** Off a terminal: one line per file read (a failed one is reported after the run), nothing per message. */
function printLine(): (p: ImportProgress) => void {
  let lastIndex = -1;
  return (p) => {
    if (p.fileIndex === lastIndex || p.fileIndex === 0) return;
    lastIndex = p.fileIndex;
    process.stderr.write(`read ${p.fileIndex}/${p.fileCount}: ${p.file} (${p.messages} messages so far)\n`);
  };
}

function report(s: ImportSummary): void {
  for (const f of s.failures) process.stderr.write(`threadlab: failed: ${f.path}: ${f.reason}\n`);
  for (const k of s.knowledge) for (const d of k.diagnostics) process.stderr.write(`threadlab: ${d}\n`);
  const secs = s.elapsedMs / 1000;
  process.stdout.write(
    `files: ${s.files} (${s.filesSkipped} unchanged, ${s.failures.length} failed)\n` +
      `messages: ${s.messagesNew} new, ${s.messagesKnown} already known, ${s.derivedNew} rebuilt from quotes\n` +
      `failed files: ${s.failures.length}\n` +
      `threads: ${s.threads} (${s.ghosts} ghost messages)\n` +
      `elapsed: ${secs.toFixed(2)} s${secs > 0 ? ` (${Math.round((s.messagesNew + s.messagesKnown) / secs)} messages/s)` : ''}\n`,
  );
  for (const k of s.knowledge) {
    process.stdout.write(
      `knowledge base ${k.folder}: ${k.threads} threads, ${k.claims} claims, ${k.scenarios} scenarios, ${k.invariants} invariants, ${k.subsystems} subsystems` +
        `${k.changed ? '' : ' (unchanged)'}${k.diagnostics.length > 0 ? `, ${k.diagnostics.length} problems` : ''}\n`,
    );
  }
}
