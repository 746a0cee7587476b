import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { KbDiagnostic, ParseResult } from './types';
import type { Invariant, Subsystem } from './catalogue-types';
import { parseInvariant } from './parse-invariant';
import { parseSubsystem } from './parse-subsystem';

/** A loaded catalogue: the entries that parsed, sorted by id, and every diagnostic. */
export interface LoadedCatalogue<T> {
  entries: T[];
  diagnostics: KbDiagnostic[];
}

function loadFolder<T extends { id: string }>(contentDir: string, folder: string, parse: (s: string, f: string) => ParseResult<T>): LoadedCatalogue<T> {
  const dir = join(contentDir, folder);
  const entries: T[] = [];
  const diagnostics: KbDiagnostic[] = [];
  if (!existsSync(dir)) return { entries, diagnostics };
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md') && n !== 'README.md').sort()) {
    const r = parse(readFileSync(join(dir, name), 'utf8'), join(basename(contentDir), folder, name));
    diagnostics.push(...r.diagnostics);
    if (r.value !== null) entries.push(r.value);
  }
  return { entries, diagnostics };
}

/** Reads every `<contentDir>/invariants/*.md`. */
export function loadInvariants(contentDir: string): LoadedCatalogue<Invariant> {
  return loadFolder(contentDir, 'invariants', parseInvariant);
}

/** Reads every `<contentDir>/subsystems/*.md`. */
export function loadSubsystems(contentDir: string): LoadedCatalogue<Subsystem> {
  return loadFolder(contentDir, 'subsystems', parseSubsystem);
}
