// The exploration's own thread: exploring every interleaving can take seconds to minutes, so it
// runs here, off the page's thread, and reports its progress through the engine's onProgress
// hook. Cancel terminates the whole worker: the explorer is one synchronous loop, so terminating
// is the only way to stop it.
import { DEFAULT_BUDGET, type ExploreProgress } from '@/lib/engine';
import { exploreScenario, formatProblems, validateScenario } from '@/lib/scenario';
import type { ExploreRequest, ExploreReply } from './explore-messages';

const ctx = self as unknown as { onmessage: ((e: MessageEvent<ExploreRequest>) => void) | null; postMessage: (m: ExploreReply) => void };

ctx.onmessage = (e) => {
  const started = performance.now();
  const { scenario, problems } = validateScenario(e.data.scenario);
  if (scenario === null) {
    ctx.postMessage({ type: 'error', error: `invalid scenario:\n${formatProblems(problems)}` });
    return;
  }
  try {
    // About ten reports a second at the engine's speed: enough to watch, few enough to be free.
    const budget = { ...DEFAULT_BUDGET, progressEvery: 32_768, onProgress: (progress: ExploreProgress) => ctx.postMessage({ type: 'progress', progress }) };
    const result = exploreScenario(scenario, { variant: e.data.variant, budget });
    ctx.postMessage({ type: 'result', result, elapsedMs: performance.now() - started });
  } catch (err) {
    ctx.postMessage({ type: 'error', error: err instanceof Error ? err.message : String(err) });
  }
};
