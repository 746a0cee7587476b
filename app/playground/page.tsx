import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { findScenario, listScenarioEntries } from '@/lib/store';
import { PlaygroundEditor } from '@/app/_components/playground/playground-editor';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'playground' };

/** The origin share links are written with: THREADLAB_SITE_URL when set (behind a proxy), else the request's host. */
async function siteUrl(): Promise<string> {
  const fromEnv = process.env.THREADLAB_SITE_URL;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const h = await headers();
  return `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host') ?? 'localhost:3000'}`;
}

/** The playground: edit a scenario as JSON (starting from ?from=<thread>/<id>), validate, run, explore and share it. */
export default async function PlaygroundPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).from;
  const from = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const all = listScenarioEntries();
  const chosen = from === '' ? (all[0] ?? null) : findScenario(from.split('/'));
  const initialText = chosen === null ? '' : JSON.stringify(chosen.scenario, null, 2);
  return (
    <section className="playground">
      <h1>Playground</h1>
      <form action="/playground" method="get" className="search-form">
        <select name="from" defaultValue={chosen === null ? '' : `${chosen.scenario.thread}/${chosen.scenario.id}`} aria-label="start from">
          {all.map((e) => (
            <option key={e.hash} value={`${e.scenario.thread}/${e.scenario.id}`}>
              {e.scenario.thread}/{e.scenario.id}
            </option>
          ))}
        </select>
        <button type="submit">Start from this scenario</button>
      </form>
      {from !== '' && chosen === null ? (
        <p className="query-error" role="alert">
          No scenario <code>{from}</code>; starting from an empty text.
        </p>
      ) : null}
      <p className="muted small">
        Edit the scenario; it is checked as you type, with the JSON path of every problem. Run replays it in your browser with the same engine as
        the site, Explore tries every interleaving, and Share puts the scenario and its content hash in the link (the part after <code>#</code>,
        which never reaches the server).
      </p>
      <noscript>
        <p className="empty">
          Running needs JavaScript. Without it, POST the JSON to <code>/api/scenarios/run?v=&lt;variant&gt;</code> (see docs/api.md).
        </p>
      </noscript>
      <PlaygroundEditor initialText={initialText} origin={await siteUrl()} />
    </section>
  );
}
