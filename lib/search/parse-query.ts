// Parses a lore-style search query (s: f: b: nq: q: d:, bare words, "phrases", -negation, OR,
// and the knowledge-base filters inv: sub: verdict: claim:) into a plan the store compiles to FTS5. User text never reaches FTS5 unquoted: every term is
// emitted as an FTS5 string, so operators, parentheses and stray quotes in the query are words.

/** Where an FTS term is searched: one or more FTS5 columns. */
export type FtsColumns = readonly ('subject' | 'author' | 'own' | 'quoted')[];

/** A prefix the parser knows: an FTS field, or a filter handled by the store in SQL. */
export type PrefixSpec =
  | { kind: 'fts'; columns: FtsColumns; help: string }
  | { kind: 'date'; help: string }
  | { kind: 'kb'; filter: 'inv' | 'sub' | 'verdict' | 'claim'; help: string };

/** The prefix registry: FTS columns, the date range and the knowledge-base filters; unknown prefixes are refused with this list. */
export const PREFIXES: Readonly<Record<string, PrefixSpec>> = {
  s: { kind: 'fts', columns: ['subject'], help: 'subject' },
  f: { kind: 'fts', columns: ['author'], help: 'sender name or address' },
  b: { kind: 'fts', columns: ['own', 'quoted'], help: 'body (own and quoted words)' },
  nq: { kind: 'fts', columns: ['own'], help: "the author's own words (not quoted)" },
  q: { kind: 'fts', columns: ['quoted'], help: 'quoted words' },
  d: { kind: 'date', help: 'date range YYYY-MM-DD..YYYY-MM-DD (either end may be empty)' },
  inv: { kind: 'kb', filter: 'inv', help: 'an invariant id' },
  sub: { kind: 'kb', filter: 'sub', help: 'a subsystem id' },
  verdict: { kind: 'kb', filter: 'verdict', help: 'never, sometimes or always, or <variant>=<verdict>' },
  claim: { kind: 'kb', filter: 'claim', help: 'a claim: <thread>#<id> or <id>' },
};

/** A verdict filter: how often a scenario variant violates an invariant, optionally for one variant. */
export interface VerdictFilter {
  variant: string | null;
  verdict: 'never' | 'sometimes' | 'always';
}

/** A claim filter: a claim id, in one thread or in any. */
export interface ClaimFilter {
  thread: string | null;
  id: string;
}

/** The knowledge-base filters of a query; every one given narrows the result (they are ANDed). */
export interface KbFilters {
  invariants: string[];
  subsystems: string[];
  verdicts: VerdictFilter[];
  claims: ClaimFilter[];
}

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
  kb: KbFilters;
}

/** Whether the plan has any knowledge-base filter. */
export function hasKbFilters(plan: QueryPlan): boolean {
  const k = plan.kb;
  return k.invariants.length + k.subsystems.length + k.verdicts.length + k.claims.length > 0;
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
  const plan: QueryPlan = { terms: [], dateFrom: null, dateTo: null, kb: { invariants: [], subsystems: [], verdicts: [], claims: [] } };
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
      if (spec.kind === 'kb') {
        if (negated) throw new QueryError(`"-${field}:" cannot be negated; knowledge-base filters only narrow the result`);
        applyKb(plan, spec.filter, text);
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
  if (plan.terms.length === 0 && plan.dateFrom === null && plan.dateTo === null && !hasKbFilters(plan)) throw new QueryError('nothing to search for: give at least one word');
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

// Ids as the content files write them: kebab-case invariants and subsystems, c7-style claims.
const KB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CLAIM_ID = /^[a-z]\d+$/;
const VARIANT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const KB_VALUES_MAX = 8;

function applyKb(plan: QueryPlan, filter: 'inv' | 'sub' | 'verdict' | 'claim', text: string): void {
  const k = plan.kb;
  if (k.invariants.length + k.subsystems.length + k.verdicts.length + k.claims.length >= KB_VALUES_MAX) throw new QueryError(`too many knowledge-base filters; the limit is ${KB_VALUES_MAX}`);
  if (filter === 'inv' || filter === 'sub') {
    if (!KB_ID.test(text)) throw new QueryError(`"${filter}:${text}" needs a kebab-case ${filter === 'inv' ? 'invariant' : 'subsystem'} id, e.g. ${filter === 'inv' ? 'inv:no-delalloc-at-reclaim' : 'sub:errseq'}`);
    (filter === 'inv' ? k.invariants : k.subsystems).push(text);
    return;
  }
  if (filter === 'verdict') {
    const eq = text.lastIndexOf('=');
    const variant = eq < 0 ? null : text.slice(0, eq);
    const verdict = eq < 0 ? text : text.slice(eq + 1);
    if ((verdict !== 'never' && verdict !== 'sometimes' && verdict !== 'always') || (variant !== null && !VARIANT.test(variant))) {
      throw new QueryError(`cannot read verdict "${text}"; write verdict:never, verdict:sometimes, verdict:always or verdict:<variant>=always (e.g. verdict:v4.19=always)`);
    }
    k.verdicts.push({ variant, verdict });
    return;
  }
  const hash = text.indexOf('#');
  const thread = hash < 0 ? null : text.slice(0, hash);
  const id = hash < 0 ? text : text.slice(hash + 1);
  if (!CLAIM_ID.test(id) || (thread !== null && !KB_ID.test(thread))) {
    throw new QueryError(`cannot read claim "${text}"; write claim:<thread>#<id> (e.g. claim:write-cache-pages-stop-on-error#c7) or claim:<id>`);
  }
  k.claims.push({ thread, id });
}

/** Compiles the FTS terms to an FTS5 MATCH expression in which every word is a quoted string. */
export function toFtsMatch(plan: QueryPlan): string | null {
  return toFtsMatchIn(plan, (columns) => columns);
}

/**
 * Compiles the FTS terms for another FTS5 table: `mapColumns` turns a term's message columns into
 * that table's columns. A term with no column there can never match: a negated one is left out,
 * a positive one drops out of its OR group, and null is returned when a whole group drops out.
 */
export function toFtsMatchIn(plan: QueryPlan, mapColumns: (columns: FtsColumns) => readonly string[]): string | null {
  const groups: (string | null)[][] = [];
  const negative: string[] = [];
  for (const t of plan.terms) {
    const columns = mapColumns(t.columns);
    const phrase = t.words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' + ') + (t.prefix ? ' *' : '');
    const expr = columns.length === 0 ? null : `{${columns.join(' ')}} : (${phrase})`;
    if (t.negated) {
      if (expr !== null) negative.push(expr);
    } else if (t.orWithPrevious && groups.length > 0) groups[groups.length - 1]!.push(expr);
    else groups.push([expr]);
  }
  if (groups.length === 0) return null;
  const positive: string[] = [];
  for (const g of groups) {
    const alive = g.filter((e): e is string => e !== null);
    if (alive.length === 0) return null;
    positive.push(alive.length === 1 ? alive[0]! : `(${alive.join(' OR ')})`);
  }
  let match = positive.join(' AND ');
  if (negative.length > 0) match = `(${match}) NOT (${negative.join(' OR ')})`;
  return match;
}
