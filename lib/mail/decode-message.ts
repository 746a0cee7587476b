// Raw RFC 5322 bytes -> headers, the decoded text body and diagnostics. Single-part text/plain
// mail (nearly all list mail) is decoded here directly, because postal-mime's async
// line-by-line parser is five times slower than the import budget; multipart and non-text mail
// goes through postal-mime, which picks the text/plain part and converts HTML-only mail to text.
import PostalMime, { addressParser } from 'postal-mime';
import type { Diagnostic } from './types';
import { splitHeaders, headerValue, type HeaderField } from './decode-headers';
import { decodeCharset, decodeTransfer, parseContentType, unflow } from './decode-body';
import { decodeDate } from './decode-date';

export { decodeDate };

/** A message decoded from its raw bytes: normalised ids, header values, text body and diagnostics. */
export interface DecodedMessage {
  headers: HeaderField[];
  /** Message-ID without angle brackets, or null when the mail has none. */
  messageId: string | null;
  inReplyTo: string | null;
  /** References, then In-Reply-To when References omits it: the ancestry, oldest first. */
  references: string[];
  subject: string | null;
  from: { name: string | null; address: string | null };
  /** ISO 8601 UTC, or null when missing or untrustworthy (see diagnostics). */
  date: string | null;
  /** Decoded text body, LF line ends, NUL replaced by U+FFFD. */
  body: string;
  diagnostics: Diagnostic[];
}

const ANGLE_ID = /<([^<>\s]+)>/g;
// Message-IDs are capped: fuzzed mail carries multi-kilobyte ids that would bloat every index.
const MESSAGE_ID_CHARS_MAX = 998;

/** The ids in a Message-ID/References/In-Reply-To value, without brackets, in order. */
export function messageIdsIn(value: string | null): string[] {
  if (value === null) return [];
  const ids: string[] = [];
  for (const m of value.matchAll(ANGLE_ID)) {
    const id = m[1] as string;
    if (id.length <= MESSAGE_ID_CHARS_MAX && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** Normalises one Message-ID value: the bracketed id, else the first bare token with an '@'. */
export function normalizeMessageId(value: string | null): string | null {
  if (value === null) return null;
  const inAngles = messageIdsIn(value)[0];
  if (inAngles !== undefined) return inAngles;
  const bare = value.trim().split(/\s+/)[0] ?? '';
  return bare.includes('@') && bare.length <= MESSAGE_ID_CHARS_MAX ? bare.replace(/^<|>$/g, '') : null;
}

/** Decodes one raw message (no mbox `From ` line). Never throws on bad mail: it reports. */
export async function decodeMessage(bytes: Uint8Array): Promise<DecodedMessage> {
  const split = splitHeaders(bytes);
  const diagnostics = split.diagnostics;
  const h = split.headers;
  const ct = parseContentType(headerValue(h, 'content-type'));
  let body: string;
  if (ct.type === 'text/plain' || ct.type === 'text' || !ct.type.includes('/')) {
    const raw = decodeTransfer(split.body, headerValue(h, 'content-transfer-encoding'), diagnostics);
    body = decodeCharset(raw, ct.charset, diagnostics);
    body = body.replace(/\r\n/g, '\n');
    if (ct.format === 'flowed') body = unflow(body, ct.delsp);
  } else {
    body = await decodeWithPostalMime(bytes, ct.type, diagnostics);
  }
  if (body.includes('\0')) {
    diagnostics.push({ ruleId: 'nul-byte', reason: 'NUL bytes in the body were replaced by U+FFFD', line: null });
    body = body.replace(/\0/g, '\uFFFD');
  }
  return { headers: h, ...identity(h, diagnostics), body, diagnostics };
}

/** The id, ancestry, subject, sender and date of a message from its header fields. */
export function identity(h: readonly HeaderField[], diagnostics: Diagnostic[]): Omit<DecodedMessage, 'headers' | 'body' | 'diagnostics'> {
  const rawId = headerValue(h, 'message-id');
  const messageId = normalizeMessageId(rawId);
  if (messageId === null) {
    diagnostics.push({ ruleId: rawId === null ? 'message-id-missing' : 'message-id-invalid', reason: rawId === null ? 'no Message-ID header' : `unusable Message-ID "${rawId.slice(0, 80)}"`, line: null });
  }
  const inReplyTo = messageIdsIn(headerValue(h, 'in-reply-to'))[0] ?? null;
  const references = messageIdsIn(headerValue(h, 'references'));
  if (inReplyTo !== null && !references.includes(inReplyTo)) references.push(inReplyTo);
  // A message never references itself; fuzzed and relayed mail sometimes does.
  const ownAt = messageId === null ? -1 : references.indexOf(messageId);
  if (ownAt >= 0) {
    references.splice(ownAt, 1);
    diagnostics.push({ ruleId: 'references-self', reason: 'References names the message itself; dropped', line: null });
  }
  const subjectRaw = headerValue(h, 'subject');
  if (subjectRaw === null) diagnostics.push({ ruleId: 'subject-missing', reason: 'no Subject header', line: null });
  const subject = subjectRaw === null ? null : decodeWordsSafe(subjectRaw);
  return { messageId, inReplyTo: inReplyTo === messageId ? null : inReplyTo, references, subject, from: decodeFrom(headerValue(h, 'from'), diagnostics), date: decodeDate(headerValue(h, 'date'), diagnostics) };
}

function decodeWordsSafe(v: string): string {
  try {
    // addressParser decodes encoded words in names; for plain text we run it through a fake group.
    const decoded = addressParser(`"${v.replace(/["\\]/g, '\\$&')}" <x@x>`)[0]?.name;
    return typeof decoded === 'string' && decoded !== '' ? decoded : v;
  } catch {
    return v;
  }
}

function decodeFrom(value: string | null, diagnostics: Diagnostic[]): { name: string | null; address: string | null } {
  if (value === null) {
    diagnostics.push({ ruleId: 'from-missing', reason: 'no From header', line: null });
    return { name: null, address: null };
  }
  try {
    const first = addressParser(value.slice(0, 2000), { flatten: true })[0];
    if (first !== undefined) {
      const address = first.address !== undefined && first.address !== '' ? first.address : null;
      const name = first.name !== '' ? first.name : null;
      if (address !== null || name !== null) return { name, address };
    }
  } catch {
    // fall through to the diagnostic below
  }
  diagnostics.push({ ruleId: 'from-unparsable', reason: `cannot parse From "${value.slice(0, 80)}"`, line: null });
  return { name: value.slice(0, 200), address: null };
}

async function decodeWithPostalMime(bytes: Uint8Array, type: string, diagnostics: Diagnostic[]): Promise<string> {
  try {
    const email = await PostalMime.parse(bytes, { maxNestingDepth: 50, forceRfc822Attachments: false });
    const text = email.text ?? '';
    if (text === '' && type.startsWith('multipart/') === false) {
      diagnostics.push({ ruleId: 'no-text-part', reason: `content type ${type} has no text to show`, line: null });
    }
    return text.replace(/\r\n/g, '\n');
  } catch (err) {
    diagnostics.push({ ruleId: 'mime-unparsable', reason: `MIME structure could not be parsed: ${err instanceof Error ? err.message : String(err)}`, line: null });
    return '';
  }
}
