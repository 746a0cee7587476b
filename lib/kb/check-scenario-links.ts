import type { KbDiagnostic, ScenarioVerdict, ThreadAnnotation } from './types';

/** The part of a scenario file the links are checked against (lib/scenario owns the full format). */
export interface ScenarioSummary {
  id: string;
  thread: string;
  claims: string[];
  /** variant -> invariant -> how often it is violated. */
  expect: Record<string, Record<string, ScenarioVerdict>>;
}

/**
 * Checks both directions between annotations and scenario files: every `scenario:` link names an
 * existing scenario of the same thread that lists the claim, a variant it has, and the verdict
 * written in it; and every claim a scenario lists exists in its thread's annotation.
 */
export function checkScenarioLinks(
  annotations: readonly ThreadAnnotation[],
  scenarios: readonly ScenarioSummary[],
  fileOf: (thread: string) => string,
): KbDiagnostic[] {
  const out: KbDiagnostic[] = [];
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  for (const a of annotations) {
    for (const c of a.claims) {
      for (const link of c.scenarios) {
        const where = { file: fileOf(a.thread), line: c.line, claim: c.id, field: 'scenario' };
        const s = byId.get(link.scenario);
        const expected = s?.expect[link.variant]?.[link.invariant];
        let problem: [string, string] | null = null;
        if (s === undefined) problem = ['scenario-unknown', `no scenario ${link.scenario}`];
        else if (s.thread !== a.thread) problem = ['scenario-other-thread', `${link.scenario} replays ${s.thread}`];
        else if (!s.claims.includes(c.id)) problem = ['scenario-claim-not-listed', `${link.scenario} does not list ${c.id} among its claims`];
        else if (s.expect[link.variant] === undefined) problem = ['variant-unknown', `${link.scenario} has no variant ${link.variant}`];
        else if (expected === undefined) problem = ['invariant-not-expected', `${link.scenario} @ ${link.variant} expects nothing for ${link.invariant}`];
        else if (expected !== link.verdict) problem = ['verdict-mismatch', `${link.scenario} @ ${link.variant} expects ${link.invariant}: violated ${expected}, not ${link.verdict}`];
        if (problem !== null) out.push({ ...where, ruleId: problem[0], reason: problem[1] });
      }
    }
  }
  const claims = new Map(annotations.map((a) => [a.thread, new Set(a.claims.map((c) => c.id))]));
  for (const s of scenarios) {
    const known = claims.get(s.thread);
    if (known === undefined) continue; // a thread not annotated yet is not this check's business
    for (const id of s.claims) {
      if (!known.has(id)) out.push({ file: fileOf(s.thread), line: 1, claim: id, field: null, ruleId: 'scenario-claim-unknown', reason: `scenario ${s.id} replays ${s.thread}#${id}, which the annotation does not define` });
    }
  }
  return out;
}
