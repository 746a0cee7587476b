import { getReadStore, threadRootForSlug } from '@/lib/store';

/** The root Message-ID of each content thread (null when it is not imported), for linking by slug. */
export function threadRoots(slugs: Iterable<string>): Map<string, string | null> {
  const db = getReadStore();
  const out = new Map<string, string | null>();
  for (const s of slugs) if (!out.has(s)) out.set(s, threadRootForSlug(db, s));
  return out;
}
