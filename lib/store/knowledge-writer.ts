// Writes the knowledge base (annotations, scenarios, catalogues) into its tables: the whole of it
// replaced in one transaction, and nothing written at all when its content hash is unchanged.
import { createHash } from 'node:crypto';
import type { AnchorStatus, Claim, Invariant, Subsystem } from '../kb';
import type { Scenario } from '../scenario';
import type { Db } from './open-store';
import { stmt } from './statements';
import { pathHolds } from './catalogues';
import { KNOWLEDGE_HASH_KEY, storedKnowledgeHash } from './stored-knowledge-hash';

/** A claim with where its anchor was found in the seed page (null status when there is no seed text). */
export interface KnowledgeClaim {
  thread: string;
  claim: Claim;
  anchorStatus: AnchorStatus | null;
  anchorScore: number | null;
}

/** Everything the knowledge-base tables hold, as plain data. */
export interface KnowledgeSnapshot {
  threads: { slug: string; title: string; rootId: string | null }[];
  claims: KnowledgeClaim[];
  scenarios: { scenario: Scenario; hash: string }[];
  invariants: Invariant[];
  subsystems: Subsystem[];
}

/** What writeKnowledge did: whether anything changed, and the snapshot's content hash. */
export interface KnowledgeWrite {
  changed: boolean;
  hash: string;
}

const TABLES = ['kb_threads', 'claims', 'claim_answers', 'claim_links', 'scenarios', 'scenario_invariants', 'scenario_subsystems', 'scenario_expect', 'invariants', 'invariant_subsystems', 'invariant_claims', 'subsystems', 'claims_fts', 'scenarios_fts'];

/** The sha256 of the snapshot's JSON: equal snapshots give equal hashes. */
export function knowledgeHash(snapshot: KnowledgeSnapshot): string {
  return createHash('sha256').update(JSON.stringify(snapshot)).digest('hex');
}


/** Replaces the knowledge base with `snapshot` in one transaction, unless the stored hash says it is already there. */
export function writeKnowledge(db: Db, snapshot: KnowledgeSnapshot): KnowledgeWrite {
  const hash = knowledgeHash(snapshot);
  return db.transaction((): KnowledgeWrite => {
    if (storedKnowledgeHash(db) === hash) return { changed: false, hash };
    for (const t of TABLES) stmt(db, `DELETE FROM ${t}`).run();
    for (const t of snapshot.threads) stmt(db, 'INSERT INTO kb_threads (slug, title, root_id) VALUES (?, ?, ?)').run(t.slug, t.title, t.rootId);
    for (const c of snapshot.claims) insertClaim(db, c);
    for (const s of snapshot.scenarios) insertScenario(db, s.scenario, s.hash, snapshot);
    for (const i of snapshot.invariants) insertInvariant(db, i);
    for (const s of snapshot.subsystems) {
      stmt(db, 'INSERT INTO subsystems (id, title, description, files_json) VALUES (?, ?, ?, ?)').run(s.id, s.title, s.description, JSON.stringify(s.files));
    }
    stmt(db, 'INSERT INTO store_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KNOWLEDGE_HASH_KEY, hash);
    return { changed: true, hash };
  }).immediate();
}

function insertClaim(db: Db, k: KnowledgeClaim): void {
  const c = k.claim;
  const q = c.anchor.quote;
  const { lastInsertRowid } = stmt(db, `INSERT INTO claims (thread, claim_id, kind, speaker, message_date, message_id, depth, status_state, status_commit, status_note,
      title, paraphrase, quote_exact, quote_prefix, quote_suffix, position_start, position_end, anchor_status, anchor_score, scenario_pending, not_replayable, line)
    VALUES (@thread, @id, @kind, @speaker, @date, @messageId, @depth, @state, @commit, @note, @title, @paraphrase, @exact, @prefix, @suffix, @start, @end, @anchorStatus, @anchorScore, @pending, @notReplayable, @line)`).run({
    thread: k.thread, id: c.id, kind: c.kind, speaker: c.speaker, date: c.message.date, messageId: c.message.messageId, depth: c.depth,
    state: c.status.state, commit: c.status.commit, note: c.status.note, title: c.title, paraphrase: c.paraphrase,
    exact: q.exact, prefix: q.prefix, suffix: q.suffix, start: c.anchor.position?.start ?? null, end: c.anchor.position?.end ?? null,
    anchorStatus: k.anchorStatus, anchorScore: k.anchorScore, pending: c.scenarioPending, notReplayable: c.notReplayable, line: c.line,
  });
  stmt(db, 'INSERT INTO claims_fts (rowid, title, paraphrase, quote, speaker) VALUES (?, ?, ?, ?, ?)').run(lastInsertRowid, c.title, c.paraphrase, q.exact, c.speaker);
  for (const a of new Set(c.answers)) stmt(db, 'INSERT INTO claim_answers (thread, claim_id, answers) VALUES (?, ?, ?)').run(k.thread, c.id, a);
  c.scenarios.forEach((l, i) => {
    stmt(db, 'INSERT INTO claim_links (thread, claim_id, ordinal, scenario, variant, invariant, verdict, relation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(k.thread, c.id, i, l.scenario, l.variant, l.invariant, l.verdict, l.relation);
  });
}

/** A scenario belongs to a subsystem when it checks one of the subsystem's invariants or names a path holding one of its files. */
function subsystemsOf(scenario: Scenario, snapshot: KnowledgeSnapshot): string[] {
  return snapshot.subsystems
    .filter((sub) => {
      const predicates = snapshot.invariants.filter((i) => i.subsystems.includes(sub.id)).map((i) => i.predicate);
      return scenario.subsystems.some((p) => pathHolds(p, sub.files)) || scenario.invariants.some((i) => predicates.includes(i));
    })
    .map((sub) => sub.id);
}

function insertScenario(db: Db, s: Scenario, hash: string, snapshot: KnowledgeSnapshot): void {
  const { lastInsertRowid } = stmt(db, 'INSERT INTO scenarios (thread, scenario_id, title, summary, hash, json) VALUES (?, ?, ?, ?, ?, ?)').run(s.thread, s.id, s.title, s.summary, hash, JSON.stringify(s));
  stmt(db, 'INSERT INTO scenarios_fts (rowid, title, summary) VALUES (?, ?, ?)').run(lastInsertRowid, s.title, s.summary);
  for (const inv of new Set(s.invariants)) stmt(db, 'INSERT INTO scenario_invariants (thread, scenario_id, invariant) VALUES (?, ?, ?)').run(s.thread, s.id, inv);
  for (const sub of subsystemsOf(s, snapshot)) stmt(db, 'INSERT INTO scenario_subsystems (thread, scenario_id, subsystem) VALUES (?, ?, ?)').run(s.thread, s.id, sub);
  let ordinal = 0;
  for (const [variant, verdicts] of Object.entries(s.expect)) {
    for (const [invariant, verdict] of Object.entries(verdicts)) {
      stmt(db, 'INSERT INTO scenario_expect (thread, scenario_id, variant, invariant, verdict, ordinal) VALUES (?, ?, ?, ?, ?, ?)').run(s.thread, s.id, variant, invariant, verdict, ordinal++);
    }
  }
}

function insertInvariant(db: Db, i: Invariant): void {
  stmt(db, 'INSERT INTO invariants (id, title, predicate, kind, statement) VALUES (?, ?, ?, ?, ?)').run(i.id, i.title, i.predicate, i.kind, i.statement);
  for (const sub of new Set(i.subsystems)) stmt(db, 'INSERT INTO invariant_subsystems (invariant, subsystem) VALUES (?, ?)').run(i.id, sub);
  for (const ref of new Set(i.claims)) {
    const hash = ref.indexOf('#');
    if (hash > 0) stmt(db, 'INSERT INTO invariant_claims (invariant, thread, claim_id) VALUES (?, ?, ?)').run(i.id, ref.slice(0, hash), ref.slice(hash + 1));
  }
}
