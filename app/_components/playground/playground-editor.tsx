'use client';
// The playground: a scenario as JSON text, validated as it is typed (every problem with its JSON
// path), replayed in the browser with the site's own player, explored in a worker, and shared by
// a URL whose fragment carries the compressed text and its content hash.
import { useEffect, useMemo, useState } from 'react';
import { parseScenario, runScenario, scenarioHash, scenarioVariants, type ScenarioRun } from '@/lib/scenario';
import { ScenarioPlayer } from '@/app/_components/scenario/scenario-player';
import { traceSnapshots, type Snapshot } from '@/app/_components/scenario/trace-snapshots';
import { ExplorePanel } from '@/app/_components/scenario/explore-panel';
import { CopyButton } from '@/app/_components/copy-button';
import { SHARE_CHARS_MAX, decodeScenarioText, encodeScenarioText, readShareFragment } from './share-codec';

interface Replay {
  run: ScenarioRun;
  snapshots: Snapshot[];
  actors: string[];
}

/** The editor, validator, runner and share link, starting from `initialText` unless the URL fragment carries a shared scenario. */
export function PlaygroundEditor({ initialText, origin }: { initialText: string; origin: string }) {
  const [text, setText] = useState(initialText);
  const [variant, setVariant] = useState<string | null>(null);
  const [replay, setReplay] = useState<Replay | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const [share, setShare] = useState<{ url: string } | { error: string } | null>(null);
  const [loadNote, setLoadNote] = useState<{ ok: boolean; text: string } | null>(null);

  const parsed = useMemo(() => parseScenario(text), [text]);
  const scenario = parsed.scenario;
  const variants = useMemo(() => (scenario === null ? [] : scenarioVariants(scenario)), [scenario]);
  const current = variant !== null && variants.includes(variant) ? variant : (variants[0] ?? null);
  const hash = useMemo(() => (scenario === null ? null : scenarioHash(scenario)), [scenario]);

  // A shared link: the fragment replaces the starting scenario once, and its hash is checked.
  useEffect(() => {
    const frag = readShareFragment(window.location.hash);
    if (frag === null) return;
    decodeScenarioText(frag.payload).then(
      (shared) => {
        setText(shared);
        if (frag.variant !== null) setVariant(frag.variant);
        const p = parseScenario(shared);
        const got = p.scenario === null ? null : scenarioHash(p.scenario);
        setLoadNote(
          frag.hash === null || got === null
            ? { ok: got !== null, text: 'Loaded the shared scenario.' }
            : got === frag.hash
              ? { ok: true, text: `Loaded the shared scenario; content hash ${got} matches the link.` }
              : { ok: false, text: `Loaded the shared scenario, but its content hash is ${got} and the link says ${frag.hash}: it was made with another model version or the link was altered.` },
        );
      },
      (err: unknown) => setLoadNote({ ok: false, text: err instanceof Error ? err.message : String(err) }),
    );
  }, []);

  // Edits make an old run and an old share link stale.
  useEffect(() => {
    setReplay(null);
    setRunError(null);
    setShare(null);
  }, [text, current]);

  const run = (schedule?: string[]) => {
    if (scenario === null || current === null) return;
    try {
      const r = runScenario(scenario, { variant: current, schedule });
      setReplay({ run: r, snapshots: traceSnapshots(scenario, current, r.schedule), actors: [...new Set(r.steps.map((s) => s.actor))] });
      setRunError(r.error);
    } catch (err) {
      setReplay(null);
      setRunError(err instanceof Error ? err.message : String(err));
    }
  };

  const makeShare = async () => {
    if (scenario === null || current === null || hash === null) return;
    try {
      const payload = await encodeScenarioText(text);
      if (payload.length > SHARE_CHARS_MAX) {
        setShare({ error: `the compressed scenario is ${payload.length} characters; a share link holds at most ${SHARE_CHARS_MAX}` });
        return;
      }
      const frag = `#s=${payload}&h=${hash}&v=${encodeURIComponent(current)}`;
      window.history.replaceState(null, '', `/playground${frag}`);
      setShare({ url: `${origin}/playground${frag}` });
    } catch (err) {
      setShare({ error: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <div className="playground-grid">
      <div>
        <label htmlFor="scenario-json" className="small muted">
          scenario JSON
        </label>
        <textarea id="scenario-json" spellCheck={false} wrap="off" value={text} onChange={(e) => setText(e.target.value)} aria-invalid={scenario === null} aria-describedby="scenario-problems" />
        {loadNote !== null ? <p className={loadNote.ok ? 'small load-note' : 'query-error load-note'}>{loadNote.text}</p> : null}
      </div>
      <div>
        <div id="scenario-problems" role="status">
          {scenario === null ? (
            <>
              <p className="problems-title">
                <strong>{parsed.problems.length}</strong> problem{parsed.problems.length === 1 ? '' : 's'}:
              </p>
              <ul className="problems">
                {parsed.problems.map((p, i) => (
                  <li key={i} data-path={p.path}>
                    {p.path === '' ? '(file)' : p.path}: {p.message}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="small valid">
              Valid: <code>{scenario.thread}/{scenario.id}</code>, content hash <code className="content-hash">{hash}</code>
            </p>
          )}
        </div>
        {scenario !== null && current !== null ? (
          <>
            <div className="controls">
              <label className="small">
                variant{' '}
                <select value={current} onChange={(e) => setVariant(e.target.value)} aria-label="variant">
                  {variants.map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" onClick={() => run()}>
                Run
              </button>
              <button type="button" onClick={() => void makeShare()}>
                Share
              </button>
            </div>
            {share !== null ? (
              'url' in share ? (
                <p className="small share">
                  <a href={share.url} className="share-url mono">
                    share link ({share.url.length.toLocaleString('en-US')} characters)
                  </a>{' '}
                  <CopyButton text={share.url} label="copy link" />
                </p>
              ) : (
                <p className="query-error">{share.error}</p>
              )
            ) : null}
            <ExplorePanel scenario={scenario} variant={current} onReplay={(schedule) => run(schedule)} />
          </>
        ) : null}
      </div>
      {runError !== null ? <p className="query-error run-error">{runError}</p> : null}
      {replay !== null ? (
        <div className="playground-run" style={{ gridColumn: '1 / -1' }}>
          <h2>
            Replay under <span className="mono">{replay.run.variant}</span>: {replay.run.steps.length} steps
          </h2>
          <ScenarioPlayer variant={replay.run.variant} actors={replay.actors} steps={replay.run.steps} snapshots={replay.snapshots} invariants={replay.run.invariants} initialStep={replay.run.steps.length} updateUrl={false} />
        </div>
      ) : null}
    </div>
  );
}
