// A scenario's content hash: the canonical JSON of the validated scenario together with the
// engine's model version, so a citation pins exactly what was run (herd7's Hash=, plus the model).
import { MODEL_VERSION, canonicalJson, contentHash64 } from '../engine';
import type { Scenario } from './schema';

/** 16 hex digits over the scenario's canonical form and MODEL_VERSION. */
export function scenarioHash(s: Scenario): string {
  return contentHash64(canonicalJson({ modelVersion: MODEL_VERSION, scenario: s }));
}
