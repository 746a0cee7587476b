import type { ScenarioExploration } from '@/lib/scenario';

/** What the page sends the exploration worker: the scenario as JSON data and the variant to explore. */
export interface ExploreRequest {
  scenario: unknown;
  variant: string;
}

/** What the worker answers: the exploration with its wall time, or why it could not run. */
export type ExploreReply = { type: 'result'; result: ScenarioExploration; elapsedMs: number } | { type: 'error'; error: string };
