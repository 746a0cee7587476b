// The knowledge base's catalogues (content/invariants, content/subsystems), read once per process
// like the scenarios and annotations, and joined with them: which claims, scenarios and threads
// concern an invariant or a subsystem. The site reaches them through the store like every datum.
import type { Claim, Invariant, KbDiagnostic, Subsystem } from '../kb';
import { loadInvariants, loadSubsystems } from '../kb/node';
import { listAnnotations } from './annotations';
import { contentCache } from './content-cache';
import { contentDir, listScenarioEntries, type ScenarioEntry } from './scenarios';

/** A claim of a content thread, named by the thread's slug. */
export interface ThreadClaim {
  thread: string;
  claim: Claim;
}

/** Why a scenario concerns a subsystem: a kernel path it names, or an invariant of the subsystem it checks. */
export interface ScenarioRelation {
  entry: ScenarioEntry;
  /** Kernel paths of the scenario (`fs/iomap`) that hold files of the subsystem. */
  paths: string[];
  /** Invariants of the subsystem that the scenario checks. */
  invariants: string[];
}

/** An invariant with everything that concerns it. */
export interface InvariantView {
  invariant: Invariant;
  /** Claims the catalogue names, then those whose scenario links judge this invariant. */
  claims: ThreadClaim[];
  /** Catalogue claim references that name no annotated claim (`<slug>#<id>`). */
  unknownClaims: string[];
  /** Scenarios that check the predicate. */
  scenarios: ScenarioEntry[];
  /** Content-thread slugs of the claims and scenarios, sorted. */
  threads: string[];
}

/** A subsystem with everything that concerns it. */
export interface SubsystemView {
  subsystem: Subsystem;
  invariants: Invariant[];
  scenarios: ScenarioRelation[];
  /** Claims named by the subsystem's invariants, then those linked to its scenarios. */
  claims: ThreadClaim[];
  /** The catalogue's threads, then annotated threads that list the subsystem, then threads of its scenarios. */
  threads: string[];
}

const invariantsCache = contentCache(() => loadInvariants(contentDir()));
const subsystemsCache = contentCache(() => loadSubsystems(contentDir()));

/** Every invariant of content/invariants that parsed, sorted by id, and the diagnostics of those that did not. */
export function listInvariants(): { entries: Invariant[]; diagnostics: KbDiagnostic[] } {
  return invariantsCache();
}

/** Every subsystem of content/subsystems that parsed, sorted by id, and the diagnostics of those that did not. */
export function listSubsystems(): { entries: Subsystem[]; diagnostics: KbDiagnostic[] } {
  return subsystemsCache();
}

function allClaims(): ThreadClaim[] {
  return listAnnotations().flatMap((a) => (a.annotation === null ? [] : a.annotation.claims.map((claim) => ({ thread: a.slug, claim }))));
}

/** Adds claims not already present (by thread and id), keeping the first order. */
function addClaims(out: ThreadClaim[], more: readonly ThreadClaim[]): void {
  for (const c of more) if (!out.some((o) => o.thread === c.thread && o.claim.id === c.claim.id)) out.push(c);
}

function claimsByRef(refs: readonly string[], claims: readonly ThreadClaim[]): { found: ThreadClaim[]; unknown: string[] } {
  const found: ThreadClaim[] = [];
  const unknown: string[] = [];
  for (const ref of refs) {
    const [thread, id] = ref.split('#');
    const c = claims.find((x) => x.thread === thread && x.claim.id === id);
    if (c === undefined) unknown.push(ref);
    else addClaims(found, [c]);
  }
  return { found, unknown };
}

/** The invariant `id` with its claims, scenarios and threads, or null when the catalogue has none. */
export function invariantView(id: string): InvariantView | null {
  const invariant = listInvariants().entries.find((i) => i.id === id);
  if (invariant === undefined) return null;
  const claims = allClaims();
  const { found, unknown } = claimsByRef(invariant.claims, claims);
  addClaims(found, claims.filter((c) => c.claim.scenarios.some((l) => l.invariant === invariant.predicate)));
  const scenarios = listScenarioEntries().filter((e) => e.scenario.invariants.includes(invariant.predicate));
  const threads = [...new Set([...found.map((c) => c.thread), ...scenarios.map((e) => e.scenario.thread)])].sort();
  return { invariant, claims: found, unknownClaims: unknown, scenarios, threads };
}

/** Whether a kernel path named by a scenario (`fs/iomap`, `mm/filemap`) holds one of `files`. */
export function pathHolds(path: string, files: readonly string[]): boolean {
  return files.some((f) => f === path || f.startsWith(`${path}/`) || f.startsWith(`${path}.`));
}

/** The subsystem `id` with its invariants, scenarios, claims and threads, or null when the catalogue has none. */
export function subsystemView(id: string): SubsystemView | null {
  const subsystem = listSubsystems().entries.find((s) => s.id === id);
  if (subsystem === undefined) return null;
  const invariants = listInvariants().entries.filter((i) => i.subsystems.includes(id));
  const predicates = invariants.map((i) => i.predicate);
  const scenarios: ScenarioRelation[] = [];
  for (const entry of listScenarioEntries()) {
    const paths = entry.scenario.subsystems.filter((p) => pathHolds(p, subsystem.files));
    const checked = entry.scenario.invariants.filter((i) => predicates.includes(i));
    if (paths.length > 0 || checked.length > 0) scenarios.push({ entry, paths, invariants: checked });
  }
  const all = allClaims();
  const claims = claimsByRef(invariants.flatMap((i) => i.claims), all).found;
  addClaims(claims, all.filter((c) => c.claim.scenarios.some((l) => scenarios.some((r) => r.entry.scenario.thread === c.thread && r.entry.scenario.id === l.scenario))));
  const annotated = listAnnotations().filter((a) => a.annotation?.subsystems.includes(id) === true).map((a) => a.slug);
  const threads = [...new Set([...subsystem.threads, ...annotated, ...scenarios.map((r) => r.entry.scenario.thread)])];
  return { subsystem, invariants, scenarios, claims, threads };
}
