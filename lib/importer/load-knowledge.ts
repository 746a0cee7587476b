// Loads a content folder's knowledge base (annotations, scenarios, invariant and subsystem
// catalogues) into the store in one transaction. Problems in the files are diagnostics, one line
// each with file and line; the claims, scenarios and entries that are usable load regardless.
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { normalizeWithOffsets, resolveAnchor, type KbDiagnostic } from '../kb';
import { loadAnnotations, loadInvariants, loadSubsystems } from '../kb/node';
import { scenarioHash } from '../scenario';
import { loadScenarios } from '../scenario/node';
import { threadRootForSlug, writeKnowledge, type Db, type KnowledgeClaim, type KnowledgeSnapshot } from '../store';

/** What loading a knowledge base did. */
export interface KnowledgeLoad {
  folder: string;
  /** False when the stored knowledge base already had this content (nothing was written). */
  changed: boolean;
  threads: number;
  claims: number;
  scenarios: number;
  invariants: number;
  subsystems: number;
  /** One line per problem: `file:line: rule-id: reason`. */
  diagnostics: string[];
}

const PARTS = ['threads', 'scenarios', 'invariants', 'subsystems'];

/** Whether `path` is a content folder: threads/, scenarios/, invariants/ and subsystems/ side by side. */
export function isKnowledgeFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory() && PARTS.every((p) => existsSync(join(path, p)) && statSync(join(path, p)).isDirectory());
  } catch {
    return false;
  }
}

function line(d: KbDiagnostic): string {
  return `${d.file}:${d.line}: ${d.ruleId}: ${d.claim === null ? '' : `${d.claim}: `}${d.reason}`;
}

/** Reads the content folder and replaces the store's knowledge base with it, unless it is unchanged. */
export function loadKnowledge(db: Db, folder: string): KnowledgeLoad {
  const diagnostics: string[] = [];
  const snapshot: KnowledgeSnapshot = { threads: [], claims: [], scenarios: [], invariants: [], subsystems: [] };
  for (const a of loadAnnotations(folder)) {
    diagnostics.push(...a.diagnostics.map(line));
    if (a.annotation === null) continue;
    snapshot.threads.push({ slug: a.slug, title: a.annotation.title, rootId: threadRootForSlug(db, a.slug) });
    const text = a.seedText === null ? null : normalizeWithOffsets(a.seedText);
    for (const claim of a.annotation.claims) {
      const r = text === null ? null : resolveAnchor(claim.anchor, text);
      const c: KnowledgeClaim = { thread: a.slug, claim, anchorStatus: r?.status ?? null, anchorScore: r?.score ?? null };
      snapshot.claims.push(c);
    }
  }
  const scenarioDir = join(folder, 'scenarios');
  for (const l of loadScenarios(scenarioDir)) {
    const file = join(basename(folder), 'scenarios', l.file);
    for (const p of l.problems) diagnostics.push(`${file}:1: scenario-invalid: ${p.path === '' ? '' : `${p.path}: `}${p.message}`);
    if (l.scenario !== null) snapshot.scenarios.push({ scenario: l.scenario, hash: scenarioHash(l.scenario) });
  }
  const invariants = loadInvariants(folder);
  const subsystems = loadSubsystems(folder);
  diagnostics.push(...invariants.diagnostics.map(line), ...subsystems.diagnostics.map(line));
  snapshot.invariants = invariants.entries;
  snapshot.subsystems = subsystems.entries;
  const { changed } = writeKnowledge(db, snapshot);
  return {
    folder,
    changed,
    threads: snapshot.threads.length,
    claims: snapshot.claims.length,
    scenarios: snapshot.scenarios.length,
    invariants: snapshot.invariants.length,
    subsystems: snapshot.subsystems.length,
    diagnostics,
  };
}
