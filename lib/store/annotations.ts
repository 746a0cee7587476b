// The knowledge base's annotations (content/threads/<slug>/annotations.md), read and checked
// once per knowledge base the database holds (content-cache.ts) and reached by the site through
// the store, like the scenarios.
import type { Db } from './open-store';
import { stmt } from './statements';
import { contentDir } from './scenarios';
import { loadAnnotations, type LoadedAnnotation } from '../kb/node';
import { contentCache } from './content-cache';

const cached = contentCache(() => loadAnnotations(contentDir()));

/** Every thread annotation with its diagnostics (anchors checked against the seed page). */
export function listAnnotations(): LoadedAnnotation[] {
  return cached();
}

/** The annotation of the content thread `slug`, or null. */
export function annotationForSlug(slug: string): LoadedAnnotation | null {
  return listAnnotations().find((a) => a.slug === slug) ?? null;
}

/** The content slug of the thread with this root, when it was imported from content/threads/<slug>/. */
export function slugForThreadRoot(db: Db, rootId: string): string | null {
  const row = stmt(db, `SELECT s.path FROM thread_nodes n JOIN messages m ON m.message_id = n.message_id
    JOIN message_sources c ON c.message_id = m.id JOIN sources s ON s.id = c.source_id
    WHERE n.root_id = ? AND s.path LIKE 'content/threads/%' ORDER BY c.id LIMIT 1`).get(rootId) as { path: string } | undefined;
  const m = row === undefined ? null : /^content\/threads\/([a-z0-9-]+)\//.exec(row.path);
  return m?.[1] ?? null;
}
