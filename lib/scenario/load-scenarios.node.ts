// Node-only: reads every `<thread-slug>/<id>.json` under a directory (sorted, iteratively) and
// validates each; files that do not validate come back with their problems, not as exceptions.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseScenario, type ScenarioProblem } from './validate-scenario';
import type { Scenario } from './schema';

/** One scenario file read from disk. */
export interface LoadedScenario {
  /** Path relative to the scenarios directory. */
  file: string;
  /** The scenario, or null when it has problems. */
  scenario: Scenario | null;
  /** Validation problems. */
  problems: ScenarioProblem[];
}

/** Every .json file under `dir`, validated, in sorted path order. */
export function loadScenarios(dir: string): LoadedScenario[] {
  const files: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) stack.push(p);
      else if (n.endsWith('.json')) files.push(p);
    }
  }
  files.sort();
  return files.map((p) => loadScenarioFile(p, relative(dir, p), true));
}

/**
 * Reads and validates one scenario file; `label` names it in results. With `checkLayout` the file
 * must sit at `<thread>/<id>.json` (as under content/scenarios); a file given on the command line
 * may live anywhere.
 */
export function loadScenarioFile(path: string, label = path, checkLayout = false): LoadedScenario {
  const r = parseScenario(readFileSync(path, 'utf8'));
  const problems = [...r.problems];
  if (r.scenario !== null && checkLayout) {
    const parts = label.split(/[\\/]/);
    if (parts.length >= 2 && parts[parts.length - 2] !== r.scenario.thread) problems.push({ path: 'thread', message: `file is under ${parts[parts.length - 2]}/ but names thread ${r.scenario.thread}` });
    if (parts.length >= 1 && parts[parts.length - 1] !== `${r.scenario.id}.json`) problems.push({ path: 'id', message: `file name ${parts[parts.length - 1]} does not match id ${r.scenario.id}` });
  }
  return { file: label, scenario: problems.length === 0 ? r.scenario : null, problems };
}
