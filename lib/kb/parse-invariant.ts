import { z } from 'zod';
import type { ParseResult } from './types';
import type { Invariant } from './catalogue-types';
import { parseCatalogueEntry } from './parse-catalogue-entry';

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id');

/** The zod schema of an invariant file's front matter. */
export const invariantFrontMatterSchema = z.strictObject({
  id: kebab,
  predicate: kebab,
  kind: z.enum(['safety', 'design', 'precondition', 'oracle']),
  subsystems: z.array(kebab).min(1),
  claims: z.array(z.string().regex(/^[a-z0-9-]+#[a-z]\d+$/, 'a claim reference is <thread-slug>#<claim-id>')),
});

/** Parses `content/invariants/<id>.md`: front matter, `# title`, `## Statement`, `## Variants`. */
export function parseInvariant(source: string, file: string): ParseResult<Invariant> {
  return parseCatalogueEntry(source, file, invariantFrontMatterSchema, (front, body, report) => {
    const statement = body.sections.get('statement') ?? '';
    if (statement === '') report('statement', 'statement-missing', 'an invariant needs a `## Statement` paragraph');
    if (body.title === '') report('title', 'title-missing', 'an invariant needs a `# title`');
    if (!file.endsWith(`${front.id}.md`)) report('id', 'id-file-mismatch', `id "${front.id}" should live in ${front.id}.md`);
    return { ...front, title: body.title, statement, variants: body.sections.get('variants') ?? '' };
  });
}
