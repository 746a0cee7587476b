import { parseScenario, runScenario, scenarioHash, scenarioVariants } from '@/lib/scenario';
import { jsonError } from '@/app/_components/api/json-error';
import { BodyTooLargeError, readBodyLimited } from '@/app/_components/api/read-body-limited';

export const dynamic = 'force-dynamic';

/** The largest scenario body accepted: the seed scenarios are 2-6 KB. */
const RUN_BODY_BYTES_MAX = 64 * 1024;
// A schedule longer than the scenario format allows (500) is refused before it reaches the engine.
const SCHEDULE_ACTORS_MAX = 500;

/**
 * POST /api/scenarios/run[?v=<variant>][&schedule=a,b,a]: validates the scenario JSON in the body
 * and replays it. Too large -> 413; invalid -> 400 with every problem's JSON path; unknown variant
 * -> 400; else the run (trace, invariants with their first violating step, content hash).
 */
export async function POST(req: Request): Promise<Response> {
  let text: string;
  try {
    text = await readBodyLimited(req, RUN_BODY_BYTES_MAX);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return jsonError(413, err.message);
    return jsonError(400, `the body could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  const { scenario, problems } = parseScenario(text);
  if (scenario === null) return jsonError(400, `invalid scenario: ${problems.length} problem${problems.length === 1 ? '' : 's'}`, { problems });
  const params = new URL(req.url).searchParams;
  const variants = scenarioVariants(scenario);
  const variant = params.get('v') ?? variants[0]!;
  if (!variants.includes(variant)) return jsonError(400, `unknown variant "${variant}" (known: ${variants.join(', ')})`);
  const rawSchedule = params.get('schedule');
  const schedule = rawSchedule === null ? undefined : rawSchedule.split(',').filter((a) => a !== '');
  if (schedule !== undefined && schedule.length > SCHEDULE_ACTORS_MAX) return jsonError(400, `the schedule has ${schedule.length} steps; at most ${SCHEDULE_ACTORS_MAX} are replayed`);
  const run = runScenario(scenario, { variant, schedule });
  return Response.json({ hash: scenarioHash(scenario), variant, variants, expect: scenario.expect[variant] ?? {}, run });
}
