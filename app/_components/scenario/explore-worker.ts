// The exploration's own thread: exploring every interleaving can take seconds to minutes, so it
// runs here, off the page's thread, and Cancel terminates the whole worker (the engine's explorer
// is one synchronous loop without a progress hook, so terminating is the only way to stop it).
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
    const result = exploreScenario(scenario, { variant: e.data.variant });
    ctx.postMessage({ type: 'result', result, elapsedMs: performance.now() - started });
  } catch (err) {
    ctx.postMessage({ type: 'error', error: err instanceof Error ? err.message : String(err) });
  }
};
