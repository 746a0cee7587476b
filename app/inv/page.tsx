import type { Metadata } from 'next';
import { invariantView, listInvariants } from '@/lib/store';
import { INVARIANT_BY_ID } from '@/lib/engine';
import { invariantUrl, subsystemUrl } from '@/app/_components/catalogue/catalogue-urls';
import { CatalogueProblems } from '@/app/_components/catalogue/catalogue-problems';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'invariants' };

/** Every invariant of the catalogue: what it says, whether the engine checks it, and how much concerns it. */
export default function InvariantsPage() {
  const { entries, diagnostics } = listInvariants();
  return (
    <section className="catalogue">
      <h1>Invariants ({entries.length})</h1>
      <p className="muted small">
        What must hold in the page cache, writeback and direct I/O, as the threads argue it. The engine checks an invariant&apos;s predicate after
        every step of a scenario; those it does not check yet are marked.
      </p>
      <table className="invariants">
        <thead>
          <tr>
            <th>invariant</th>
            <th>kind</th>
            <th>subsystems</th>
            <th>engine</th>
            <th className="num">claims</th>
            <th className="num">scenarios</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((inv) => {
            const view = invariantView(inv.id);
            return (
              <tr key={inv.id} data-invariant={inv.id}>
                <td>
                  <a href={invariantUrl(inv.id)} className="mono">{inv.id}</a>
                  <div className="small">{inv.title}</div>
                </td>
                <td className="small">{inv.kind}</td>
                <td className="small">
                  {inv.subsystems.map((s, i) => (
                    <span key={s}>
                      {i > 0 ? ', ' : ''}
                      <a href={subsystemUrl(s)}>{s}</a>
                    </span>
                  ))}
                </td>
                <td className="small">{INVARIANT_BY_ID[inv.predicate] !== undefined ? 'checked' : <span className="muted">not yet</span>}</td>
                <td className="num">{view?.claims.length ?? 0}</td>
                <td className="num">{view?.scenarios.length ?? 0}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <CatalogueProblems diagnostics={diagnostics} />
    </section>
  );
}
