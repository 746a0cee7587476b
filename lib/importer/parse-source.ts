// The one pipeline from a file to messages, shared by `threadlab import` and `threadlab parse`:
// detect the format, stream mbox files through the splitter (never holding 47 MB at once),
// decode each mail, parse its quote tree, and yield one copy at a time.
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { detectFormat, isMailFormat, MboxSplitter, readPage, type ArchiveFormat, type Detection, type MboxMessage } from '../archive';
import { decodeMessage, type DecodedMessage } from '../mail';
import type { Diagnostic } from '../mail';
import { messageFromMail, messageFromPage, withDerivedAncestors, type BuiltMessage } from './build-message';
import { sidecarFor } from './sidecar';

/** One message copy read from a file, with its place in the file. */
export interface SourceCopy extends BuiltMessage {
  ordinal: number;
  line: number | null;
  byteOffset: number | null;
  /** The file's format, or 'derived' for a message rebuilt from the quotes of a page. */
  format: ArchiveFormat | 'derived';
  raw: Uint8Array;
  copyDiagnostics: Diagnostic[];
}

/** A file that cannot be read as mail at all: one line naming why. */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}

const CHUNK_BYTES = 1 << 20;
// Pages and single messages are read whole; anything bigger must be an mbox (streamed).
const WHOLE_FILE_BYTES_MAX = 64 * 1024 * 1024;
const latin1 = new TextDecoder('windows-1252');

function isGzip(path: string): boolean {
  if (path.endsWith('.gz')) return true;
  const magic = new Uint8Array(2);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, magic, 0, 2, 0);
  } finally {
    closeSync(fd);
  }
  return magic[0] === 0x1f && magic[1] === 0x8b;
}

function openStream(path: string, gzip: boolean): Readable {
  const s = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  return gzip ? s.pipe(createGunzip()) : s;
}

/** Reads the first bytes (decompressed if gzip) to detect the format. */
/** The chunks of a stream joined into one array of `n` bytes. */
function concatChunks(parts: readonly Uint8Array[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

async function sniff(path: string, gzip: boolean): Promise<Uint8Array> {
  const stream = openStream(path, gzip);
  const parts: Uint8Array[] = [];
  let n = 0;
  for await (const chunk of stream) {
    parts.push(chunk as Uint8Array);
    n += (chunk as Uint8Array).length;
    if (n >= 64 * 1024) break;
  }
  stream.destroy();
  return concatChunks(parts, n);
}

/** Detects the format of a file (gzip looked through), or uses the forced one. */
export async function detectFile(path: string, forced?: ArchiveFormat): Promise<Detection & { gzip: boolean }> {
  const gzip = isGzip(path);
  if (forced !== undefined) return { format: forced, evidence: ['--format given'], gzip };
  const head = await sniff(path, gzip);
  const d = detectFormat(new TextDecoder('utf-8').decode(head), path);
  return { ...d, gzip };
}

/** A mail decoded but not yet parsed into blocks (what the parse worker hands over). */
export interface DecodedCopy {
  decoded: DecodedMessage;
  original: Uint8Array;
  ordinal: number;
  line: number;
  offset: number;
  format: ArchiveFormat;
}

/** One item of a file: a decoded mail still to be built, or a finished copy (pages, single files). */
export type SourceItem = { kind: 'decoded'; item: DecodedCopy } | { kind: 'copy'; copy: SourceCopy };

/** Yields every message copy of a file in file order; throws SourceError for a file that is not mail. */
export async function* parseSource(path: string, options: { format?: ArchiveFormat } = {}): AsyncGenerator<SourceCopy> {
  for await (const it of readSource(path, options)) yield finishItem(it);
}

/** A finished copy from an item: mbox mail gets its quote tree here. */
export function finishItem(it: SourceItem): SourceCopy {
  return it.kind === 'copy' ? it.copy : buildMailCopy(it.item, null);
}

/** Options of readSource. */
export interface ReadOptions {
  format?: ArchiveFormat;
  /**
   * Asked once per item, in order, before the item is decoded: false when another thread reads
   * it (the head of parse-in-worker), and then it is not yielded. Default: every item.
   */
  owned?: (index: number) => boolean;
}

/**
 * The first stage of parseSource: mbox mail is split and decoded only (building the quote
 * tree is left to finishItem, so a worker can do this stage while the main thread does that
 * one and writes SQLite); other files are finished here.
 */
export async function* readSource(path: string, options: ReadOptions = {}): AsyncGenerator<SourceItem> {
  const det = await detectFile(path, options.format);
  const sidecar = sidecarFor(path);
  const owned = options.owned ?? (() => true);
  if (det.format === 'mbox' || det.format === 'mboxrd') {
    const splitter = new MboxSplitter(det.format === 'mbox' ? 'mboxo' : 'mboxrd');
    let ordinal = 0;
    let headerless = 0;
    const decode = async (m: MboxMessage): Promise<SourceItem | null> => {
      const at = ordinal++;
      const mine = owned(at);
      // A message read by another thread is decoded here only while no message so far had a
      // header: that is all the 'not mail' check below needs to know of it.
      if (!mine && headerless < at) return null;
      const decoded = await decodeMessage(m.bytes);
      if (decoded.diagnostics.some((d) => d.ruleId === 'no-headers')) headerless++;
      return mine ? { kind: 'decoded', item: { decoded, original: m.original, ordinal: at, line: m.line, offset: m.offset, format: det.format } } : null;
    };
    for await (const chunk of openStream(path, det.gzip)) {
      for (const m of splitter.push(chunk as Uint8Array)) {
        const it = await decode(m);
        if (it !== null) yield it;
      }
    }
    for (const m of splitter.end()) {
      const it = await decode(m);
      if (it !== null) yield it;
    }
    if (ordinal === 0) throw new SourceError('no messages: the mbox is empty');
    if (headerless === ordinal) throw new SourceError('not mail: no message has a header (a body fragment or bare patch?)');
    return;
  }
  const size = det.gzip ? 0 : statSync(path).size;
  if (size > WHOLE_FILE_BYTES_MAX) throw new SourceError(`${det.format} file of ${size} bytes is too large to read whole; is it an mbox? (use --format mboxrd)`);
  const bytes = det.gzip ? await readAll(openStream(path, true)) : new Uint8Array(readFileSync(path));
  if (isMailFormat(det.format)) {
    const decoded = await decodeMessage(bytes);
    const copy = buildMailCopy({ decoded, original: bytes, ordinal: 0, line: 1, offset: 0, format: det.format }, sidecar);
    if (copy.copyDiagnostics.some((d) => d.ruleId === 'no-headers') && sidecar === null) throw new SourceError('not mail: the file has no header fields (a body fragment or bare patch?)');
    if (owned(0)) yield { kind: 'copy', copy };
    return;
  }
  const text = decodeText(bytes);
  if (det.format === 'text-page' && sidecar === null) throw new SourceError('not recognisable as mail, an mbox or an archive page (use --format, or add a source.json sidecar)');
  const page = readPage(text, det.format);
  if (page.body.trim() === '') throw new SourceError(`${det.format}: the page has no message text`);
  // Archives often keep nothing of the messages a page quotes: rebuild them (oldest first).
  const all = withDerivedAncestors(messageFromPage(page, sidecar));
  for (let k = 0; k < all.length - 1; k++) {
    if (owned(k)) yield { kind: 'copy', copy: { ...(all[k] as BuiltMessage), ordinal: k + 1, line: null, byteOffset: null, format: 'derived', raw: new Uint8Array(0), copyDiagnostics: [] } };
  }
  if (!owned(all.length - 1)) return;
  const built = all[all.length - 1] as BuiltMessage;
  yield { kind: 'copy', copy: { ...built, ordinal: 0, line: 1, byteOffset: 0, format: det.format, raw: bytes, copyDiagnostics: [{ ruleId: 'format-detected', reason: `${det.format}: ${det.evidence.join('; ')}`, line: null }] } };
}

/** A decoded mail with its quote tree and its place in the file. */
function buildMailCopy(c: DecodedCopy, sidecar: ReturnType<typeof sidecarFor>): SourceCopy {
  const built = messageFromMail(c.decoded, sidecar);
  // Decoder line numbers are relative to the message; make them file lines.
  const copyDiagnostics = c.decoded.diagnostics.map((d) => ({ ...d, line: d.line === null ? c.line : d.line + c.line }));
  return { ...built, ordinal: c.ordinal, line: c.line, byteOffset: c.offset, format: c.format, raw: c.original, copyDiagnostics };
}

/** Page text: UTF-8 when valid, else windows-1252 (old archives). */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}

async function readAll(stream: Readable): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let n = 0;
  for await (const c of stream) {
    parts.push(c as Uint8Array);
    n += (c as Uint8Array).length;
  }
  return concatChunks(parts, n);
}
