// Turns one decoded mail or scraped page into the ParsedMessage contract (quote tree from
// lib/mail's parseBody), giving content-derived ids to messages without a Message-ID and
// filling gaps from a sidecar, with every filled field recorded.
import { parseBody, deobfuscateAddress, type Diagnostic, type ParsedMessage } from '../mail';
import { decodeDate, type DecodedMessage } from '../mail';
import type { PageMessage } from '../archive';
import { blocksContentKey, contentMessageId, reconstructAncestors } from '../thread';
import type { SidecarEntry } from './sidecar';

/** A message ready for the store, with what the store keeps about this copy. */
export interface BuiltMessage {
  message: ParsedMessage;
  body: string;
  syntheticId: boolean;
  /** Words key for matching copies across archives; '' for mail with a Message-ID (the store computes it when needed). */
  contentKey: string;
  addressAsWritten: string | null;
  /** Fields filled from the sidecar. */
  sidecar: Record<string, unknown> | null;
}

/** Builds the message of a decoded RFC 5322 mail. */
export function messageFromMail(d: DecodedMessage, sidecar: SidecarEntry | null): BuiltMessage {
  const diagnostics: Diagnostic[] = [...d.diagnostics];
  const filled: Record<string, unknown> = {};
  const from = { ...d.from };
  let subject = d.subject;
  let date = d.date;
  let messageId = d.messageId;
  if (sidecar !== null) {
    if (from.name === null && from.address === null && sidecar.from !== null) {
      Object.assign(from, sidecar.from);
      filled.from = sidecar.from;
    }
    if (subject === null && sidecar.subject !== null) {
      subject = sidecar.subject;
      filled.subject = sidecar.subject;
    }
    if (date === null && sidecar.date !== null) {
      date = decodeDate(sidecar.date, diagnostics);
      filled.date = sidecar.date;
    }
    if (messageId === null && sidecar.messageId !== null) {
      messageId = sidecar.messageId;
      filled.messageId = sidecar.messageId;
    }
  }
  return finish({ messageId, inReplyTo: d.inReplyTo, references: d.references, subject, from, date }, d.body, false, diagnostics, from.address, filled, false);
}

// hypermail prints "Thu Jun 04 2020 - 19:50:54 EST"; RFC 5322 wants "04 Jun 2020 19:50:54 EST".
const HYPERMAIL_DATE = /^\w{3} (\w{3}) (\d{1,2}) (\d{4}) - (\d{1,2}:\d{2}(?::\d{2})?) ?(\S+)?/;

/** Builds the message of a scraped page; the sidecar fills what the page does not show. */
export function messageFromPage(p: PageMessage, sidecar: SidecarEntry | null): BuiltMessage {
  const diagnostics: Diagnostic[] = [...p.diagnostics];
  const filled: Record<string, unknown> = {};
  let fromName = p.from.name;
  let fromAddress = p.from.address;
  let asWritten = p.from.asWritten;
  if (asWritten !== null && fromAddress === null) {
    const d = deobfuscateAddress(asWritten);
    fromAddress = d.address;
  }
  let subject = p.subject;
  let messageId = p.messageId;
  let dateText = p.dateText;
  if (sidecar !== null) {
    if (fromName === null && fromAddress === null && sidecar.from !== null) {
      fromName = sidecar.from.name;
      fromAddress = sidecar.from.address;
      filled.from = sidecar.from;
    }
    if (subject === null && sidecar.subject !== null) {
      subject = sidecar.subject;
      filled.subject = sidecar.subject;
    }
    if (messageId === null && sidecar.messageId !== null) {
      messageId = sidecar.messageId;
      filled.messageId = sidecar.messageId;
    }
    // The list a page was archived from is only ever known from the sidecar.
    if (sidecar.list !== null) filled.list = sidecar.list;
    if (dateText === null && sidecar.date !== null) {
      dateText = sidecar.date;
      filled.date = sidecar.date;
    }
  }
  if (asWritten === null && fromAddress !== null) asWritten = fromAddress;
  let date: string | null = null;
  if (dateText !== null) {
    const h = HYPERMAIL_DATE.exec(dateText);
    date = decodeDate(h === null ? dateText : `${h[2]} ${h[1]} ${h[3]} ${h[4]} ${h[5] ?? ''}`.trim(), diagnostics);
  } else {
    diagnostics.push({ ruleId: 'date-missing', reason: 'the page shows no date and no sidecar gives one', line: null });
  }
  const references = p.inReplyTo !== null ? [p.inReplyTo] : [];
  const built = finish({ messageId, inReplyTo: p.inReplyTo, references, subject, from: { name: fromName, address: fromAddress }, date }, p.body, p.flattened, diagnostics, asWritten, filled, true);
  return built;
}

interface Head {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string | null;
  from: { name: string | null; address: string | null };
  date: string | null;
}

function finish(h: Head, body: string, flattened: boolean, diagnostics: Diagnostic[], asWritten: string | null, filled: Record<string, unknown>, page: boolean): BuiltMessage {
  const parsed = parseBody(body, { author: { name: h.from.name, address: h.from.address, date: h.date }, flattened: flattened ? true : 'auto' });
  diagnostics.push(...parsed.diagnostics);
  const synthetic = h.messageId === null;
  // Keys are for matching pages and id-less mail against other copies; mail with a Message-ID
  // gets its key from the store only when such copies exist (most imports have none).
  const key = synthetic || flattened || page ? blocksContentKey(parsed.blocks) : '';
  const messageId = h.messageId ?? contentMessageId(h.from.name ?? h.from.address, h.date, key);
  if (Object.keys(filled).length > 0) diagnostics.push({ ruleId: 'sidecar-filled', reason: `taken from source.json: ${Object.keys(filled).join(', ')}`, line: null });
  return {
    message: { messageId, inReplyTo: h.inReplyTo, references: h.references, subject: h.subject, from: h.from, date: h.date, derived: false, blocks: parsed.blocks, diagnostics },
    body,
    syntheticId: synthetic,
    contentKey: key,
    addressAsWritten: asWritten,
    sidecar: Object.keys(filled).length > 0 ? filled : null,
  };
}

/**
 * The earlier messages a page quotes, rebuilt as derived messages (oldest first) and the page
 * linked under them. A page that names its parent (In-Reply-To) gives that id to its nearest
 * ancestor, so a real copy imported later replaces the reconstruction in place.
 */
export function withDerivedAncestors(page: BuiltMessage): BuiltMessage[] {
  const derived = reconstructAncestors(page.message);
  if (derived.length === 0) return [page];
  const parent = page.message.inReplyTo;
  if (parent !== null) {
    const nearest = derived[derived.length - 1] as ParsedMessage;
    const oldId = nearest.messageId;
    nearest.messageId = parent;
    for (const d of derived) {
      d.references = d.references.map((r) => (r === oldId ? parent : r));
      if (d.inReplyTo === oldId) d.inReplyTo = parent;
    }
  }
  const last = derived[derived.length - 1] as ParsedMessage;
  if (page.message.references.length === 0) {
    page.message.references = [...last.references, last.messageId];
    page.message.inReplyTo = last.messageId;
  }
  const out: BuiltMessage[] = derived.map((m) => {
    // Attribution dates carry their own zone; store UTC like every other date so that ordering
    // and d: ranges compare like with like (a date without a zone stays as written).
    if (m.date !== null && /(Z|[+-]\d{2}:\d{2})$/.test(m.date) && !Number.isNaN(Date.parse(m.date))) m.date = new Date(m.date).toISOString();
    // A derived message's body is its quoted slices end to end; each block's start must index
    // that body, not the page the slices were cut from (the store cuts raw from body by start).
    let body = '';
    m.blocks = m.blocks.map((b) => {
      const rebased = { ...b, start: body.length };
      body += b.raw;
      return rebased;
    });
    return { message: m, body, syntheticId: m.messageId !== parent, contentKey: blocksContentKey(m.blocks), addressAsWritten: m.from.address, sidecar: null };
  });
  out.push(page);
  return out;
}
