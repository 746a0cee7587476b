import { findScenario } from '@/lib/store';
import { scenarioVariants } from '@/lib/scenario';
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
  // A mistyped variant is an error, not a replay of another variant that the caller would take
  // for the one asked.
  const variant = url.searchParams.get('v');
  const variants = scenarioVariants(entry.scenario);
  if (variant !== null && !variants.includes(variant)) {
    return Response.json({ error: `scenario ${entry.scenario.thread}/${entry.scenario.id} has no variant ${JSON.stringify(variant)}; its variants: ${variants.join(', ')}` }, { status: 404 });
  }
  const host = req.headers.get('host');
  const site = process.env.THREADLAB_SITE_URL || (host !== null ? `${req.headers.get('x-forwarded-proto') ?? 'http'}://${host}` : url.origin);
  return Response.json(scenarioReplay(entry, variant, site, url.searchParams.get('inv')));
}
