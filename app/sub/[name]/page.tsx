import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { pageParam } from '@/app/_components/urls';
import { subsystemView } from '@/lib/store';
import { INVARIANT_BY_ID } from '@/lib/engine';
import { Prose } from '@/app/_components/catalogue/prose';
import { ThreadClaims } from '@/app/_components/catalogue/thread-claims';
import { ThreadList } from '@/app/_components/catalogue/thread-list';
import { VariantVerdicts } from '@/app/_components/catalogue/variant-verdicts';
import { threadRoots } from '@/app/_components/catalogue/thread-roots';
import { invariantUrl, scenarioUrl } from '@/app/_components/catalogue/catalogue-urls';

export const dynamic = 'force-dynamic';

type Params = Promise<{ name: string }>;


export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const v = subsystemView(pageParam((await params).name));
  return { title: v === null ? 'subsystem' : `subsystem ${v.subsystem.id}` };
}

/** One subsystem: its files and functions, and every invariant, scenario (with verdicts per variant), claim and thread that concerns it. */
export default async function SubsystemPage({ params }: { params: Params }) {
  const view = subsystemView(pageParam((await params).name));
  if (view === null) notFound();
  const sub = view.subsystem;
  const roots = threadRoots([...view.threads, ...view.claims.map((c) => c.thread)]);
  return (
    <section className="catalogue subsystem">
      <p className="muted small">
        <a href="/sub">subsystems</a> / <code>{sub.id}</code>
      </p>
      <h1>{sub.title}</h1>
      <Prose text={sub.description} />
      <div className="player-grid">
        <div>
          <h2>Files</h2>
          <ul className="mono small">
            {sub.files.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
        <div>
          <h2>Functions</h2>
          <ul className="mono small">
            {sub.functions.map((f) => (
              <li key={f}>{f}()</li>
            ))}
          </ul>
        </div>
      </div>
      <h2>Invariants ({view.invariants.length})</h2>
      {view.invariants.length === 0 ? (
        <p className="empty">No invariant of the catalogue names it.</p>
      ) : (
        <ul className="catalogue-invariants">
          {view.invariants.map((i) => (
            <li key={i.id} data-invariant={i.id}>
              <a href={invariantUrl(i.id)} className="mono small">{i.id}</a> {i.title}
              {INVARIANT_BY_ID[i.predicate] === undefined ? <span className="muted small"> (not checked by the engine yet)</span> : null}
            </li>
          ))}
        </ul>
      )}
      <h2>Scenarios ({view.scenarios.length})</h2>
      {view.scenarios.length === 0 ? (
        <p className="empty">No scenario concerns it yet.</p>
      ) : (
        <table className="catalogue-scenarios">
          <thead>
            <tr>
              <th>scenario</th>
              <th>why it concerns {sub.id}</th>
              <th>what each variant violates (from the file&apos;s expect)</th>
            </tr>
          </thead>
          <tbody>
            {view.scenarios.map(({ entry: e, paths, invariants }) => (
              <tr key={`${e.scenario.thread}/${e.scenario.id}`} data-scenario={`${e.scenario.thread}/${e.scenario.id}`}>
                <td>
                  <a href={scenarioUrl(e.scenario.thread, e.scenario.id)} className="mono small">
                    {e.scenario.thread}/{e.scenario.id}
                  </a>
                  <div className="small">{e.scenario.title}</div>
                </td>
                <td className="small">
                  {paths.length > 0 ? <div>models <span className="mono">{paths.join(', ')}</span></div> : null}
                  {invariants.length > 0 ? <div>checks <span className="mono">{invariants.join(', ')}</span></div> : null}
                </td>
                <td>
                  <VariantVerdicts entry={e} invariants={e.scenario.invariants} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Claims ({view.claims.length})</h2>
      <ThreadClaims claims={view.claims} roots={roots} />
      <h2>Threads ({view.threads.length})</h2>
      <ThreadList threads={view.threads} roots={roots} />
    </section>
  );
}
