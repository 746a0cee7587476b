// The engine's semantic version: part of every scenario's content hash, so a citation pins exactly
// what was run. Bump it whenever a step's behaviour, an invariant or a verdict definition changes.

/** The model version; bump on any semantic change. */
export const MODEL_VERSION = 'threadlab-engine/1';
