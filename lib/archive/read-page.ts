// Reads one scraped archive page (text, after HTML-to-text) into the headers the page still
// shows and the message body. Pages lose things (angle-bracket addresses, newlines, sometimes
// quotes); the reader keeps what is there, records obfuscated addresses as written, and reports
// what it could not find instead of guessing.
import type { Diagnostic } from '../mail/types';
import type { ArchiveFormat } from './archive-format';

/** What a scraped page says about its message; null where the page does not say. */
export interface PageMessage {
  subject: string | null;
  from: { name: string | null; address: string | null; asWritten: string | null };
  /** The date as the page wrote it (decoding is the importer's job). */
  dateText: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  /** The body text, page chrome removed. */
  body: string;
  /** True when the body lost its newlines (quote structure must be recovered). */
  flattened: boolean;
  diagnostics: Diagnostic[];
}

// Lines that are archive navigation, not mail (prefix-matched after trimming).
const CHROME: RegExp[] = [
  /^\[?Date Prev\]|^\[?Thread Prev\]|^\[?Date Index\]|^\[?Thread Index\]/i,
  /^\*?\s*(Prev|Next) by (Date|thread):/i,
  /^\*?\s*(Previous|Next) message:/i,
  /^\*?\s*(Next|Previous) in thread:/i,
  /^\*?\s*In reply to:/i,
  /^\*?\s*Messages sorted by:/i,
  /^\*?\s*(Index|Indexes|Index\(es\)):/i,
  /^\*?\s*(Follow-Ups|References):/i,
  /^\*?\s*Maybe reply:/i,
  /^\[[^\]]*\] \[[^\]]*\] \[[^\]]*\]( \[[^\]]*\])*$/, // [day] [month] [year] [list] and friends
  /^\^ permalink raw reply/,
  /^\[flat\|nested\]/,
  /^Reply via email to\b/,
  /^(Previous message|Next message|View by thread|View by date)\s*$/i,
];
const FIELD = /^\*?\s*(From|To|Cc|Subject|Date|Message-ID|Message-Id|In-Reply-To|Reply-To|Submitter|Message ID)\s*(?::|\t)\s?(.*)$/i;
const OBFUSCATED = /(\S+@x{3,}(?:\.x+)*|\S+\.\.\.@\S+|\S+ at \S+\.\S+|\S+&#64;\S+|\S+\s\(at\)\s\S+|\S+ \[at\] \S+|\S+@\[hidden\]\S*|\S+@\S+)/;
// Header fields appear near the top; a bounded window keeps the scan linear on huge pages.
const HEADER_WINDOW_LINES = 40;

/** Reads a page of the given (detected or forced) format. */
export function readPage(text: string, format: ArchiveFormat): PageMessage {
  const diagnostics: Diagnostic[] = [];
  const normalized = text.replace(/\r\n?/g, '\n');
  const lines = normalized.split('\n');
  const flattened = format === 'flattened-page' || (lines.length <= 3 && normalized.length > 400);
  const page: PageMessage = { subject: null, from: { name: null, address: null, asWritten: null }, dateText: null, messageId: null, inReplyTo: null, body: '', flattened, diagnostics };
  if (flattened) {
    page.body = readFlattenedHeader(page, normalized.trim());
    diagnostics.push({ ruleId: 'page-flattened', reason: 'the page lost its newlines; quote depth is recovered from the text', line: 1 });
    return page;
  }
  let i = 0;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  // hypermail, pipermail and lkml-like pages put the subject alone on the first line.
  const firstLine = (lines[i] ?? '').trim();
  if (firstLine !== '' && !FIELD.test(firstLine) && !isChrome(firstLine) && looksLikeHeaderBlockAfter(lines, i + 1)) {
    page.subject = firstLine.replace(/^\[[^\]]+\]\s*(?=\S)/, (m) => (format === 'pipermail-page' ? '' : m));
    i++;
  }
  let lastField = -1;
  const end = Math.min(lines.length, i + HEADER_WINDOW_LINES);
  for (let k = i; k < end; k++) {
    const line = (lines[k] ?? '').trim();
    if (line === '' || isChrome(line)) continue;
    const m = FIELD.exec(line);
    if (m === null) {
      if (format === 'pipermail-page' && lastField < 0 && / at \S+\.\S+\s*$/.test(line) && page.from.name === null) {
        setFrom(page, line);
        lastField = k;
        continue;
      }
      if (format === 'pipermail-page' && lastField >= 0 && page.dateText === null && /\d{4}/.test(line) && /\d{1,2}:\d{2}/.test(line)) {
        page.dateText = line;
        lastField = k;
        continue;
      }
      break;
    }
    applyField(page, (m[1] ?? '').toLowerCase(), (m[2] ?? '').trim());
    lastField = k;
  }
  const bodyStart = lastField >= 0 ? lastField + 1 : i;
  let bodyLines = lines.slice(bodyStart);
  // public-inbox pages end the message at "^ permalink raw reply"; what follows is the thread.
  const permalink = bodyLines.findIndex((l) => l.startsWith('^ permalink raw reply'));
  if (permalink >= 0) bodyLines = bodyLines.slice(0, permalink);
  page.body = trimChrome(bodyLines).join('\n');
  if (lastField < 0) diagnostics.push({ ruleId: 'page-no-headers', reason: 'the page shows no header block; subject, sender and date are unknown', line: 1 });
  return page;
}

// A flattened MHonArc/spinics page that kept its header: "[Date Prev]... Subject: X From: Y
// Date: Fri, 2 Nov 2018 09:26:27 +1100 body...". The date ends at its zone or year.
const FLAT_NAV = /^(?:\[[^\]]{1,20}\]\s*)+/;
const FLAT_HEAD = /^Subject: (.{1,300}?) From: (.{1,200}?) Date: ((?:\w{3}, )?\d{1,2} \w{3} \d{4} \d{1,2}:\d{2}(?::\d{2})?(?: [+-]\d{4})?(?: \([A-Z]{2,5}\))?) /;
// Trailing MHonArc lists and lore's thread footer on a flattened page.
const FLAT_TAIL = /\s(?:\* (?:Follow-Ups|References|Prev by Date|Next by Date|Prev by thread|Next by thread):|\^ permalink raw reply)[\s\S]*$/;

/** Takes a flattened page's surviving header fields and navigation off its text; returns the body. */
function readFlattenedHeader(page: PageMessage, text: string): string {
  let body = text.replace(FLAT_NAV, '');
  const m = FLAT_HEAD.exec(body);
  if (m !== null) {
    page.subject = (m[1] as string).trim();
    setFrom(page, (m[2] as string).trim());
    page.dateText = m[3] as string;
    body = body.slice(m[0].length);
  } else {
    body = text;
  }
  return body.replace(FLAT_TAIL, '').trim();
}

function isChrome(line: string): boolean {
  for (const re of CHROME) if (re.test(line)) return true;
  return false;
}

function looksLikeHeaderBlockAfter(lines: string[], from: number): boolean {
  for (let k = from; k < Math.min(lines.length, from + 6); k++) {
    const l = (lines[k] ?? '').trim();
    if (l === '' || isChrome(l)) continue;
    return FIELD.test(l) || / at \S+\.\S+\s*$/.test(l);
  }
  return false;
}

function applyField(page: PageMessage, key: string, value: string): void {
  if (value === '') return;
  if (key === 'subject' && page.subject === null) page.subject = value;
  else if ((key === 'from' || key === 'submitter') && page.from.name === null && page.from.asWritten === null) setFrom(page, value);
  else if (key === 'date' && page.dateText === null) page.dateText = value.replace(/\s*\[thread overview\]\s*$/, '');
  else if ((key === 'message-id' || key === 'message id') && page.messageId === null) page.messageId = bareId(value);
  else if (key === 'in-reply-to' && page.inReplyTo === null) page.inReplyTo = bareId(value);
}

function bareId(value: string): string | null {
  const v = value.replace(/\s*\(raw\)\s*$/, '').trim();
  const angle = /<([^<>\s]+)>/.exec(v);
  const id = angle !== null ? (angle[1] ?? '') : (v.split(/\s+/)[0] ?? '');
  return id.includes('@') ? id : null;
}

/** Splits "Name <addr>", "Name addr at domain", "addr (Name)" and obfuscated forms. */
function setFrom(page: PageMessage, value: string): void {
  let v = value.trim();
  const angle = /^(.*?)\s*<([^<>]*)>\s*$/.exec(v);
  if (angle !== null) {
    const addr = (angle[2] ?? '').trim();
    page.from.name = unquote(angle[1] ?? '') || null;
    if (addr !== '') record(page, addr);
    return;
  }
  const ob = OBFUSCATED.exec(v);
  if (ob !== null && ob.index + (ob[0] ?? '').length >= v.length - 1) {
    record(page, (ob[0] ?? '').trim());
    v = v.slice(0, ob.index).trim();
  } else if (ob !== null && ob.index === 0) {
    record(page, (ob[0] ?? '').trim());
    v = v.slice((ob[0] ?? '').length).trim().replace(/^\((.*)\)$/, '$1');
  }
  page.from.name = unquote(v) || null;
}

function record(page: PageMessage, written: string): void {
  page.from.asWritten = written;
  // Only an address that survived intact is an address; the obfuscated form stays as written.
  page.from.address = /^[^\s@]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(written) && !/@x{3,}/.test(written) && !written.includes('...@') ? written : null;
}

function unquote(s: string): string {
  return s.trim().replace(/^"(.*)"$/, '$1').trim();
}

/** Drops navigation lines and blank runs at both ends of the body; inner lines are kept. */
function trimChrome(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && ((lines[a] ?? '').trim() === '' || isChrome((lines[a] ?? '').trim()))) a++;
  // At the end, "* ..." bullet lines are the archive's follow-up/reference lists.
  while (b > a && ((lines[b - 1] ?? '').trim() === '' || isChrome((lines[b - 1] ?? '').trim()) || /^\s*\* /.test(lines[b - 1] ?? ''))) b--;
  const out = lines.slice(a, b);
  if (out.length > 0) out.push('');
  return out;
}
