import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { pageParam } from '@/app/_components/urls';
import { invariantView } from '@/lib/store';
import { INVARIANT_BY_ID } from '@/lib/engine';
import { Prose } from '@/app/_components/catalogue/prose';
import { ThreadClaims } from '@/app/_components/catalogue/thread-claims';
import { ThreadList } from '@/app/_components/catalogue/thread-list';
import { VariantVerdicts } from '@/app/_components/catalogue/variant-verdicts';
import { threadRoots } from '@/app/_components/catalogue/thread-roots';
import { scenarioUrl, subsystemUrl } from '@/app/_components/catalogue/catalogue-urls';

export const dynamic = 'force-dynamic';

type Params = Promise<{ name: string }>;


export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const v = invariantView(pageParam((await params).name));
  return { title: v === null ? 'invariant' : `invariant ${v.invariant.id}` };
}

/** One invariant: its statement, the engine's predicate, and every claim, scenario (with verdicts per variant) and thread that concerns it. */
export default async function InvariantPage({ params }: { params: Params }) {
  const view = invariantView(pageParam((await params).name));
  if (view === null) notFound();
  const inv = view.invariant;
  const engine = INVARIANT_BY_ID[inv.predicate];
  const roots = threadRoots([...view.threads, ...view.claims.map((c) => c.thread)]);
  return (
    <section className="catalogue invariant">
      <p className="muted small">
        <a href="/inv">invariants</a> / <code>{inv.id}</code> · {inv.kind}
      </p>
      <h1>{inv.title}</h1>
      <h2>Statement</h2>
      <Prose text={inv.statement} />
      <h2>Engine predicate</h2>
      {engine !== undefined ? (
        <p className="engine-predicate">
          <code>{engine.id}</code> <span className="muted small">({engine.kind === 'state' ? 'checked after every step' : 'checked by the step that does the thing'})</span>: {engine.description}
        </p>
      ) : (
        <p className="engine-predicate empty">
          <code>{inv.predicate}</code> is not checked by the engine yet: no scenario can judge it.
        </p>
      )}
      <h2>Subsystems</h2>
      <p>
        {inv.subsystems.map((s, i) => (
          <span key={s}>
            {i > 0 ? ', ' : ''}
            <a href={subsystemUrl(s)}>{s}</a>
          </span>
        ))}
      </p>
      {inv.variants !== '' ? (
        <>
          <h2>Which code breaks or keeps it</h2>
          <Prose text={inv.variants} />
        </>
      ) : null}
      <h2>Claims ({view.claims.length})</h2>
      <ThreadClaims claims={view.claims} roots={roots} />
      {view.unknownClaims.length > 0 ? (
        <p className="small muted">
          Named by the catalogue but not annotated: {view.unknownClaims.map((c) => <code key={c}>{c} </code>)}
        </p>
      ) : null}
      <h2>Scenarios ({view.scenarios.length})</h2>
      {view.scenarios.length === 0 ? (
        <p className="empty">No scenario checks it yet.</p>
      ) : (
        <table className="catalogue-scenarios">
          <thead>
            <tr>
              <th>scenario</th>
              <th>verdict per variant (from the file&apos;s expect)</th>
            </tr>
          </thead>
          <tbody>
            {view.scenarios.map((e) => (
              <tr key={`${e.scenario.thread}/${e.scenario.id}`} data-scenario={`${e.scenario.thread}/${e.scenario.id}`}>
                <td>
                  <a href={scenarioUrl(e.scenario.thread, e.scenario.id)} className="mono small">
                    {e.scenario.thread}/{e.scenario.id}
                  </a>
                  <div className="small">{e.scenario.title}</div>
                </td>
                <td>
                  <VariantVerdicts entry={e} invariants={[inv.predicate]} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Threads ({view.threads.length})</h2>
      <ThreadList threads={view.threads} roots={roots} />
    </section>
  );
}
