import type { ExploreProgress } from '@/lib/engine';
import type { ScenarioExploration } from '@/lib/scenario';

/** What the page sends the exploration worker: the scenario as JSON data and the variant to explore. */
export interface ExploreRequest {
  scenario: unknown;
  variant: string;
}

/** What the worker sends: progress while it runs, then the exploration with its wall time, or why it could not run. */
export type ExploreReply =
  | { type: 'progress'; progress: ExploreProgress }
  | { type: 'result'; result: ScenarioExploration; elapsedMs: number }
  | { type: 'error'; error: string };
