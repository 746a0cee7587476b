import type { Metadata } from 'next';
import { listSubsystems, subsystemView } from '@/lib/store';
import { subsystemUrl } from '@/app/_components/catalogue/catalogue-urls';
import { CatalogueProblems } from '@/app/_components/catalogue/catalogue-problems';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'subsystems' };

/** Every subsystem of the catalogue with how many invariants, scenarios, claims and threads concern it. */
export default function SubsystemsPage() {
  const { entries, diagnostics } = listSubsystems();
  return (
    <section className="catalogue">
      <h1>Subsystems ({entries.length})</h1>
      <table className="subsystems">
        <thead>
          <tr>
            <th>subsystem</th>
            <th>files</th>
            <th className="num">invariants</th>
            <th className="num">scenarios</th>
            <th className="num">claims</th>
            <th className="num">threads</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((s) => {
            const view = subsystemView(s.id);
            return (
              <tr key={s.id} data-subsystem={s.id}>
                <td>
                  <a href={subsystemUrl(s.id)} className="mono">{s.id}</a>
                  <div className="small">{s.title}</div>
                </td>
                <td className="mono small">{s.files.join(' ')}</td>
                <td className="num">{view?.invariants.length ?? 0}</td>
                <td className="num">{view?.scenarios.length ?? 0}</td>
                <td className="num">{view?.claims.length ?? 0}</td>
                <td className="num">{view?.threads.length ?? 0}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <CatalogueProblems diagnostics={diagnostics} />
    </section>
  );
}
