import { annotationForSlug, getReadStore, listInvariants, listScenarioEntries, listSources, listSubsystems, listThreads, slugForThreadRoot } from '@/lib/store';
import { threadUrl } from '@/app/_components/urls';

// The page reads the database on every request: the build runs before any import.
export const dynamic = 'force-dynamic';

function day(iso: string | null): string {
  return iso === null ? '' : iso.slice(0, 10);
}

/** Home: the threads with their claims and subsystems, the scenarios, the invariant and subsystem indexes, the archive files. */
export default function HomePage() {
  const db = getReadStore();
  const sources = listSources(db);
  if (sources.length === 0) {
    return (
      <section>
        <h1>threadlab</h1>
        <p className="empty">
          The database is empty. Import the bundled threads with <code>npx threadlab import content</code>.
        </p>
      </section>
    );
  }
  const threads = listThreads(db).map((t) => {
    const slug = slugForThreadRoot(db, t.rootId);
    return { t, slug, annotation: slug === null ? null : (annotationForSlug(slug)?.annotation ?? null) };
  });
  const scenarios = listScenarioEntries();
  const invariants = listInvariants().entries;
  const subsystems = listSubsystems().entries;
  return (
    <section>
      <h1>Threads</h1>
      <table className="threads">
        <thead>
          <tr>
            <th>subject</th>
            <th className="num">messages</th>
            <th className="num">claims</th>
            <th>dates</th>
          </tr>
        </thead>
        <tbody>
          {threads.map(({ t, slug, annotation }) => (
            <tr key={t.rootId} data-slug={slug ?? undefined}>
              <td>
                <a href={threadUrl(t.rootId)}>{t.subject ?? annotation?.title ?? '(no subject)'}</a>
                {annotation !== null ? (
                  <div className="muted small">
                    {annotation.lists.join(', ')} · {annotation.participants.join(', ')} ·{' '}
                    {annotation.subsystems.map((s, i) => (
                      <span key={s}>
                        {i > 0 ? ' ' : ''}
                        <a href={`/sub/${encodeURIComponent(s)}`}>{s}</a>
                      </span>
                    ))}
                  </div>
                ) : null}
                <div className="mono muted small">&lt;{t.rootId}&gt;</div>
              </td>
              <td className="num">{t.messageCount}</td>
              <td className="num claims-count">{annotation?.claims.length ?? 0}</td>
              <td className="mono small">
                {annotation !== null ? `${annotation.dates.first} – ${annotation.dates.last}` : `${day(t.firstDate)} – ${day(t.lastDate)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Scenarios ({scenarios.length})</h2>
      <ul className="scenario-index">
        {scenarios.map((e) => (
          <li key={`${e.scenario.thread}/${e.scenario.id}`}>
            <a href={`/s/${encodeURIComponent(e.scenario.thread)}/${encodeURIComponent(e.scenario.id)}`}>{e.scenario.title}</a>{' '}
            <span className="muted small mono">
              {e.scenario.thread} · {Object.keys(e.scenario.expect).length} variants
            </span>
          </li>
        ))}
      </ul>

      <div className="indexes">
        <div>
          <h2>
            <a href="/inv">Invariants</a> ({invariants.length})
          </h2>
          <ul className="small">
            {invariants.map((i) => (
              <li key={i.id}>
                <a href={`/inv/${encodeURIComponent(i.id)}`} className="mono">{i.id}</a>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h2>
            <a href="/sub">Subsystems</a> ({subsystems.length})
          </h2>
          <ul className="small">
            {subsystems.map((s) => (
              <li key={s.id}>
                <a href={`/sub/${encodeURIComponent(s.id)}`}>{s.id}</a> <span className="muted">{s.title}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>

      <h2>Archive files</h2>
      <table className="sources">
        <thead>
          <tr>
            <th>file</th>
            <th>format</th>
            <th className="num">bytes</th>
            <th>sha256</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr key={s.id}>
              <td className="mono">{s.path}</td>
              <td>{s.format}</td>
              <td className="num">{s.bytes.toLocaleString('en-US')}</td>
              <td className="mono muted">{s.sha256.slice(0, 12)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
