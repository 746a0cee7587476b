import type { Metadata } from 'next';
import { SearchView } from '@/app/_components/search-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'search' };

/**
 * The search form. A request with a query is normally rewritten (next.config.js) to the cached
 * /search/q/<query>; this page answers the rest: no query, or one that cannot be put in a path.
 */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).q;
  // With several q= the last one counts, as in the rewrite to /search/q/<query> (next.config.js).
  const q = (Array.isArray(raw) ? raw[raw.length - 1] : raw) ?? '';
  return <SearchView q={q} />;
}
