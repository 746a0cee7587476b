// Turns the body bytes of a single-part message into text: transfer decoding (quoted-printable,
// base64), charset decoding through TextDecoder, and RFC 3676 format=flowed unwrapping.
import type { Diagnostic } from './types';

/** The Content-Type pieces the body decoder needs. */
export interface ContentType {
  type: string;
  charset: string | null;
  format: string | null;
  delsp: boolean;
  boundary: string | null;
}

/** Parses a Content-Type value (type/subtype; params) leniently; a missing header is text/plain. */
export function parseContentType(value: string | null): ContentType {
  if (value === null) return { type: 'text/plain', charset: null, format: null, delsp: false, boundary: null };
  const parts = value.split(';');
  const type = (parts[0] ?? '').trim().toLowerCase() || 'text/plain';
  const params: Record<string, string> = {};
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i] ?? '';
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    params[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return {
    type,
    charset: params.charset ?? null,
    format: params.format?.toLowerCase() ?? null,
    delsp: params.delsp?.toLowerCase() === 'yes',
    boundary: params.boundary ?? null,
  };
}

/** Reverses a Content-Transfer-Encoding; unknown encodings pass through with a diagnostic. */
export function decodeTransfer(bytes: Uint8Array, encoding: string | null, diagnostics: Diagnostic[]): Uint8Array {
  const enc = (encoding ?? '7bit').trim().toLowerCase();
  if (enc === '7bit' || enc === '8bit' || enc === 'binary' || enc === '') return bytes;
  if (enc === 'quoted-printable') return decodeQuotedPrintable(bytes);
  if (enc === 'base64') return decodeBase64(bytes, diagnostics);
  diagnostics.push({ ruleId: 'unknown-transfer-encoding', reason: `unknown Content-Transfer-Encoding "${enc.slice(0, 40)}"; body kept as is`, line: null });
  return bytes;
}

function hex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** RFC 2045 quoted-printable: `=XX` escapes and `=` soft line breaks; malformed escapes stay literal. */
export function decodeQuotedPrintable(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let o = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i] as number;
    if (c !== 61) {
      out[o++] = c;
      continue;
    }
    const a = bytes[i + 1];
    if (a === 10) {
      i += 1;
      continue;
    }
    if (a === 13 && bytes[i + 2] === 10) {
      i += 2;
      continue;
    }
    const h = hex(a ?? -1);
    const l = hex(bytes[i + 2] ?? -1);
    if (h >= 0 && l >= 0) {
      out[o++] = h * 16 + l;
      i += 2;
    } else {
      out[o++] = c;
    }
  }
  return out.subarray(0, o);
}

const B64 = new Int16Array(256).fill(-1);
for (let i = 0; i < 64; i++) B64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;

/** Base64 that skips whitespace and junk (reported) and stops at padding. */
export function decodeBase64(bytes: Uint8Array, diagnostics: Diagnostic[]): Uint8Array {
  const out = new Uint8Array(Math.ceil((bytes.length * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  let junk = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i] as number;
    if (c === 61) break;
    const v = B64[c] as number;
    if (v < 0) {
      if (c !== 10 && c !== 13 && c !== 32 && c !== 9) junk++;
      continue;
    }
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if (junk > 0) diagnostics.push({ ruleId: 'base64-junk', reason: `${junk} bytes outside the base64 alphabet were skipped`, line: null });
  return out.subarray(0, o);
}

const decoders = new Map<string, TextDecoder>();
const CHARSET_ALIASES: Record<string, string> = { 'x-unknown': 'utf-8', 'unknown-8bit': 'utf-8', ascii: 'utf-8', 'us-ascii': 'utf-8', 'iso-2202-jp': 'iso-2022-jp' };

/** A TextDecoder for the charset label, or null when the runtime does not know it. */
function decoderFor(label: string): TextDecoder | null {
  const key = CHARSET_ALIASES[label] ?? label;
  const hit = decoders.get(key);
  if (hit !== undefined) return hit;
  try {
    const d = new TextDecoder(key);
    decoders.set(key, d);
    return d;
  } catch {
    return null;
  }
}

/**
 * Decodes bytes in the declared charset; an unknown charset falls back to UTF-8 when the bytes
 * are valid UTF-8 and to windows-1252 otherwise (both reported), so no byte is ever dropped.
 */
export function decodeCharset(bytes: Uint8Array, charset: string | null, diagnostics: Diagnostic[]): string {
  const label = (charset ?? 'utf-8').trim().toLowerCase();
  const d = decoderFor(label);
  if (d !== null) return d.decode(bytes);
  diagnostics.push({ ruleId: 'unknown-charset', reason: `unknown charset "${label.slice(0, 40)}"; decoded as UTF-8 or windows-1252`, line: null });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return (decoderFor('windows-1252') as TextDecoder).decode(bytes);
  }
}

/**
 * RFC 3676 format=flowed: a line ending in a space continues on the next line of the same quote
 * depth; space-stuffing is removed; with DelSp=yes the trailing space itself is deleted.
 */
export function unflow(text: string, delsp: boolean): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let pending: { depth: number; text: string } | null = null;
  for (const line of lines) {
    let depth = 0;
    while (depth < line.length && line.charCodeAt(depth) === 62) depth++;
    let content = line.slice(depth);
    if (content.startsWith(' ')) content = content.slice(1);
    const flowed = content.endsWith(' ') && content !== '-- ';
    if (pending !== null && pending.depth !== depth) {
      out.push(render(pending.depth, pending.text));
      pending = null;
    }
    const piece = flowed && delsp ? content.slice(0, -1) : content;
    const joined: string = pending === null ? piece : pending.text + piece;
    if (flowed) {
      pending = { depth, text: joined };
    } else {
      out.push(render(depth, joined));
      pending = null;
    }
  }
  if (pending !== null) out.push(render(pending.depth, pending.text));
  return out.join('\n');
}

function render(depth: number, text: string): string {
  if (depth === 0) return text;
  return '>'.repeat(depth) + (text === '' ? '' : ' ') + text;
}
