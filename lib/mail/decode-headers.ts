// Splits raw RFC 5322 bytes into header fields and body bytes without a full MIME parse, so the
// common case (one text/plain part) never pays for postal-mime's line-by-line async machinery.
import type { Diagnostic } from './types';

// The fields threadlab reads; the rest of a header is kept only in the raw copy.
const KEPT = new Set(['message-id', 'in-reply-to', 'references', 'subject', 'from', 'date', 'to', 'cc', 'content-type', 'content-transfer-encoding', 'mime-version', 'list-id', 'sender', 'reply-to']);

/** One header field, its name lower-cased and its value unfolded (CRLF + WSP joined). */
export interface HeaderField {
  key: string;
  value: string;
}

/** The header fields of a message, the body bytes after the blank line, and what went wrong. */
export interface SplitHeaders {
  /** The fields threadlab reads (Message-ID, References, Subject, From, Date, To, Cc, MIME, ...), in order. */
  headers: HeaderField[];
  body: Uint8Array;
  /** 1-based line of the first body line within the message. */
  bodyLine: number;
  diagnostics: Diagnostic[];
}

const UTF8_FATAL = new TextDecoder('utf-8', { fatal: true });
const LATIN1 = new TextDecoder('windows-1252');
// windows-1252 maps every byte >= 0x80 to a code point >= 0x80.
const NON_ASCII = /[\u0080-\uffff]/;

// A header name is printable ASCII except ':' (RFC 5322 ftext); anything else ends the header.
const HEADER_LINE = /^[!-9;-~]+[ \t]*:/;
// Headers are capped so that a fuzzed message with a 10 MB "header" stays linear and bounded.
const HEADER_BYTES_MAX = 2 * 1024 * 1024;

/** Finds the header/body boundary (first empty line) and parses the header block into fields. */
export function splitHeaders(bytes: Uint8Array): SplitHeaders {
  const diagnostics: Diagnostic[] = [];
  const end = headerEnd(bytes);
  if (end.headerBytes > HEADER_BYTES_MAX) {
    diagnostics.push({ ruleId: 'header-too-large', reason: `header block of ${end.headerBytes} bytes exceeds ${HEADER_BYTES_MAX}`, line: 1 });
  }
  const headText = decodeHeaderBytes(bytes.subarray(0, Math.min(end.headerBytes, HEADER_BYTES_MAX)), diagnostics);
  const lines = headText.split('\n');
  const headers: HeaderField[] = [];
  let current: HeaderField | null = null;
  let consumedLines = 0;
  let sawField = false;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] ?? '';
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line === '' && i === lines.length - 1) break;
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (current !== null) current.value += ' ' + line.trim();
      if (sawField) {
        consumedLines = i + 1;
        continue;
      }
    }
    if (!HEADER_LINE.test(line)) {
      // Not a header: either the message has no header at all (a body fragment) or the header
      // ended without the blank line; everything from here on is body.
      if (!sawField) diagnostics.push({ ruleId: 'no-headers', reason: 'the message does not start with a header field', line: 1 });
      else diagnostics.push({ ruleId: 'header-unterminated', reason: `line ${i + 1} is neither a header field nor a blank line; treated as the start of the body`, line: i + 1 });
      const offset = byteOffsetOfLine(bytes, i);
      return { headers, body: bytes.subarray(offset), bodyLine: i + 1, diagnostics };
    }
    const colon = line.indexOf(':');
    const key = line.slice(0, colon).trim().toLowerCase();
    sawField = true;
    // Relay copies carry ~4 KB of Received/ARC/DKIM fields per message; only the fields the
    // importer reads are kept (their continuation lines are skipped with them).
    if (!KEPT.has(key)) {
      current = null;
      consumedLines = i + 1;
      continue;
    }
    current = { key, value: line.slice(colon + 1).trim() };
    headers.push(current);
    consumedLines = i + 1;
  }
  const bodyStart = end.bodyStart;
  return { headers, body: bytes.subarray(bodyStart), bodyLine: consumedLines + 2, diagnostics };
}

/** The byte length of the header block and where the body starts (after the blank line). */
function headerEnd(bytes: Uint8Array): { headerBytes: number; bodyStart: number } {
  let i = 0;
  // An empty first line means an empty header.
  if (bytes[0] === 10) return { headerBytes: 0, bodyStart: 1 };
  if (bytes[0] === 13 && bytes[1] === 10) return { headerBytes: 0, bodyStart: 2 };
  for (;;) {
    const nl = bytes.indexOf(10, i);
    if (nl < 0) return { headerBytes: bytes.length, bodyStart: bytes.length };
    const next = nl + 1;
    if (bytes[next] === 10) return { headerBytes: next, bodyStart: next + 1 };
    if (bytes[next] === 13 && bytes[next + 1] === 10) return { headerBytes: next, bodyStart: next + 2 };
    i = next;
  }
}

function byteOffsetOfLine(bytes: Uint8Array, line: number): number {
  let offset = 0;
  for (let n = 0; n < line; n++) {
    const nl = bytes.indexOf(10, offset);
    if (nl < 0) return bytes.length;
    offset = nl + 1;
  }
  return offset;
}

/** Headers should be ASCII; raw UTF-8 is common and accepted; anything else is read as windows-1252. */
function decodeHeaderBytes(bytes: Uint8Array, diagnostics: Diagnostic[]): string {
  // Decode as windows-1252 first (native, one char per byte) and look for non-ASCII with a
  // native regex scan: a JS loop over ~4 KB of relay headers per message costs more.
  const latin = LATIN1.decode(bytes);
  if (!NON_ASCII.test(latin)) return latin;
  try {
    return UTF8_FATAL.decode(bytes);
  } catch {
    diagnostics.push({ ruleId: 'header-invalid-utf8', reason: 'header bytes are not valid UTF-8; read as windows-1252', line: 1 });
    return latin;
  }
}

/** The first value of a header field (by lower-case name), or null. */
export function headerValue(headers: readonly HeaderField[], key: string): string | null {
  for (const h of headers) if (h.key === key) return h.value;
  return null;
}
