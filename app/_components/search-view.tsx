// The search page's content, shared by /search (the form, and the queries that cannot be put in a
// path) and /search/q/<query> (the cached results page /search?q= is rewritten to).
import { getReadStore, kbTitleForRoot, searchKnowledge, searchMessages, threadRootForSlug, type KbVerdict, type KnowledgeHits } from '@/lib/store';
import { Snippet } from '@/app/_components/snippet';
import { claimAnchor } from '@/app/_components/claims/claim-card';
import { messageFragment, threadUrl, messageUrl } from '@/app/_components/urls';

// Longer queries are refused before they reach SQLite: nobody types 2,000 characters of search.
const QUERY_CHARS_MAX = 2000;

type Outcome = { ok: true; kb: KnowledgeHits; hits: ReturnType<typeof searchMessages> & { ok: true } } | { ok: false; error: string };

function search(q: string): Outcome | null {
  if (q.trim() === '') return null;
  if (q.length > QUERY_CHARS_MAX) return { ok: false, error: `the query is ${q.length} characters long; at most ${QUERY_CHARS_MAX} are searched` };
  const db = getReadStore();
  const kb = searchKnowledge(db, q, { limit: 50 });
  if (!kb.ok) return kb;
  const hits = searchMessages(db, q, { limit: 50 });
  if (!hits.ok) return hits;
  return { ok: true, kb, hits };
}

const VERDICT_RANK: Record<string, number> = { never: 0, sometimes: 1, always: 2 };

/**
 * One line per variant instead of one per (variant, invariant): the violated invariants are
 * named, the rest counted. `verdict` is the variant's worst verdict, so a reader (and a test)
 * sees at a glance which variants break something.
 */
function verdictsByVariant(verdicts: readonly KbVerdict[]): Array<{ variant: string; verdict: string; text: string }> {
  const byVariant = new Map<string, KbVerdict[]>();
  for (const v of verdicts) byVariant.set(v.variant, [...(byVariant.get(v.variant) ?? []), v]);
  return [...byVariant].map(([variant, vs]) => {
    const broken = vs.filter((v) => v.verdict !== 'never');
    const worst = vs.reduce((w, v) => ((VERDICT_RANK[v.verdict] ?? 0) > (VERDICT_RANK[w] ?? 0) ? v.verdict : w), 'never');
    const held = vs.length - broken.length;
    const parts = broken.map((v) => `${v.invariant} ${v.verdict} violated`);
    if (held > 0) parts.push(broken.length === 0 && held === 1 ? `${vs[0]!.invariant} never violated` : `${held} ${held === 1 ? 'other' : broken.length === 0 ? 'invariants' : 'others'} never violated`);
    return { variant, verdict: worst, text: parts.join(', ') };
  });
}

/** The search page for query `q`: the form, then knowledge-base hits and message hits grouped by kind; a malformed query gets a message, never an error page. */
export function SearchView({ q }: { q: string }) {
  const outcome = search(q);
  const db = getReadStore();
  return (
    <section>
      <h1>Search</h1>
      <form action="/search" method="get" className="search-form">
        <input type="search" name="q" defaultValue={q} aria-label="query" placeholder="write_cache_pages f:chinner s:iomap nq:… q:… d:2018-10-01..2018-12-01 inv:… sub:…" />
        <button type="submit">Search</button>
      </form>
      {outcome === null || !outcome.ok ? (
        <p className="muted small">
          Prefixes: <code>s:</code> subject, <code>f:</code> from, <code>b:</code> body, <code>nq:</code> the author&apos;s own words,{' '}
          <code>q:</code> quoted words, <code>d:FROM..TO</code> dates; <code>&quot;phrases&quot;</code>, <code>-word</code>, <code>OR</code>. Knowledge base:{' '}
          <code>inv:</code> invariant, <code>sub:</code> subsystem, <code>verdict:always</code> (or <code>never</code>, <code>sometimes</code>,{' '}
          <code>verdict:v4.19=always</code>), <code>claim:thread#c7</code> or <code>claim:c7</code>; alone they list claims and scenarios, with words they
          narrow the messages to their threads.
        </p>
      ) : (
        // A results page names the prefixes in one line; the whole syntax is on the empty page.
        <p className="muted small">
          {'Prefixes s: f: b: nq: q: d: inv: sub: verdict: claim: '}
          <a href="/search">(syntax)</a>
        </p>
      )}
      {outcome === null ? null : !outcome.ok ? (
        <p className="query-error" role="alert">
          {outcome.error}
        </p>
      ) : (
        <>
          {outcome.kb.threads.length === 0 ? null : (
            <>
              <h2>Threads ({outcome.kb.threads.length})</h2>
              <ul className="kb-threads">
                {outcome.kb.threads.map((t) => (
                  <li key={t.slug} data-slug={t.slug}>
                    {t.rootId === null ? t.title : <a href={threadUrl(t.rootId)}>{t.title}</a>} <span className="muted small">{t.slug}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {outcome.kb.claims.length === 0 ? null : (
            <>
              <h2>Claims ({outcome.kb.claims.length})</h2>
              <ol className="hits kb-claims">
                {outcome.kb.claims.map((c) => {
                  const rootId = threadRootForSlug(db, c.thread);
                  return (
                    <li key={`${c.thread}#${c.id}`} data-claim={`${c.thread}#${c.id}`}>
                      {rootId === null ? c.title : <a href={`${threadUrl(rootId)}#${claimAnchor(c.id)}`}>{c.title}</a>}{' '}
                      <span className="muted small">
                        {`${c.thread}#${c.id} · ${c.kind} · ${c.speaker}`}
                      </span>
                      <div className="small">
                        <Snippet text={c.snippet} />
                      </div>
                    </li>
                  );
                })}
              </ol>
            </>
          )}
          {outcome.kb.scenarios.length === 0 ? null : (
            <>
              <h2>Scenarios ({outcome.kb.scenarios.length})</h2>
              <ol className="hits kb-scenarios">
                {outcome.kb.scenarios.map((s) => (
                  <li key={`${s.thread}/${s.id}`} data-scenario={`${s.thread}/${s.id}`}>
                    <a href={`/s/${encodeURIComponent(s.thread)}/${encodeURIComponent(s.id)}`}>{s.title}</a>{' '}
                    <span className="muted small">
                      {`${s.thread}/${s.id} · ${s.hash}`}
                    </span>
                    {s.verdicts.length === 0 ? null : (
                      <div className="small">
                        {verdictsByVariant(s.verdicts).map((v, i) => (
                          <span key={v.variant} data-variant={v.variant} data-verdict={v.verdict}>
                            {`${i > 0 ? '; ' : ''}${v.variant}: ${v.text}`}
                          </span>
                        ))}
                      </div>
                    )}
                  </li>
                ))}
              </ol>
            </>
          )}
          {outcome.hits.hits.length === 0 ? (
            <p className="empty">No message matches.</p>
          ) : (
            <>
              <h2>Messages ({outcome.hits.hits.length})</h2>
              <ol className="hits">
                {outcome.hits.hits.map((h) => (
                  <li key={h.messageId}>
                    <a href={h.threadRootId !== null ? threadUrl(h.threadRootId) + messageFragment(h.messageId) : messageUrl(h.messageId)}>
                      {h.subject ?? (h.threadRootId === null ? null : kbTitleForRoot(db, h.threadRootId)) ?? '(no subject)'}
                    </a>{' '}
                    <span className="muted small">
                      {`${h.from.name ?? h.from.address ?? 'unknown'} ${h.date?.slice(0, 10) ?? ''}`}
                    </span>
                    <div className="small">
                      <Snippet text={h.snippet} />
                    </div>
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </section>
  );
}
