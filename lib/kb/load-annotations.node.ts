import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { KbDiagnostic, ThreadAnnotation } from './types';
import { parseAnnotation } from './parse-annotation';
import { checkAnchors } from './check-anchors';

/** One thread folder's annotation as loaded from disk, with its seed page text and every diagnostic. */
export interface LoadedAnnotation {
  slug: string;
  /** Path relative to the repository root, e.g. `content/threads/<slug>/annotations.md`. */
  file: string;
  annotation: ThreadAnnotation | null;
  seedText: string | null;
  diagnostics: KbDiagnostic[];
}

/** Reads `<contentDir>/threads/*\/annotations.md`, parses each, and checks it against its seed page. */
export function loadAnnotations(contentDir: string): LoadedAnnotation[] {
  const threadsDir = join(contentDir, 'threads');
  const slugs = readdirSync(threadsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(threadsDir, d.name, 'annotations.md')))
    .map((d) => d.name)
    .sort();
  return slugs.map((slug) => loadOne(contentDir, slug));
}

function loadOne(contentDir: string, slug: string): LoadedAnnotation {
  const file = join(basename(contentDir), 'threads', slug, 'annotations.md');
  const parsed = parseAnnotation(readFileSync(join(contentDir, 'threads', slug, 'annotations.md'), 'utf8'), file);
  const diagnostics = [...parsed.diagnostics];
  const annotation = parsed.value;
  let seedText: string | null = null;
  if (annotation !== null) {
    if (annotation.thread !== slug) {
      diagnostics.push({ file, line: 1, claim: null, field: 'thread', ruleId: 'thread-folder-mismatch', reason: `thread "${annotation.thread}" lives in folder "${slug}"` });
    }
    const seedPath = join(contentDir, 'threads', slug, annotation.seed);
    if (existsSync(seedPath)) {
      seedText = readFileSync(seedPath, 'utf8');
      diagnostics.push(...checkAnchors(annotation, seedText, file));
    } else {
      diagnostics.push({ file, line: 1, claim: null, field: 'seed', ruleId: 'seed-missing', reason: `no seed file ${annotation.seed} beside the annotations` });
    }
  }
  return { slug, file, annotation, seedText, diagnostics };
}
