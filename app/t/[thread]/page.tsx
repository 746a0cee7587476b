import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { annotationForSlug, getReadStore, getThread, kbTitleForRoot, slugForThreadRoot, storeVersion, type ThreadTreeNode } from '@/lib/store';
import { placeClaims, type ClaimPlacement } from '@/app/_components/claims/place-claims';
import type { ThreadAnnotation } from '@/lib/kb';
import { claimAnchor } from '@/app/_components/claims/claim-card';
import { MessageBody } from '@/app/_components/message-body';
import { threadOrder } from '@/app/_components/thread-order';
import { messageAnchor, messageFragment, messageUrl, rawUrl, pageParam } from '@/app/_components/urls';

// Rendered on first request and kept by the page cache (lib/site/page-cache.mjs) until an
// import changes the database; nothing is rendered at build time.
export const dynamicParams = true;
export function generateStaticParams(): Array<{ thread: string }> {
  return [];
}

type Params = Promise<{ thread: string }>;


// The metadata and the page need the same thread: read it once per request.
const loadThread = cache((id: string) => getThread(getReadStore(), id));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = loadThread(pageParam((await params).thread));
  if (t === null) return { title: 'thread' };
  return { title: t.summary.subject ?? kbTitleForRoot(getReadStore(), t.summary.rootId) ?? 'thread' };
}

type Placement = ReturnType<typeof placeClaims>;
const placementCache = new Map<string, { version: number; slug: string | null; annotation: ThreadAnnotation | null; placement: Placement }>();

/**
 * The thread's annotation and where its claims stand. Placing anchors costs milliseconds per
 * request and changes only when an import commits, so it is kept per thread until the store's
 * data_version moves.
 */
function claimsOf(rootId: string, nodes: ThreadTreeNode[]) {
  const db = getReadStore();
  const version = storeVersion(db);
  const hit = placementCache.get(rootId);
  if (hit !== undefined && hit.version === version) return hit;
  const slug = slugForThreadRoot(db, rootId);
  const annotation = slug === null ? null : (annotationForSlug(slug)?.annotation ?? null);
  const placement: Placement =
    annotation === null
      ? { placed: [], unplaced: [] }
      : placeClaims(annotation.claims, nodes.flatMap((n) => (n.message === null ? [] : [{ messageId: n.messageId, fromName: n.message.from.name, blocks: n.message.blocks }])));
  const entry = { version, slug, annotation, placement };
  placementCache.set(rootId, entry);
  return entry;
}

/** A thread as the argument it was: every message (own and reconstructed) in reply order, with its quote tree. */
export default async function ThreadPage({ params }: { params: Params }) {
  const id = pageParam((await params).thread);
  const thread = loadThread(id);
  if (thread === null) notFound();
  const nodes = threadOrder(thread.root);
  const { slug, annotation, placement } = claimsOf(thread.summary.rootId, nodes);
  const claimsByMessage = new Map<string, Map<number, ClaimPlacement[]>>();
  for (const p of placement.placed) {
    const perBlock = claimsByMessage.get(p.messageId) ?? new Map<number, ClaimPlacement[]>();
    perBlock.set(p.blockIndex, [...(perBlock.get(p.blockIndex) ?? []), p]);
    claimsByMessage.set(p.messageId, perBlock);
  }
  const people = new Set<string>();
  for (const n of nodes) {
    const who = n.message?.from.name ?? n.message?.from.address;
    if (who) people.add(who);
  }
  return (
    <section className="thread">
      {/* An archive page may lose the subject (seed 000 did); the annotation's title stands in. */}
      <h1>{thread.summary.subject ?? annotation?.title ?? '(no subject)'}</h1>
      <p className="muted">
        {thread.summary.messageCount} {thread.summary.messageCount === 1 ? "message" : "messages"}
        {thread.summary.ghostCount > 0 ? `, ${thread.summary.ghostCount} missing` : ''} · {[...people].join(', ')}
        {thread.summary.firstDate ? ` · ${thread.summary.firstDate.slice(0, 10)} – ${(thread.summary.lastDate ?? '').slice(0, 10)}` : ''}
      </p>
      {annotation !== null ? (
        <div className="annotation">
          <p>{annotation.summary}</p>
          {annotation.outcome.commits.length > 0 ? (
            <p className="small">
              Upstream:{' '}
              {annotation.outcome.commits.map((c, i) => (
                <span key={c.id}>
                  {i > 0 ? '; ' : ''}
                  <code>{c.id.slice(0, 12)}</code> {c.subject}
                </span>
              ))}
            </p>
          ) : null}
          <details className="claims-index">
            <summary>{annotation.claims.length} claims</summary>
            <ol>
              {annotation.claims.map((c) => (
                <li key={c.id}>
                  <a href={`#${claimAnchor(c.id)}`}>{c.id}</a> <span className="muted">{c.kind}</span> {c.title} <span className="muted">— {c.speaker}</span>
                </li>
              ))}
            </ol>
          </details>
        </div>
      ) : null}
      <ol className="toc">
        {nodes.map((n) => (
          <li key={n.messageId} style={{ paddingLeft: `${Math.min(n.depth, 12) * 1.2}rem` }}>
            <a href={messageFragment(n.messageId)}>
              {n.ghost ? '(not in the archive)' : (n.message?.from.name ?? n.message?.from.address ?? 'unknown')}
            </a>{' '}
            <span className="muted mono small">{n.message?.date?.slice(0, 16).replace('T', ' ') ?? ''}</span>
            {n.message?.derived ? <span className="badge">reconstructed</span> : null}
          </li>
        ))}
      </ol>
      {nodes.map((n) => (
        <article key={n.messageId} id={messageAnchor(n.messageId)} className={`message${n.message?.derived ? ' derived' : ''}`} data-depth={n.depth}>
          <header>
            {n.message === null ? (
              <span className="muted">A message referenced by the thread but not in any imported archive.</span>
            ) : (
              <>
                <strong className="from">{n.message.from.name ?? n.message.from.address ?? 'unknown'}</strong>{' '}
                <span className="mono muted small">{n.message.date ?? 'date unknown'}</span>
                {n.message.derived ? (
                  <span className="badge" title="Reconstructed from the quotes of a later message; holds only what was quoted.">reconstructed</span>
                ) : null}
              </>
            )}
            <span className="links">
              <a href={messageUrl(n.messageId)} className="mono small">&lt;{n.messageId}&gt;</a>
              {n.message !== null && !n.message.derived ? (
                <>
                  {' · '}
                  <a href={rawUrl(n.messageId)}>raw</a>
                </>
              ) : null}
            </span>
          </header>
          {n.message === null ? null : <MessageBody blocks={n.message.blocks} claims={claimsByMessage.get(n.messageId)} thread={slug ?? undefined} />}
        </article>
      ))}
    </section>
  );
}
