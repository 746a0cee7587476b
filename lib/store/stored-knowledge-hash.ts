import type { Db } from './open-store';
import { stmt } from './statements';

/** The store_state key under which the knowledge base's sha256 is kept. */
export const KNOWLEDGE_HASH_KEY = 'knowledge_hash';

/** The hash of the knowledge base the database holds, or null before the first load. */
export function storedKnowledgeHash(db: Db): string | null {
  return (stmt(db, 'SELECT value FROM store_state WHERE key = ?').get(KNOWLEDGE_HASH_KEY) as { value: string } | undefined)?.value ?? null;
}
