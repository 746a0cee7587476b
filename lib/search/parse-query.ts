// Parses a lore-style search query (s: f: b: nq: q: d:, bare words, "phrases", -negation, OR)
// into a plan the store compiles to FTS5. User text never reaches FTS5 unquoted: every term is
// emitted as an FTS5 string, so operators, parentheses and stray quotes in the query are words.

/** Where an FTS term is searched: one or more FTS5 columns. */
export type FtsColumns = readonly ('subject' | 'author' | 'own' | 'quoted')[];

/** A prefix the parser knows: an FTS field, or a filter handled by the store in SQL. */
export type PrefixSpec =
  | { kind: 'fts'; columns: FtsColumns; help: string }
  | { kind: 'date'; help: string };

/**
 * The prefix registry. A later issue adds `inv:`, `sub:`, `verdict:`, `claim:` here (as new
 * kinds the store learns to filter by); unknown prefixes are refused with this list.
 */
export const PREFIXES: Readonly<Record<string, PrefixSpec>> = {
  s: { kind: 'fts', columns: ['subject'], help: 'subject' },
  f: { kind: 'fts', columns: ['author'], help: 'sender name or address' },
  b: { kind: 'fts', columns: ['own', 'quoted'], help: 'body (own and quoted words)' },
  nq: { kind: 'fts', columns: ['own'], help: "the author's own words (not quoted)" },
  q: { kind: 'fts', columns: ['quoted'], help: 'quoted words' },
  d: { kind: 'date', help: 'date range YYYY-MM-DD..YYYY-MM-DD (either end may be empty)' },
};

/** One search term: words or a phrase in some columns, possibly negated or a prefix (`foo*`). */
export interface QueryTerm {
  columns: FtsColumns;
  /** The words of the term (a phrase when more than one). */
  words: string[];
  negated: boolean;
  /** Trailing `*`: the last word is a prefix. */
  prefix: boolean;
  /** True when joined to the previous term by OR. */
  orWithPrevious: boolean;
}

/** The parsed query: FTS terms and SQL filters. */
export interface QueryPlan {
  terms: QueryTerm[];
  dateFrom: string | null;
  /** Exclusive upper bound (the day after the given end date). */
  dateTo: string | null;
}

/** A query the user must fix, with a message saying how. */
export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}

// Bounds so that a 10 KB paste is answered quickly with a clear message, not a huge FTS program.
const QUERY_CHARS_MAX = 2000;
const TERMS_MAX = 32;
const BARE: FtsColumns = ['own', 'quoted'];

/** Parses the query or throws QueryError with a message fit for the user. */
export function parseQuery(input: string): QueryPlan {
  if (input.length > QUERY_CHARS_MAX) throw new QueryError(`query is ${input.length} characters; the limit is ${QUERY_CHARS_MAX}`);
  const plan: QueryPlan = { terms: [], dateFrom: null, dateTo: null };
  let pendingOr = false;
  for (const token of tokenize(input)) {
    if (!token.quoted && token.text === 'OR') {
      pendingOr = plan.terms.length > 0;
      continue;
    }
    if (!token.quoted && token.text === 'AND') continue;
    let text = token.text;
    let negated = token.negated;
    let columns: FtsColumns = BARE;
    if (!token.quoted && text.startsWith('-') && text.length > 1) {
      negated = true;
      text = text.slice(1);
    }
    const field = token.field;
    if (field !== null) {
      const spec = PREFIXES[field.toLowerCase()];
      if (spec === undefined) {
        throw new QueryError(`unknown prefix "${field}:"; known prefixes: ${Object.entries(PREFIXES).map(([k, v]) => `${k}: (${v.help})`).join(', ')}`);
      }
      if (spec.kind === 'date') {
        applyDate(plan, text);
        continue;
      }
      columns = spec.columns;
    }
    const prefix = !token.quoted && text.endsWith('*');
    const words = splitWords(prefix ? text.slice(0, -1) : text);
    if (words.length === 0) continue;
    if (plan.terms.length >= TERMS_MAX) throw new QueryError(`too many search terms; the limit is ${TERMS_MAX}`);
    plan.terms.push({ columns, words, negated, prefix, orWithPrevious: pendingOr && !negated });
    pendingOr = false;
  }
  if (plan.terms.length === 0 && plan.dateFrom === null && plan.dateTo === null) throw new QueryError('nothing to search for: give at least one word');
  if (plan.terms.length > 0 && plan.terms.every((t) => t.negated)) throw new QueryError('a query needs at least one word that is not negated');
  return plan;
}

interface Token {
  field: string | null;
  text: string;
  quoted: boolean;
  /** `-prefix:value`: the minus came before the prefix. */
  negated: boolean;
}

/** Splits on whitespace, keeping "quoted phrases" (an unclosed quote runs to the end). */
function tokenize(input: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < input.length) {
    while (i < input.length && /\s/.test(input[i] as string)) i++;
    if (i >= input.length) break;
    let field: string | null = null;
    let minus = '';
    const m = /^(-?)([A-Za-z]+):/.exec(input.slice(i, i + 20));
    if (m !== null) {
      minus = m[1] as string;
      field = m[2] as string;
      i += m[0].length;
    }
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      const end = close < 0 ? input.length : close;
      out.push({ field, text: input.slice(i + 1, end), quoted: true, negated: minus === '-' });
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < input.length && !/\s/.test(input[j] as string)) j++;
    out.push({ field, text: input.slice(i, j), quoted: false, negated: minus === '-' });
    i = j;
  }
  return out;
}

/** The word characters FTS5's unicode61 tokenizer would index; everything else separates. */
function splitWords(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

function applyDate(plan: QueryPlan, text: string): void {
  const m = /^(\d{4}-\d{2}-\d{2})?(?:\.\.(\d{4}-\d{2}-\d{2})?)?$/.exec(text);
  if (m === null || (m[1] === undefined && m[2] === undefined)) {
    throw new QueryError(`cannot read date range "${text}"; write d:2018-10-01..2018-12-01, d:2018-10-01.. or d:..2018-12-01`);
  }
  const from = m[1] ?? null;
  const single = !text.includes('..');
  const to = single ? from : (m[2] ?? null);
  for (const d of [from, to]) if (d !== null && Number.isNaN(Date.parse(d))) throw new QueryError(`"${d}" is not a calendar date`);
  plan.dateFrom = from;
  plan.dateTo = to === null ? null : new Date(Date.parse(to) + 86_400_000).toISOString().slice(0, 10);
}

/** Compiles the FTS terms to an FTS5 MATCH expression in which every word is a quoted string. */
export function toFtsMatch(plan: QueryPlan): string | null {
  const positive: string[] = [];
  const negative: string[] = [];
  for (const t of plan.terms) {
    const phrase = t.words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' + ') + (t.prefix ? ' *' : '');
    const expr = `{${t.columns.join(' ')}} : (${phrase})`;
    if (t.negated) negative.push(expr);
    else if (t.orWithPrevious && positive.length > 0) positive[positive.length - 1] = `(${positive[positive.length - 1]} OR ${expr})`;
    else positive.push(expr);
  }
  if (positive.length === 0) return null;
  let match = positive.join(' AND ');
  if (negative.length > 0) match = `(${match}) NOT (${negative.join(' OR ')})`;
  return match;
}
