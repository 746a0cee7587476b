import type { Db } from './open-store';
import { stmt } from './statements';

/**
 * The root Message-ID of the thread imported from content/threads/<slug>/, or null. Content
 * threads are named by their folder in scenarios and annotations; the site links them by root id.
 */
export function threadRootForSlug(db: Db, slug: string): string | null {
  if (!/^[a-z0-9-]+$/.test(slug)) return null;
  const row = stmt(db, `SELECT n.root_id FROM sources s JOIN message_sources c ON c.source_id = s.id
    JOIN messages m ON m.id = c.message_id JOIN thread_nodes n ON n.message_id = m.message_id
    WHERE s.path LIKE 'content/threads/' || ? || '/%' ORDER BY c.id LIMIT 1`).get(slug) as { root_id: string } | undefined;
  return row?.root_id ?? null;
}

/**
 * The knowledge base's title of the thread with this root, or null: it stands in for a subject
 * the archive page lost (seed 000 kept none).
 */
export function kbTitleForRoot(db: Db, rootId: string): string | null {
  const row = stmt(db, 'SELECT title FROM kb_threads WHERE root_id = ? LIMIT 1').get(rootId) as { title: string } | undefined;
  return row?.title ?? null;
}
