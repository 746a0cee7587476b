import { getReadStore, listSources } from '@/lib/store';

// The page reads the database on every request: the build runs before any import.
export const dynamic = 'force-dynamic';

/** Home: what the knowledge base holds, read from the store. */
export default function HomePage() {
  const sources = listSources(getReadStore());
  return (
    <section>
      <h1>Threads and their sources</h1>
      {sources.length === 0 ? (
        <p className="empty">
          The database is empty. Import the bundled threads with <code>npx threadlab import content</code>.
        </p>
      ) : (
        <table className="sources">
          <thead>
            <tr>
              <th>archive file</th>
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
      )}
    </section>
  );
}
