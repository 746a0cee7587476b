import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { KbDiagnostic, ParseResult } from './types';
import { splitFrontMatter } from './split-front-matter';
import { readSections, type Sections } from './read-sections';

/**
 * Shared reader for catalogue files: front matter checked by `schema`, then the body's sections
 * handed to `build`; every problem is a diagnostic with the file and the field.
 */
export function parseCatalogueEntry<S extends z.ZodType, T>(
  source: string,
  file: string,
  schema: S,
  build: (front: z.infer<S>, body: Sections, report: (field: string, ruleId: string, reason: string) => void) => T,
): ParseResult<T> {
  const diagnostics: KbDiagnostic[] = [];
  const report = (field: string | null, ruleId: string, reason: string, line = 1): void => {
    diagnostics.push({ file, line, claim: null, field, ruleId, reason });
  };
  const split = splitFrontMatter(source);
  if (split.yaml === null) {
    report(null, 'front-matter-missing', 'the file must start with a `---` YAML front matter block');
    return { value: null, diagnostics };
  }
  let raw: unknown;
  try {
    raw = parseYaml(split.yaml);
  } catch (error) {
    report(null, 'front-matter-yaml', `the front matter is not YAML: ${(error as Error).message}`, 2);
    return { value: null, diagnostics };
  }
  const front = schema.safeParse(raw);
  if (!front.success) {
    for (const issue of front.error.issues) report(issue.path.join('.') || null, 'front-matter-invalid', issue.message);
    return { value: null, diagnostics };
  }
  const before = diagnostics.length;
  const value = build(front.data, readSections(split.body), (field, ruleId, reason) => report(field, ruleId, reason, split.bodyLineOffset + 1));
  return { value: diagnostics.length === before ? value : null, diagnostics };
}
