import type { KbDiagnostic, ThreadAnnotation } from './types';
import type { Invariant, Subsystem } from './catalogue-types';

/**
 * Checks the links between the knowledge base's files: invariant claim references name existing
 * claims, and every subsystem or thread named anywhere has its own file.
 */
export function checkCatalogueReferences(
  annotations: readonly ThreadAnnotation[],
  invariants: readonly Invariant[],
  subsystems: readonly Subsystem[],
  fileOf: (kind: 'invariant' | 'subsystem' | 'thread', id: string) => string,
): KbDiagnostic[] {
  const out: KbDiagnostic[] = [];
  const claims = new Set(annotations.flatMap((a) => a.claims.map((c) => `${a.thread}#${c.id}`)));
  const threads = new Set(annotations.map((a) => a.thread));
  const subsystemIds = new Set(subsystems.map((s) => s.id));
  const problem = (file: string, field: string, ruleId: string, reason: string): void => {
    out.push({ file, line: 1, claim: null, field, ruleId, reason });
  };
  for (const inv of invariants) {
    for (const ref of inv.claims) if (!claims.has(ref)) problem(fileOf('invariant', inv.id), 'claims', 'claim-unknown', `no claim ${ref}`);
    for (const s of inv.subsystems) if (!subsystemIds.has(s)) problem(fileOf('invariant', inv.id), 'subsystems', 'subsystem-unknown', `no subsystem file for ${s}`);
  }
  for (const sub of subsystems) {
    for (const t of sub.threads) if (!threads.has(t)) problem(fileOf('subsystem', sub.id), 'threads', 'thread-unknown', `no annotated thread ${t}`);
  }
  for (const a of annotations) {
    for (const s of a.subsystems) if (!subsystemIds.has(s)) problem(fileOf('thread', a.thread), 'subsystems', 'subsystem-unknown', `no subsystem file for ${s}`);
  }
  return out;
}
