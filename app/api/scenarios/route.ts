import { listScenarioEntries } from '@/lib/store';
import { scenarioVariants } from '@/lib/scenario';
import { THREAD_VARIANTS, type ThreadSlug } from '@/lib/engine';
import { scenarioUrl } from '@/app/_components/catalogue/catalogue-urls';

export const dynamic = 'force-dynamic';

/** GET /api/scenarios: every scenario with its content hash, invariants, and variants with their expected verdicts. */
export function GET(): Response {
  const scenarios = listScenarioEntries().map((e) => {
    const s = e.scenario;
    const known = THREAD_VARIANTS[s.thread as ThreadSlug] ?? [];
    return {
      thread: s.thread,
      id: s.id,
      title: s.title,
      hash: e.hash,
      claims: s.claims,
      subsystems: s.subsystems,
      invariants: s.invariants,
      variants: scenarioVariants(s).map((v) => ({ id: v, title: known.find((k) => k.id === v)?.title ?? v, expect: s.expect[v] ?? {} })),
      page: scenarioUrl(s.thread, s.id),
      api: `/api/scenarios/${encodeURIComponent(s.thread)}/${encodeURIComponent(s.id)}`,
    };
  });
  return Response.json({ scenarios });
}
