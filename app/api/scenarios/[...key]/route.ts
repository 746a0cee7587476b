import { findScenario } from '@/lib/store';
import { scenarioReplay } from '@/app/_components/scenario/scenario-replay';

export const dynamic = 'force-dynamic';

/**
 * GET /api/scenarios/<thread>/<id>?v=<variant>[&inv=<invariant>] (or /api/scenarios/<hash>): the replay of one
 * variant as JSON: the trace, the invariants with their first violating step, the player's
 * snapshots, the expected verdicts and the content hash.
 */
export async function GET(req: Request, ctx: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const key = (await ctx.params).key;
  const entry = findScenario(key);
  if (entry === null) return Response.json({ error: `no scenario ${key.join('/')}` }, { status: 404 });
  const url = new URL(req.url);
  const host = req.headers.get('host');
  const site = process.env.THREADLAB_SITE_URL || (host !== null ? `${req.headers.get('x-forwarded-proto') ?? 'http'}://${host}` : url.origin);
  return Response.json(scenarioReplay(entry, url.searchParams.get('v'), site, url.searchParams.get('inv')));
}
