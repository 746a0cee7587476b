import { threadUrl } from '@/app/_components/urls';

/** Content threads by slug, each linked to its thread page when it is imported. */
export function ThreadList({ threads, roots }: { threads: string[]; roots: ReadonlyMap<string, string | null> }) {
  if (threads.length === 0) return <p className="empty">No thread concerns it yet.</p>;
  return (
    <ul className="catalogue-threads">
      {threads.map((slug) => {
        const root = roots.get(slug) ?? null;
        return (
          <li key={slug} className="mono small" data-thread={slug}>
            {root !== null ? <a href={threadUrl(root)}>{slug}</a> : <>{slug} <span className="muted">(not imported)</span></>}
          </li>
        );
      })}
    </ul>
  );
}
