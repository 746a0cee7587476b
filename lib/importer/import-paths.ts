// Imports files into the store: one transaction per file (a failure leaves nothing behind),
// skipping files already imported with the same content, then rebuilding the thread forest
// once. Per-message trouble is a diagnostic; a file fails only when it cannot be read as mail.
// A content folder given on the command line also loads its knowledge base, after the threads.
import { createReadStream, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { FileWriter, rebuildThreads, threadsStale, type Db } from '../store';
import type { ArchiveFormat } from '../archive';
import { parseSource, SourceError } from './parse-source';
import { startParseInWorker, type WorkerParse } from './parse-in-worker';
import { walkInputs } from './walk-inputs';
import { sidecarFor } from './sidecar';
import { isKnowledgeFolder, loadKnowledge, type KnowledgeLoad } from './load-knowledge';

/** One failed file (or path): what and why, in one line. */
export interface ImportFailure {
  path: string;
  reason: string;
}

/** What an import did. */
export interface ImportSummary {
  files: number;
  filesSkipped: number;
  messagesNew: number;
  messagesKnown: number;
  /** Messages rebuilt from the quotes of pages (not counted in messagesNew/messagesKnown). */
  derivedNew: number;
  failures: ImportFailure[];
  threads: number;
  ghosts: number;
  elapsedMs: number;
  bytes: number;
  /** One entry per content folder among the paths (annotations, scenarios, catalogues loaded). */
  knowledge: KnowledgeLoad[];
}

/** Progress after each file (and every few hundred messages inside a big one). */
export interface ImportProgress {
  file: string;
  fileIndex: number;
  fileCount: number;
  bytesDone: number;
  bytesTotal: number;
  messages: number;
}

/** Options of importPaths. */
export interface ImportOptions {
  format?: ArchiveFormat;
  onProgress?: (p: ImportProgress) => void;
  /** Paths are stored relative to this folder (default: the working directory). */
  root?: string;
  /** The clock, injectable so tests are reproducible. */
  now?: () => Date;
  /** Parse big files in a worker thread (default true); false keeps everything on one thread. */
  worker?: boolean;
}

// Below this size a worker's start-up (loading the parser in a fresh thread) costs more than it saves.
const WORKER_BYTES_MIN = 4 * 1024 * 1024;

async function sha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(chunk as Uint8Array);
  return h.digest('hex');
}

/** Imports every file under `paths` into `db`. */
export async function importPaths(db: Db, paths: readonly string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  const root = options.root ?? process.cwd();
  const { files, missing } = walkInputs(paths);
  const summary: ImportSummary = { files: files.length, filesSkipped: 0, messagesNew: 0, messagesKnown: 0, derivedNew: 0, failures: missing.map((p) => ({ path: p, reason: 'no such file or folder' })), threads: 0, ghosts: 0, elapsedMs: 0, bytes: 0, knowledge: [] };
  const sizes = files.map((f) => {
    try {
      return statSync(f.path).size;
    } catch {
      return 0;
    }
  });
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  let bytesDone = 0;
  let changedAny = false;
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const size = sizes[i] ?? 0;
    const shown = relative(root, file.path) || file.path;
    const writer = new FileWriter(db);
    let messages = 0;
    let ordinalAt = '';
    // Big files start parsing in a worker before the hash is known, so both run at once.
    let early: WorkerParse | null = size >= WORKER_BYTES_MIN && options.worker !== false ? startParseInWorker(file.path, options.format === undefined ? {} : { format: options.format }) : null;
    try {
      const outcome = writer.begin({ path: shown, sha256: await sha256(file.path), bytes: size, format: 'pending', origin: sidecarFor(file.path)?.origin ?? null, importedAt: (options.now ?? (() => new Date()))().toISOString() });
      if (!outcome.changed) {
        if (early !== null) await early.stop();
        early = null;
        summary.filesSkipped++;
        summary.messagesKnown += (db.prepare("SELECT count(DISTINCT message_id) AS n FROM message_sources WHERE source_id = ? AND format <> 'derived'").get(outcome.sourceId) as { n: number } | undefined)?.n ?? 0;
      } else {
        let format = '';
        const copies = early !== null ? early.copies : parseSource(file.path, options.format === undefined ? {} : { format: options.format });
        early = null;
        for await (const copy of copies) {
          ordinalAt = ` (message ${copy.ordinal + 1}, line ${copy.line ?? '?'})`;
          format = copy.format;
          const result = writer.add(copy);
          if (copy.message.derived) summary.derivedNew += result === 'new' ? 1 : 0;
          else if (result === 'new') summary.messagesNew++;
          else summary.messagesKnown++;
          messages++;
          if (messages % 500 === 0) options.onProgress?.({ file: shown, fileIndex: i, fileCount: files.length, bytesDone: bytesDone + Math.min(size, copy.byteOffset ?? 0), bytesTotal, messages: summary.messagesNew + summary.messagesKnown });
        }
        db.prepare('UPDATE sources SET format = ? WHERE id = ?').run(file.maildir ? `maildir:${format}` : format, writer.sourceId);
        writer.commit();
        changedAny = true;
      }
    } catch (err) {
      writer.rollback();
      if (early !== null) await early.stop();
      const why = err instanceof SourceError ? err.message : `${err instanceof Error ? err.message : String(err)}${ordinalAt}`;
      summary.failures.push({ path: shown, reason: why.split('\n')[0] ?? why });
    }
    bytesDone += size;
    summary.bytes += size;
    options.onProgress?.({ file: shown, fileIndex: i + 1, fileCount: files.length, bytesDone, bytesTotal, messages: summary.messagesNew + summary.messagesKnown });
  }
  const total = db.prepare('SELECT count(*) AS n FROM threads').get() as { n: number };
  if (changedAny || total.n === 0 || threadsStale(db)) {
    const stats = rebuildThreads(db);
    summary.threads = stats.threads;
    summary.ghosts = stats.ghosts;
  } else {
    summary.threads = total.n;
    summary.ghosts = (db.prepare('SELECT coalesce(sum(ghost_count), 0) AS n FROM threads').get() as { n: number }).n;
  }
  // After the rebuild, so that each content thread's root Message-ID is known.
  for (const p of paths) {
    if (!isKnowledgeFolder(p)) continue;
    try {
      summary.knowledge.push(loadKnowledge(db, p));
    } catch (err) {
      summary.failures.push({ path: p, reason: `knowledge base not loaded: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}` });
    }
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}
