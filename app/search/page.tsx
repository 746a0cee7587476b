import type { Metadata } from 'next';
import { getReadStore, searchMessages } from '@/lib/store';
import { Snippet } from '@/app/_components/snippet';
import { messageFragment, threadUrl, messageUrl } from '@/app/_components/urls';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'search' };

// Longer queries are refused before they reach SQLite: nobody types 2,000 characters of search.
const QUERY_CHARS_MAX = 2000;

/** Search over messages with lore-style prefixes; a malformed query gets a message, never an error page. */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const outcome =
    q.trim() === ''
      ? null
      : q.length > QUERY_CHARS_MAX
        ? { ok: false as const, error: `the query is ${q.length} characters long; at most ${QUERY_CHARS_MAX} are searched` }
        : searchMessages(getReadStore(), q, { limit: 50 });
  return (
    <section>
      <h1>Search</h1>
      <form action="/search" method="get" className="search-form">
        <input type="search" name="q" defaultValue={q} aria-label="query" placeholder="write_cache_pages f:chinner s:iomap nq:… q:… d:2018-10-01..2018-12-01" />
        <button type="submit">Search</button>
      </form>
      <p className="muted small">
        Prefixes: <code>s:</code> subject, <code>f:</code> from, <code>b:</code> body, <code>nq:</code> the author&apos;s own words,{' '}
        <code>q:</code> quoted words, <code>d:FROM..TO</code> dates; <code>&quot;phrases&quot;</code>, <code>-word</code>, <code>OR</code>.
      </p>
      {outcome === null ? null : !outcome.ok ? (
        <p className="query-error" role="alert">
          {outcome.error}
        </p>
      ) : outcome.hits.length === 0 ? (
        <p className="empty">No message matches.</p>
      ) : (
        <>
          <h2>Messages ({outcome.hits.length})</h2>
          <ol className="hits">
            {outcome.hits.map((h) => (
              <li key={h.messageId}>
                <a href={h.threadRootId !== null ? threadUrl(h.threadRootId) + messageFragment(h.messageId) : messageUrl(h.messageId)}>
                  {h.subject ?? '(no subject)'}
                </a>{' '}
                <span className="muted small">
                  {h.from.name ?? h.from.address ?? 'unknown'} {h.date?.slice(0, 10) ?? ''}
                </span>
                <div className="small">
                  <Snippet text={h.snippet} />
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
