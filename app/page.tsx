import { getReadStore, listSources, listThreads } from '@/lib/store';
import { threadUrl } from '@/app/_components/urls';

// The page reads the database on every request: the build runs before any import.
export const dynamic = 'force-dynamic';

function day(iso: string | null): string {
  return iso === null ? '' : iso.slice(0, 10);
}

/** Home: the threads the knowledge base holds and the archive files they came from. */
export default function HomePage() {
  const db = getReadStore();
  const threads = listThreads(db);
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
  return (
    <section>
      <h1>Threads</h1>
      <table className="threads">
        <thead>
          <tr>
            <th>subject</th>
            <th className="num">messages</th>
            <th>first</th>
            <th>last</th>
          </tr>
        </thead>
        <tbody>
          {threads.map((t) => (
            <tr key={t.rootId}>
              <td>
                <a href={threadUrl(t.rootId)}>{t.subject ?? '(no subject)'}</a>
                <div className="mono muted small">&lt;{t.rootId}&gt;</div>
              </td>
              <td className="num">{t.messageCount}</td>
              <td className="mono">{day(t.firstDate)}</td>
              <td className="mono">{day(t.lastDate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
