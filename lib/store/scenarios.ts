// The scenarios the site shows. They are versioned content files (content/scenarios), read and
// validated once per knowledge base the database holds (content-cache.ts); the site reaches them
// through the store like every other datum.
import { join, resolve } from 'node:path';
import { scenarioHash, type Scenario } from '../scenario';
import { loadScenarios } from '../scenario/node';
import { contentCache } from './content-cache';

/** A valid scenario with its file and content hash. */
export interface ScenarioEntry {
  scenario: Scenario;
  file: string;
  hash: string;
}

const cached = contentCache(() =>
  loadScenarios(join(contentDir(), 'scenarios'))
    .filter((l): l is typeof l & { scenario: Scenario } => l.scenario !== null)
    .map((l) => ({ scenario: l.scenario, file: l.file, hash: scenarioHash(l.scenario) })),
);

/** Where the content lives: THREADLAB_CONTENT, else ./content. */
export function contentDir(): string {
  const fromEnv = process.env.THREADLAB_CONTENT;
  return resolve(fromEnv !== undefined && fromEnv !== '' ? fromEnv : 'content');
}

/** Every valid scenario, by thread then id (invalid files are reported by `threadlab scenario verify`). */
export function listScenarioEntries(): ScenarioEntry[] {
  return cached();
}

/**
 * The scenario a URL names: `<thread>/<id>`, a bare `<id>` when only one thread has it, or the
 * 16-hex-digit content hash (a permalink that pins the scenario and the engine's model version).
 */
export function findScenario(key: readonly string[]): ScenarioEntry | null {
  const all = listScenarioEntries();
  if (key.length === 2) return all.find((e) => e.scenario.thread === key[0] && e.scenario.id === key[1]) ?? null;
  if (key.length !== 1) return null;
  const k = key[0] ?? '';
  if (/^[0-9a-f]{16}$/.test(k)) {
    const byHash = all.find((e) => e.hash === k);
    if (byHash !== undefined) return byHash;
  }
  const byId = all.filter((e) => e.scenario.id === k);
  return byId.length === 1 ? byId[0]! : null;
}
