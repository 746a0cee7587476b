import { getReadStore, listThreads } from '@/lib/store';
import { intParam, jsonError } from '@/app/_components/api/json-error';

export const dynamic = 'force-dynamic';

/** GET /api/threads[?limit=&offset=]: thread summaries, most recently active first. */
export function GET(req: Request): Response {
  const params = new URL(req.url).searchParams;
  const limit = intParam(params, 'limit', 1000, 1, 1000);
  const offset = intParam(params, 'offset', 0, 0, 1_000_000_000);
  if (typeof limit === 'string') return jsonError(400, limit);
  if (typeof offset === 'string') return jsonError(400, offset);
  return Response.json({ limit, offset, threads: listThreads(getReadStore(), { limit, offset }) });
}
