import { z } from 'zod';
import type { ParseResult } from './types';
import type { Subsystem } from './catalogue-types';
import { parseCatalogueEntry } from './parse-catalogue-entry';

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id');

/** The zod schema of a subsystem file's front matter. */
export const subsystemFrontMatterSchema = z.strictObject({
  id: kebab,
  title: z.string().min(1),
  files: z.array(z.string().regex(/^[a-z0-9_./-]+$/i, 'a kernel source path such as mm/filemap.c')).min(1),
  functions: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a C identifier')).min(1),
  threads: z.array(kebab),
});

/** Parses `content/subsystems/<id>.md`: front matter, `# title`, then the description paragraphs. */
export function parseSubsystem(source: string, file: string): ParseResult<Subsystem> {
  return parseCatalogueEntry(source, file, subsystemFrontMatterSchema, (front, body, report) => {
    const description = body.sections.get('') ?? '';
    if (description === '') report('description', 'description-missing', 'a subsystem needs a paragraph under its title');
    if (!file.endsWith(`${front.id}.md`)) report('id', 'id-file-mismatch', `id "${front.id}" should live in ${front.id}.md`);
    return { ...front, description };
  });
}
