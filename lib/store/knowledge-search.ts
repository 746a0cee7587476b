// Search over the knowledge base: claims and scenarios ranked by FTS5 bm25 for free words and
// narrowed by the inv: sub: verdict: claim: filters, grouped with the threads they belong to.
// The filters are evaluated as sets of (thread, id) keys (the knowledge base has hundreds of
// rows, not millions) and intersected; every value reaches SQLite as a bound parameter.
import { hasKbFilters, parseQuery, QueryError, toFtsMatchIn, type FtsColumns, type KbFilters, type QueryPlan } from '../search';
import type { Db } from './open-store';
import { stmt } from './statements';

/** A thread of the knowledge base. */
export interface KbThreadHit {
  slug: string;
  title: string;
  /** The thread's root Message-ID, when its seed page was imported. */
  rootId: string | null;
}

/** A claim hit. */
export interface KbClaimHit {
  thread: string;
  id: string;
  kind: string;
  speaker: string;
  title: string;
  /** Highlighted excerpt (matches in « »), or the paraphrase's start when no word was searched. */
  snippet: string;
}

/** One expected verdict of a scenario: how often `variant` violates `invariant`. */
export interface KbVerdict {
  variant: string;
  invariant: string;
  verdict: string;
}

/** A scenario hit, with the expected verdicts that match the query's filters. */
export interface KbScenarioHit {
  thread: string;
  id: string;
  title: string;
  hash: string;
  verdicts: KbVerdict[];
}

/** The knowledge-base groups of a search. */
export interface KnowledgeHits {
  threads: KbThreadHit[];
  claims: KbClaimHit[];
  scenarios: KbScenarioHit[];
}

/** The groups, or an error message the user can act on. */
export type KnowledgeOutcome = ({ ok: true } & KnowledgeHits) | { ok: false; error: string };

const LIMIT_MAX = 500;
const SNIPPET_CHARS = 160;

// Message columns -> knowledge-base columns: bare words and body prefixes search a claim's
// words, s: its title, f: its speaker; scenarios have a title and a summary and no speaker.
const CLAIM_COLUMNS = (c: FtsColumns): string[] => [...new Set(c.flatMap((x) => (x === 'subject' ? ['title'] : x === 'author' ? ['speaker'] : ['title', 'paraphrase', 'quote'])))];
const SCENARIO_COLUMNS = (c: FtsColumns): string[] => [...new Set(c.flatMap((x) => (x === 'subject' ? ['title'] : x === 'author' ? [] : ['title', 'summary'])))];

/** Searches claims, scenarios and their threads with the query language (free words, inv: sub: verdict: claim:, d:). */
export function searchKnowledge(db: Db, query: string, options: { limit?: number } = {}): KnowledgeOutcome {
  let plan: QueryPlan;
  try {
    plan = parseQuery(query);
  } catch (err) {
    if (err instanceof QueryError) return { ok: false, error: err.message };
    throw err;
  }
  try {
    return { ok: true, ...searchKnowledgePlan(db, plan, options.limit ?? 50) };
  } catch (err) {
    return { ok: false, error: `search failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** The groups for a parsed plan; empty when it has neither free words nor knowledge-base filters. */
export function searchKnowledgePlan(db: Db, plan: QueryPlan, limitRaw: number): KnowledgeHits {
  const limit = Math.max(1, Math.min(LIMIT_MAX, Math.floor(limitRaw)));
  const filtered = hasKbFilters(plan);
  const positive = plan.terms.some((t) => !t.negated);
  if (!filtered && !positive) return { threads: [], claims: [], scenarios: [] };
  const sets = filtered ? filterSets(db, plan.kb) : null;
  const claims = rankedClaims(db, plan, positive).filter((c) => sets === null || sets.claims.has(key(c.thread, c.id))).slice(0, limit);
  const scenarios = rankedScenarios(db, plan, positive).filter((s) => sets === null || sets.scenarios.has(key(s.thread, s.id))).slice(0, limit);
  const preds = predicates(db, plan.kb.invariants);
  const withVerdicts = scenarios.map((s) => ({ ...s, verdicts: matchingVerdicts(db, s.thread, s.id, plan.kb, preds) }));
  return { threads: threadsOf(db, [...claims.map((c) => c.thread), ...withVerdicts.map((s) => s.thread)]), claims, scenarios: withVerdicts };
}

/** The root Message-IDs of the threads the plan's knowledge-base filters concern, or null when it has none. */
export function kbThreadRoots(db: Db, plan: QueryPlan): string[] | null {
  if (!hasKbFilters(plan)) return null;
  const sets = filterSets(db, plan.kb);
  const slugs = new Set([...sets.claims, ...sets.scenarios].map((k) => k.slice(0, k.indexOf('#'))));
  return threadsOf(db, [...slugs]).flatMap((t) => (t.rootId === null ? [] : [t.rootId]));
}

function key(thread: string, id: string): string {
  return `${thread}#${id}`;
}

interface KeyRow {
  thread: string;
  id: string;
}

function keys(rows: unknown[]): Set<string> {
  return new Set((rows as KeyRow[]).map((r) => key(r.thread, r.id)));
}

function intersect(a: Set<string> | null, b: Set<string>): Set<string> {
  return a === null ? b : new Set([...a].filter((k) => b.has(k)));
}

/** The predicates of the given invariant ids (an id the catalogue lacks stands for itself, as scenarios may check it). */
function predicates(db: Db, invariants: readonly string[]): string[] {
  return invariants.map((id) => (stmt(db, 'SELECT predicate FROM invariants WHERE id = ?').get(id) as { predicate: string } | undefined)?.predicate ?? id);
}

// Claims linked (claim_links) to any of a set of scenarios, given as a JSON array of [thread, id].
const CLAIMS_OF_SCENARIOS = `SELECT DISTINCT l.thread, l.claim_id AS id FROM claim_links l
  JOIN json_each(@scenarios) j ON json_extract(j.value, '$[0]') = l.thread AND json_extract(j.value, '$[1]') = l.scenario`;

function claimsOfScenarios(db: Db, scenarios: Set<string>): Set<string> {
  const pairs = [...scenarios].map((k) => [k.slice(0, k.indexOf('#')), k.slice(k.indexOf('#') + 1)]);
  return keys(stmt(db, CLAIMS_OF_SCENARIOS).all({ scenarios: JSON.stringify(pairs) }));
}

/** Per filter, the claims and scenarios it selects; the result is their intersection. */
function filterSets(db: Db, kb: KbFilters): { claims: Set<string>; scenarios: Set<string> } {
  let claims: Set<string> | null = null;
  let scenarios: Set<string> | null = null;
  const preds = predicates(db, kb.invariants);
  kb.invariants.forEach((id, i) => {
    const pred = preds[i]!;
    const s = keys(stmt(db, 'SELECT thread, scenario_id AS id FROM scenario_invariants WHERE invariant = ?').all(pred));
    const c = claimsOfScenarios(db, s);
    for (const k of keys(stmt(db, 'SELECT thread, claim_id AS id FROM invariant_claims WHERE invariant = ?').all(id))) c.add(k);
    for (const k of keys(stmt(db, 'SELECT DISTINCT thread, claim_id AS id FROM claim_links WHERE invariant = ?').all(pred))) c.add(k);
    scenarios = intersect(scenarios, s);
    claims = intersect(claims, c);
  });
  for (const sub of kb.subsystems) {
    const s = keys(stmt(db, 'SELECT thread, scenario_id AS id FROM scenario_subsystems WHERE subsystem = ?').all(sub));
    const c = claimsOfScenarios(db, s);
    for (const k of keys(stmt(db, 'SELECT DISTINCT c.thread, c.claim_id AS id FROM invariant_claims c JOIN invariant_subsystems s ON s.invariant = c.invariant WHERE s.subsystem = ?').all(sub))) c.add(k);
    scenarios = intersect(scenarios, s);
    claims = intersect(claims, c);
  }
  const predsJson = kb.invariants.length === 0 ? null : JSON.stringify(preds);
  for (const v of kb.verdicts) {
    const args = { verdict: v.verdict, variant: v.variant, preds: predsJson };
    const s = keys(stmt(db, `SELECT DISTINCT thread, scenario_id AS id FROM scenario_expect WHERE verdict = @verdict AND (@variant IS NULL OR variant = @variant)
      AND (@preds IS NULL OR invariant IN (SELECT value FROM json_each(@preds)))`).all(args));
    const c = keys(stmt(db, `SELECT DISTINCT thread, claim_id AS id FROM claim_links WHERE verdict = @verdict AND (@variant IS NULL OR variant = @variant)
      AND (@preds IS NULL OR invariant IN (SELECT value FROM json_each(@preds)))`).all(args));
    scenarios = intersect(scenarios, s);
    claims = intersect(claims, c);
  }
  for (const f of kb.claims) {
    const args = { thread: f.thread, id: f.id };
    const c = keys(stmt(db, 'SELECT thread, claim_id AS id FROM claims WHERE claim_id = @id AND (@thread IS NULL OR thread = @thread)').all(args));
    const s = keys(stmt(db, `SELECT DISTINCT s.thread, s.scenario_id AS id FROM scenarios s WHERE (@thread IS NULL OR s.thread = @thread) AND (
        EXISTS (SELECT 1 FROM claim_links l WHERE l.thread = s.thread AND l.scenario = s.scenario_id AND l.claim_id = @id)
        OR EXISTS (SELECT 1 FROM json_each(s.json, '$.claims') j WHERE j.value = @id))`).all(args));
    scenarios = intersect(scenarios, s);
    claims = intersect(claims, c);
  }
  return { claims: claims ?? new Set(), scenarios: scenarios ?? new Set() };
}

interface ClaimRow {
  thread: string;
  claim_id: string;
  kind: string;
  speaker: string;
  title: string;
  snippet: string;
}

/** Claims matching the free words (bm25 order) and the date range, or all of them in file order when no word is searched. */
function rankedClaims(db: Db, plan: QueryPlan, positive: boolean): KbClaimHit[] {
  const dates = { from: plan.dateFrom, to: plan.dateTo };
  let rows: ClaimRow[];
  if (positive) {
    const match = toFtsMatchIn(plan, CLAIM_COLUMNS);
    if (match === null) return [];
    rows = stmt(db, `SELECT c.thread, c.claim_id, c.kind, c.speaker, c.title,
        coalesce(nullif(snippet(claims_fts, 1, '«', '»', '…', 16), ''), snippet(claims_fts, -1, '«', '»', '…', 16)) AS snippet
      FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid
      WHERE claims_fts MATCH @match AND (@from IS NULL OR c.message_date >= @from) AND (@to IS NULL OR c.message_date < @to)
      ORDER BY bm25(claims_fts, 4.0, 2.0, 1.0, 1.0), c.thread, c.line`).all({ match, ...dates }) as ClaimRow[];
  } else {
    rows = stmt(db, `SELECT c.thread, c.claim_id, c.kind, c.speaker, c.title, CASE WHEN length(c.paraphrase) > ${SNIPPET_CHARS} THEN substr(c.paraphrase, 1, ${SNIPPET_CHARS}) || '…' ELSE c.paraphrase END AS snippet FROM claims c
      WHERE (@from IS NULL OR c.message_date >= @from) AND (@to IS NULL OR c.message_date < @to) ORDER BY c.thread, c.line`).all(dates) as ClaimRow[];
  }
  return rows.map((r) => ({ thread: r.thread, id: r.claim_id, kind: r.kind, speaker: r.speaker, title: r.title, snippet: r.snippet }));
}

interface ScenarioRow {
  thread: string;
  scenario_id: string;
  title: string;
  hash: string;
}

/** Scenarios matching the free words (bm25 order), or all of them by thread and id when no word is searched. */
function rankedScenarios(db: Db, plan: QueryPlan, positive: boolean): Omit<KbScenarioHit, 'verdicts'>[] {
  let rows: ScenarioRow[];
  if (positive) {
    const match = toFtsMatchIn(plan, SCENARIO_COLUMNS);
    if (match === null) return [];
    rows = stmt(db, `SELECT s.thread, s.scenario_id, s.title, s.hash FROM scenarios_fts JOIN scenarios s ON s.id = scenarios_fts.rowid
      WHERE scenarios_fts MATCH ? ORDER BY bm25(scenarios_fts, 3.0, 1.0), s.thread, s.scenario_id`).all(match) as ScenarioRow[];
  } else {
    rows = stmt(db, 'SELECT thread, scenario_id, title, hash FROM scenarios ORDER BY thread, scenario_id').all() as ScenarioRow[];
  }
  return rows.map((r) => ({ thread: r.thread, id: r.scenario_id, title: r.title, hash: r.hash }));
}

/** The scenario's expected verdicts that the verdict: and inv: filters select (all of them without such filters). */
function matchingVerdicts(db: Db, thread: string, id: string, kb: KbFilters, preds: readonly string[]): KbVerdict[] {
  const rows = stmt(db, 'SELECT variant, invariant, verdict FROM scenario_expect WHERE thread = ? AND scenario_id = ? ORDER BY ordinal').all(thread, id) as KbVerdict[];
  return rows.filter(
    (r) => (preds.length === 0 || preds.includes(r.invariant)) && (kb.verdicts.length === 0 || kb.verdicts.some((v) => v.verdict === r.verdict && (v.variant === null || v.variant === r.variant))),
  );
}

function threadsOf(db: Db, slugs: readonly string[]): KbThreadHit[] {
  const rows = stmt(db, 'SELECT slug, title, root_id FROM kb_threads WHERE slug IN (SELECT value FROM json_each(?)) ORDER BY slug').all(JSON.stringify([...new Set(slugs)])) as { slug: string; title: string; root_id: string | null }[];
  return rows.map((r) => ({ slug: r.slug, title: r.title, rootId: r.root_id }));
}
