import { getReadStore, searchKnowledge, searchMessages } from '@/lib/store';
import { intParam, jsonError } from '@/app/_components/api/json-error';

export const dynamic = 'force-dynamic';

// The same bounds as the search page, so the API gives the page's results.
const QUERY_CHARS_MAX = 2000;

/** GET /api/search?q=<query>[&limit=]: the search page's groups as JSON (threads, claims, scenarios, message hits); a missing, too long or malformed query is a 400 `{ error }`. */
export function GET(req: Request): Response {
  const params = new URL(req.url).searchParams;
  const q = params.get('q') ?? '';
  const limit = intParam(params, 'limit', 50, 1, 500);
  if (typeof limit === 'string') return jsonError(400, limit);
  if (q.trim() === '') return jsonError(400, 'q is required: /api/search?q=<query>');
  if (q.length > QUERY_CHARS_MAX) return jsonError(400, `the query is ${q.length} characters long; at most ${QUERY_CHARS_MAX} are searched`);
  const db = getReadStore();
  const outcome = searchMessages(db, q, { limit });
  if (!outcome.ok) return jsonError(400, outcome.error, { query: q });
  const kb = searchKnowledge(db, q, { limit });
  if (!kb.ok) return jsonError(400, kb.error, { query: q });
  return Response.json({ query: q, limit, threads: kb.threads, claims: kb.claims, scenarios: kb.scenarios, hits: outcome.hits });
}
