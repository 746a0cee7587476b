// An attribution line ("On <date>, <name> wrote:") names whose words the next quote level
// holds. Every client writes it differently, in several languages, sometimes wrapped over two
// lines; we read the frame (opening word, closing verb) literally and the date token by token,
// so no regex here can backtrack on a hostile 100,000-character line.
import { deobfuscateAddress } from './deobfuscate-address';
import { parseLooseDate } from './parse-loose-date';

/** What an attribution line says: who wrote the quoted text, with which address, when. */
export interface Attribution {
  name: string | null;
  /** The real address, or null when absent or obfuscated beyond recovery. */
  address: string | null;
  /** ISO 8601 (local time and the written zone offset), or null when no full date was written. */
  date: string | null;
  /** The date exactly as written, when the line had one. */
  dateWritten: string | null;
  /** The address exactly as written (obfuscated form kept), when the line had one. */
  addressWritten: string | null;
}

// Attribution lines are short; a longer "line" is prose or garbage and is refused up front.
const LINE_LENGTH_MAX = 400;

// Words that start prose ("As Dave wrote:") rather than a name.
const NOT_NAME_WORDS = new Set([
  'as', 'and', 'but', 'then', 'what', 'which', 'i', 'you', 'we', 'he', 'she', 'they', 'it', 'this',
  'that', 'the', 'if', 'so', 'also', 'previously', 'above', 'below', 'here', 'there', 'someone',
  'somebody', 'who', 'nobody', 'everyone', 'when', 'where', 'why', 'how', 'patch', 'commit', 'on',
  'in', 'my', 'your', 'his', 'her', 'our', 'their', 'a', 'an', 'one', 'not', 'never', 'just', 'once',
]);
// Lower-case particles that do occur inside real names.
const NAME_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'le', 'la', 'dos', 'bin', 'al', 'el', 'y']);

/** Parse an attribution line in any of the shapes kernel mail uses, or return null when the line is not one. */
export function parseAttribution(line: string): Attribution | null {
  if (line.length > LINE_LENGTH_MAX) return null;
  const s = line.replace(/\s+/g, ' ').trim();
  if (s.length < 6) return null;
  return (
    chineseShape(s) ??
    onShape(s) ??
    starShape(s) ??
    quotingShape(s) ??
    nameVerbDateShape(s) ??
    bareShape(s)
  );
}

/** `在 2025/4/9 20:40, X 写道:` */
function chineseShape(s: string): Attribution | null {
  if (!s.startsWith('在')) return null;
  const end = stripSuffix(s, ['写道:', '写道：', '写道']);
  if (end === null) return null;
  return dateThenName(end.slice(1).trim(), true);
}

/** `On <date>, X wrote:` and its German, French and Spanish forms. */
function onShape(s: string): Attribution | null {
  const lower = s.slice(0, 3).toLowerCase();
  if (lower === 'on ') {
    const body = stripSuffix(s, ['wrote:', 'wrote :', 'writes:', 'said:', 'wrote']);
    return body === null ? null : dateThenName(body.slice(3).trim(), true);
  }
  if (s.startsWith('Le ')) {
    const body = stripSuffix(s, ['a écrit :', 'a écrit:', 'a ecrit :', 'a ecrit:']);
    return body === null ? null : dateThenName(body.slice(3).trim(), true);
  }
  if (s.startsWith('El ')) {
    const body = stripSuffix(s, ['escribió:', 'escribio:']);
    return body === null ? null : dateThenName(body.slice(3).trim(), true);
  }
  if (s.startsWith('Em ')) {
    // Portuguese: "Em <date>, X escreveu:".
    const body = stripSuffix(s, ['escreveu:']);
    return body === null ? null : dateThenName(body.slice(3).trim(), true);
  }
  // German and Dutch put the verb before the name: "Am <date> schrieb X <addr>:", "Op <date> schreef X:".
  for (const [open, verb] of [['Am ', ' schrieb '], ['Op ', ' schreef ']] as const) {
    if (!s.startsWith(open) || !s.endsWith(':')) continue;
    const at = s.lastIndexOf(verb);
    if (at < 0) return null;
    const date = s.slice(open.length, at).trim();
    const who = s.slice(at + verb.length, -1).trim();
    return withDate(nameAddress(who, true), date);
  }
  return null;
}

/** Finnish puts the date after the verb: `X kirjoitti 5.10.2025 klo 1.41:`. */
function nameVerbDateShape(s: string): Attribution | null {
  if (!s.endsWith(':')) return null;
  const at = s.indexOf(' kirjoitti ');
  if (at <= 0) return null;
  const who = nameAddress(s.slice(0, at).trim(), false);
  const date = s.slice(at + ' kirjoitti '.length, -1).trim();
  return /\d/.test(date) ? withDate(who, date) : null;
}

/** `* X <addr> [date]:` and `* X <addr> wrote:` (mutt attribution_format of several maintainers). */
function starShape(s: string): Attribution | null {
  if (!s.startsWith('* ') || !s.endsWith(':')) return null;
  let inner = s.slice(2, -1).trim();
  if (inner.endsWith(' wrote')) inner = inner.slice(0, -' wrote'.length).trim();
  let dateText: string | null = null;
  if (inner.endsWith(']')) {
    const open = inner.lastIndexOf('[');
    if (open < 0) return null;
    dateText = inner.slice(open + 1, -1).trim();
    inner = inner.slice(0, open).trim();
  }
  const who = nameAddress(inner, true);
  if (!who) return null;
  // Without "wrote" the bracketed date is what marks the line as an attribution.
  if (dateText === null && !s.endsWith(' wrote:')) return null;
  return dateText === null ? who : withDate(who, dateText);
}

/** `Quoting X (date):` (git-send-email era, Stephen Boyd) and `Quoting X <addr>:`. */
function quotingShape(s: string): Attribution | null {
  if (!s.startsWith('Quoting ')) return null;
  let inner = s.slice('Quoting '.length).trim();
  if (inner.endsWith(':')) inner = inner.slice(0, -1).trim();
  if (inner.endsWith(')')) {
    const open = inner.lastIndexOf('(');
    if (open > 0) {
      const dateText = inner.slice(open + 1, -1).trim();
      if (/\d/.test(dateText)) return withDate(nameAddress(inner.slice(0, open).trim(), true), dateText);
    }
  }
  return nameAddress(inner, true);
}

/** `X wrote:`, `X <addr> writes:`, `X schrieb:`, `X a écrit :`, `X escribió:` with no date. */
function bareShape(s: string): Attribution | null {
  const who = stripSuffix(s, [' wrote:', ' writes:', ' schrieb:', ' schreef:', ' a écrit :', ' a écrit:', ' escribió:', ' escreveu:', ' kirjoitti:', ' 写道:', ' 写道：']);
  if (who === null) return null;
  return nameAddress(who.trim(), false);
}

/** Remove the first matching suffix; null when none matches. */
function stripSuffix(s: string, suffixes: string[]): string | null {
  for (const suffix of suffixes) {
    if (s.endsWith(suffix)) return s.slice(0, -suffix.length).trimEnd();
  }
  return null;
}

/** Read `<date>[,] <name>`: the date token by token, the rest as the name. */
function dateThenName(body: string, lenient: boolean): Attribution | null {
  const parsed = parseLooseDate(body);
  let rest = body.slice(parsed.length).replace(/^[\s,，]+/, '');
  let dateText = body.slice(0, parsed.length).trim().replace(/[,，]$/, '');
  let iso = parsed.iso;
  let who = rest ? nameAddress(rest, lenient) : null;
  // A date format we cannot read ("Thursday, December 1st, 2022"): the name is after the last comma.
  if (!who || parsed.length === 0) {
    const comma = Math.max(body.lastIndexOf(', '), body.lastIndexOf('，'));
    if (comma <= 0) return null;
    dateText = body.slice(0, comma).trim();
    rest = body.slice(comma + 1).trim();
    if (!/\d/.test(dateText)) return null;
    iso = null;
    who = nameAddress(rest, lenient);
    if (!who) return null;
  }
  if (dateText === '') return parsed.length === 0 ? null : who;
  return { ...who, date: iso, dateWritten: dateText };
}

/** Attach a bracketed or parenthesised date to a parsed name. */
function withDate(who: Attribution | null, dateText: string): Attribution | null {
  if (!who) return null;
  return { ...who, date: parseLooseDate(dateText).iso, dateWritten: dateText };
}

/** Read `Name <addr>`, `"Name" <addr>`, `addr`, or `Name`; strict mode refuses prose-looking names. */
function nameAddress(text: string, lenient: boolean): Attribution | null {
  if (text === '' || text.length > 160) return null;
  const d = deobfuscateAddress(text);
  const hasAddressShape = d.address !== null || d.obfuscated;
  let name: string | null = d.name ?? null;
  let addressWritten: string | null = null;
  if (d.name !== undefined) {
    addressWritten = d.written.slice(d.written.lastIndexOf('<') + 1).replace(/>.*$/, '').trim() || null;
    if (!addressWritten || !text.includes('<')) addressWritten = extractParenAddress(text);
  } else if (hasAddressShape) {
    addressWritten = d.written;
  } else {
    name = d.written;
  }
  if (name !== null) name = cleanName(name);
  if (name !== null && !looksLikeName(name, lenient)) return null;
  if (name === null && !hasAddressShape) return null;
  return { name, address: d.address, date: null, dateWritten: null, addressWritten };
}

/** The address part of `Name (addr)`. */
function extractParenAddress(text: string): string | null {
  const open = text.lastIndexOf('(');
  const close = text.lastIndexOf(')');
  return open >= 0 && close > open ? text.slice(open + 1, close).replace(/^<|>$/g, '').trim() || null : null;
}

/** Drop the relay decoration that is not part of the person's name. */
function cleanName(name: string): string | null {
  const out = name.replace(/\s+via\s+.*$/i, '').replace(/^["']|["']$/g, '').trim();
  return out === '' ? null : out;
}

/** Whether text reads as a person's name rather than the end of a sentence. */
function looksLikeName(name: string, lenient: boolean): boolean {
  const words = name.split(' ');
  if (words.length > (lenient ? 8 : 5)) return false;
  if (/[.!?;]$/.test(name) && !/\b\p{Lu}\.$/u.test(name)) return false;
  // Digits never occur in names but do in the leftovers of a date we could not read.
  if (/\d/.test(name)) return false;
  if (lenient) return /\p{L}/u.test(name);
  for (const w of words) {
    const lw = w.toLowerCase();
    if (NOT_NAME_WORDS.has(lw)) return false;
    if (NAME_PARTICLES.has(w)) continue;
    if (!/^["'(]?[\p{Lu}\p{Lo}]/u.test(w)) return false;
  }
  return true;
}
