// Maintenance command: recompute every claim's prefix, suffix and position from its seed page.
// Run from the repository root: node --import tsx lib/kb/complete-anchors.node.ts [content]
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { completeAnchors } from './complete-anchors';
import { splitFrontMatter } from './split-front-matter';

/** Completes the anchors of every annotation file under `contentDir`; returns the problems found. */
export function completeAllAnchors(contentDir: string): string[] {
  const problems: string[] = [];
  const threads = join(contentDir, 'threads');
  for (const slug of readdirSync(threads).sort()) {
    const file = join(threads, slug, 'annotations.md');
    if (!existsSync(file)) continue;
    const markdown = readFileSync(file, 'utf8');
    const yaml = splitFrontMatter(markdown).yaml;
    const seed = yaml === null ? undefined : (parseYaml(yaml) as { seed?: string }).seed;
    if (seed === undefined) {
      problems.push(`${slug}: no seed named in the front matter`);
      continue;
    }
    const done = completeAnchors(markdown, readFileSync(join(threads, slug, seed), 'utf8'));
    problems.push(...done.problems.map((p) => `${slug} ${p}`));
    if (done.markdown !== markdown) writeFileSync(file, done.markdown);
  }
  return problems;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const problems = completeAllAnchors(process.argv[2] ?? 'content');
  for (const p of problems) console.error(p);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
