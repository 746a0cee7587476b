// Ranked full-text search over stored messages. The query language is parsed in lib/search
// (pure); here the plan becomes one FTS5 MATCH plus SQL filters. Errors the user can fix come
// back as { ok: false, error }; no SQLite exception ever reaches the caller.
import { parseQuery, toFtsMatch, QueryError } from '../search';
import { kbThreadRoots } from './knowledge-search';
import type { Db } from './open-store';
import { stmt } from './statements';

/** One search hit. */
export interface SearchHit {
  messageId: string;
  subject: string | null;
  from: { name: string | null; address: string | null };
  date: string | null;
  threadRootId: string | null;
  /** Highlighted excerpt: matches wrapped in « and ». */
  snippet: string;
  /** bm25 rank (lower is better). */
  rank: number;
}

/** Hits, or an error message the user can act on. */
export type SearchOutcome = { ok: true; hits: SearchHit[] } | { ok: false; error: string };

const LIMIT_MAX = 500;

/** Searches with the lore-style query language (s: f: b: nq: q: d:, "phrases", -not, OR); kb filters (inv: sub: verdict: claim:) keep the messages of the threads they concern. */
export function searchMessages(db: Db, query: string, options: { limit?: number } = {}): SearchOutcome {
  const limit = Math.max(1, Math.min(LIMIT_MAX, Math.floor(options.limit ?? 20)));
  let plan;
  try {
    plan = parseQuery(query);
  } catch (err) {
    if (err instanceof QueryError) return { ok: false, error: err.message };
    throw err;
  }
  const match = toFtsMatch(plan);
  try {
    // Knowledge-base filters narrow messages to the threads they concern; alone, they select no message.
    const rootList = kbThreadRoots(db, plan);
    if (rootList !== null && match === null && plan.dateFrom === null && plan.dateTo === null) return { ok: true, hits: [] };
    const roots = rootList === null ? null : JSON.stringify(rootList);
    if (match === null) {
      // A date-only query: newest first, no ranking.
      const rows = stmt(db, `SELECT m.message_id, m.subject, m.from_name, m.from_address, m.date, substr(m.body, 1, 160) AS snippet, 0 AS rank, n.root_id
        FROM messages m LEFT JOIN thread_nodes n ON n.message_id = m.message_id
        WHERE (@from IS NULL OR m.date >= @from) AND (@to IS NULL OR m.date < @to) AND (@roots IS NULL OR n.root_id IN (SELECT value FROM json_each(@roots)))
        ORDER BY m.date DESC LIMIT @limit`).all({ from: plan.dateFrom, to: plan.dateTo, roots, limit });
      return { ok: true, hits: (rows as HitRow[]).map(toHit) };
    }
    const rows = stmt(db, `SELECT m.message_id, m.subject, m.from_name, m.from_address, m.date, n.root_id,
        coalesce(nullif(snippet(messages_fts, 2, '«', '»', '…', 16), ''), snippet(messages_fts, -1, '«', '»', '…', 16)) AS snippet,
        bm25(messages_fts, 4.0, 2.0, 1.0, 0.4) AS rank
      FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid LEFT JOIN thread_nodes n ON n.message_id = m.message_id
      WHERE messages_fts MATCH @match AND (@from IS NULL OR m.date >= @from) AND (@to IS NULL OR m.date < @to)
        AND (@roots IS NULL OR n.root_id IN (SELECT value FROM json_each(@roots)))
      ORDER BY rank LIMIT @limit`).all({ match, from: plan.dateFrom, to: plan.dateTo, roots, limit });
    return { ok: true, hits: (rows as HitRow[]).map(toHit) };
  } catch (err) {
    // The compiler quotes every word, so this is a bug or a corrupt index: say so plainly.
    return { ok: false, error: `search failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

interface HitRow { message_id: string; subject: string | null; from_name: string | null; from_address: string | null; date: string | null; root_id: string | null; snippet: string; rank: number }

function toHit(r: HitRow): SearchHit {
  return { messageId: r.message_id, subject: r.subject, from: { name: r.from_name, address: r.from_address }, date: r.date, threadRootId: r.root_id, snippet: r.snippet, rank: r.rank };
}
