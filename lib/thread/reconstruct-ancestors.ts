// A page that quotes earlier mail carries pieces of those earlier messages, and archives often
// have nothing else of them. We rebuild each quoted message as a `derived` message holding only
// its quoted parts: the level-k ancestor's own words are the page's depth-k text (re-based to
// depth 0), what it quoted is deeper. Speaker and date come from the attribution lines; ids are
// a pure hash of the content so the same page always yields the same ids. One pass over the
// blocks with an explicit table of governing attributions, no recursion.
import { linkAnswers, parseLooseDate } from '../mail';
import type { Block, Diagnostic, ParsedMessage, Speaker } from '../mail';
import { fnv1a64Hex } from './content-id';

// A quote chain deeper than this is not a conversation; deeper levels are left out (reported).
const LEVELS_MAX = 64;

interface Ancestor {
  key: string;
  level: number;
  speaker: Speaker;
  blocks: Block[];
  /** Key of the ancestor (or '' for the page itself) that quoted this one. */
  childKey: string;
  order: number;
}

/** Stable key of the person and date an attribution names. */
function speakerKey(level: number, s: Speaker): string {
  return `${level}|${(s.name ?? '').toLowerCase()}|${(s.address ?? '').toLowerCase()}|${s.date ?? s.dateWritten ?? ''}`;
}

/** Rebuild the messages a page quotes, oldest first; the last one is the page's direct parent. */
export function reconstructAncestors(msg: ParsedMessage): ParsedMessage[] {
  const ancestors = new Map<string, Ancestor>();
  // governor[d] = key of the ancestor named by the latest attribution at depth d (level d+1).
  const governor: (string | null)[] = [];
  let truncated = false;
  for (const b of msg.blocks) {
    const levels = Math.min(b.depth, LEVELS_MAX);
    if (b.depth > LEVELS_MAX) truncated = true;
    for (let k = 1; k <= levels; k++) {
      const key = governor[k - 1];
      if (!key) continue;
      const a = ancestors.get(key);
      if (a) a.blocks.push({ ...b, depth: b.depth - k });
    }
    if (b.kind === 'attribution' && b.names && b.depth < LEVELS_MAX) {
      const key = speakerKey(b.depth + 1, b.names);
      if (!ancestors.has(key)) {
        const childKey = b.depth === 0 ? '' : governor[b.depth - 1] ?? '';
        ancestors.set(key, { key, level: b.depth + 1, speaker: b.names, blocks: [], childKey, order: ancestors.size });
      }
      governor.length = b.depth + 1;
      governor[b.depth] = key;
    }
  }
  const list = [...ancestors.values()].filter((a) => a.blocks.length > 0);
  // Oldest first: deepest level first, then in page order.
  list.sort((x, y) => y.level - x.level || x.order - y.order);
  const ids = new Map<string, string>();
  const dates = new Map<string, string | null>();
  // Dates are resolved from the page down (a year-less date takes its year from the message quoting it).
  for (const a of [...list].reverse()) {
    const childDate = a.childKey === '' ? msg.date : dates.get(a.childKey) ?? null;
    dates.set(a.key, a.speaker.date ?? inferYear(a.speaker.dateWritten ?? null, childDate));
  }
  for (const a of list) ids.set(a.key, derivedId(a, dates.get(a.key) ?? null));
  const parentOf = new Map<string, string>();
  for (const a of list) if (a.childKey !== '') parentOf.set(a.childKey, a.key);
  const out: ParsedMessage[] = [];
  for (const a of list) {
    const chain: string[] = [];
    let p = parentOf.get(a.key);
    let guard = 0;
    while (p !== undefined && guard++ < LEVELS_MAX) {
      const id = ids.get(p);
      if (id) chain.unshift(id);
      p = parentOf.get(p);
    }
    out.push(toMessage(msg, a, ids.get(a.key) as string, chain, dates.get(a.key) ?? null, truncated));
  }
  return out;
}

/** The derived message of one ancestor. */
function toMessage(page: ParsedMessage, a: Ancestor, id: string, references: string[], date: string | null, truncated: boolean): ParsedMessage {
  const blocks = a.blocks.map((b) => rebase(b));
  linkAnswers(blocks);
  const diagnostics: Diagnostic[] = [
    { ruleId: 'derived-from-quotes', reason: `reconstructed from the quotes of ${page.messageId}`, line: null },
  ];
  if (date !== null && a.speaker.date === null) {
    diagnostics.push({ ruleId: 'derived-date-year-inferred', reason: `attribution date "${a.speaker.dateWritten ?? ''}" has no year; taken from the quoting message`, line: null });
  }
  if (truncated) diagnostics.push({ ruleId: 'quote-depth-limit', reason: `quotes deeper than ${LEVELS_MAX} levels were not reconstructed`, line: null });
  const subject = page.subject;
  return {
    messageId: id,
    inReplyTo: references.length > 0 ? (references[references.length - 1] as string) : null,
    references,
    subject: stripReply(subject, references.length === 0),
    from: { name: a.speaker.name, address: a.speaker.address },
    date,
    derived: true,
    blocks,
    diagnostics,
  };
}

/** A re-based block: quoted text at the new depth 0 is that ancestor's own text. */
function rebase(b: Block): Block {
  const out: Block = { ...b };
  delete out.answers;
  if (out.depth === 0 && out.kind === 'quote') out.kind = 'own';
  return out;
}

/** The thread root has no "Re:"; later ancestors keep the page's subject. */
function stripReply(subject: string | null, root: boolean): string | null {
  if (subject === null || !root) return subject;
  return subject.replace(/^(?:\s*(?:re|aw|sv)\s*:\s*)+/i, '');
}

/** Content-derived id: FNV-1a 64 of the normalized speaker, date and own text. */
function derivedId(a: Ancestor, date: string | null): string {
  const own = a.blocks
    .filter((b) => b.depth === 0)
    .map((b) => b.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  const who = `${(a.speaker.name ?? '').replace(/\s+/g, ' ').trim().toLowerCase()}<${(a.speaker.address ?? '').toLowerCase()}>`;
  return `derived.${fnv1a64Hex(`${who}\n${date ?? ''}\n${own}`)}@threadlab`;
}

/** Complete a year-less attribution date ("17:23 28/05") with the year that puts it just before the quoting message. */
function inferYear(written: string | null, childDate: string | null): string | null {
  if (written === null || childDate === null) return null;
  const year = Number(childDate.slice(0, 4));
  if (!Number.isFinite(year)) return null;
  const guess = parseLooseDate(`${written} ${year}`).iso;
  if (guess === null || guess.length < 10) return null;
  // A quoted message is older than the one quoting it: step back a year if the guess is later.
  if (guess.slice(0, 10) > childDate.slice(0, 10)) return parseLooseDate(`${written} ${year - 1}`).iso;
  return guess;
}
