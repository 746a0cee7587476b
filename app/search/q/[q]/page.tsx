import type { Metadata } from 'next';
import { SearchView } from '@/app/_components/search-view';
import { pageParam } from '@/app/_components/urls';

// /search?q=<query> is rewritten here (next.config.js), so that a query's results are rendered
// once and kept by the page cache (lib/site/page-cache.mjs) until an import changes the
// database. Nothing is rendered at build time.
export const dynamicParams = true;
export function generateStaticParams(): Array<{ q: string }> {
  return [];
}
export const metadata: Metadata = { title: 'search' };

type Params = Promise<{ q: string }>;

/** The results of one query: the same page as /search?q=<query>. */
export default async function SearchResultsPage({ params }: { params: Params }) {
  return <SearchView q={pageParam((await params).q)} />;
}
