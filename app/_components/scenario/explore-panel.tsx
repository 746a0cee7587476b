'use client';
// "Explore all interleavings" for one scenario and variant, in a Web Worker so the page stays
// responsive: elapsed time and states explored while it runs, Cancel (terminates the worker), then the counts, each
// invariant's verdict against the file's expectation, and the shortest counterexample schedule
// with a link that replays it in the player.
import { useEffect, useRef, useState } from 'react';
import type { ExploreProgress } from '@/lib/engine';
import type { Scenario, ScenarioExploration } from '@/lib/scenario';
import type { ExploreReply, ExploreRequest } from './explore-messages';

export interface ExplorePanelProps {
  scenario: Scenario;
  variant: string;
  /** The scenario page's path: counterexamples link to `<path>?v=<variant>&schedule=a,b,…`. */
  replayPath?: string;
  /** Called instead of following a link (the playground replays in place). */
  onReplay?: (schedule: string[]) => void;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; startedAt: number; progress: ExploreProgress | null }
  | { kind: 'cancelled'; afterMs: number }
  | { kind: 'failed'; error: string }
  | { kind: 'done'; result: ScenarioExploration; elapsedMs: number };

const count = new Intl.NumberFormat('en-US');

function progressText(p: ExploreProgress | null): string {
  if (p === null) return '';
  if (p.phase === 'counterexamples') return `${count.format(p.states)} states explored; finding the shortest counterexamples`;
  return `${count.format(p.states)} states of at most ${count.format(p.maxStates)}, ${count.format(p.terminals)} terminal`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The explore button, its progress, cancel and the result table. */
export function ExplorePanel(props: ExplorePanelProps) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [now, setNow] = useState(0);
  const worker = useRef<Worker | null>(null);

  // A new scenario or variant makes an old result meaningless; a running worker is stopped.
  useEffect(() => {
    setStatus({ kind: 'idle' });
    return () => {
      worker.current?.terminate();
      worker.current = null;
    };
  }, [props.scenario, props.variant]);

  useEffect(() => {
    if (status.kind !== 'running') return;
    const t = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(t);
  }, [status.kind]);

  const start = () => {
    worker.current?.terminate();
    const w = new Worker(new URL('./explore-worker.ts', import.meta.url));
    worker.current = w;
    const startedAt = performance.now();
    setNow(startedAt);
    setStatus({ kind: 'running', startedAt, progress: null });
    w.onmessage = (e: MessageEvent<ExploreReply>) => {
      const reply = e.data;
      if (reply.type === 'progress') {
        setStatus((s) => (s.kind === 'running' && worker.current === w ? { ...s, progress: reply.progress } : s));
        return;
      }
      setStatus(reply.type === 'result' ? { kind: 'done', result: reply.result, elapsedMs: reply.elapsedMs } : { kind: 'failed', error: reply.error });
      w.terminate();
      if (worker.current === w) worker.current = null;
    };
    w.onerror = (e) => {
      setStatus({ kind: 'failed', error: e.message || 'the exploration worker failed' });
      w.terminate();
      if (worker.current === w) worker.current = null;
    };
    const request: ExploreRequest = { scenario: props.scenario, variant: props.variant };
    w.postMessage(request);
  };

  const cancel = () => {
    if (status.kind !== 'running') return;
    worker.current?.terminate();
    worker.current = null;
    setStatus({ kind: 'cancelled', afterMs: performance.now() - status.startedAt });
  };

  const expected = props.scenario.expect[props.variant] ?? {};
  return (
    <div className="explore" data-status={status.kind}>
      <noscript>
        <p className="small muted">
          Exploring runs in your browser and needs JavaScript. Offline: <code>npx threadlab scenario explore {props.scenario.id} --variant {props.variant}</code>
        </p>
      </noscript>
      <div className="controls">
        <button type="button" onClick={start} disabled={status.kind === 'running'}>
          Explore all interleavings
        </button>
        {status.kind === 'running' ? (
          <>
            <span className="spinner" aria-hidden="true" />
            <span className="explore-elapsed mono small" role="status">
              exploring {props.variant}… {seconds(now - status.startedAt)}
            </span>
            <span className="explore-progress mono small">{progressText(status.progress)}</span>
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          </>
        ) : null}
        {status.kind === 'cancelled' ? (
          <span className="explore-cancelled small" role="status">
            cancelled after {seconds(status.afterMs)}; nothing was judged
          </span>
        ) : null}
      </div>
      {status.kind === 'failed' ? (
        <pre className="query-error" role="alert">
          {status.error}
        </pre>
      ) : null}
      {status.kind === 'done' ? <ExploreResult result={status.result} elapsedMs={status.elapsedMs} expected={expected} replayPath={props.replayPath} onReplay={props.onReplay} /> : null}
    </div>
  );
}

function replayHref(path: string, variant: string, schedule: readonly string[]): string {
  return `${path}?v=${encodeURIComponent(variant)}&schedule=${schedule.map(encodeURIComponent).join(',')}`;
}

function ExploreResult(props: { result: ScenarioExploration; elapsedMs: number; expected: Record<string, string>; replayPath?: string; onReplay?: (schedule: string[]) => void }) {
  const r = props.result;
  return (
    <div className="explore-result">
      {!r.complete ? (
        <p className="query-error" role="alert">
          Incomplete: {r.message}. The verdicts below are partial and must not be trusted.
        </p>
      ) : null}
      <p className="mono small explore-counts">
        <span data-count="states">{r.states.toLocaleString('en-US')} distinct states</span> ·{' '}
        <span data-count="transitions">{r.transitions.toLocaleString('en-US')} transitions</span> · {r.terminals.toLocaleString('en-US')} terminal states ·{' '}
        {r.deadlocks} deadlocked · longest schedule {r.maxDepth} steps · {seconds(props.elapsedMs)} · model {r.modelVersion}
      </p>
      <table className="explore-verdicts">
        <thead>
          <tr>
            <th>invariant</th>
            <th>violated</th>
            <th>expected</th>
            <th className="num">violating terminals</th>
            <th>shortest counterexample</th>
          </tr>
        </thead>
        <tbody>
          {r.verdicts.map((v) => {
            const want = props.expected[v.id];
            return (
              <tr key={v.id} data-invariant={v.id} data-verdict={v.verdict}>
                <td className="mono small">{v.id}</td>
                <td className={`verdict ${v.verdict}`}>{v.verdict}</td>
                <td className="small">
                  {want ?? '—'}
                  {want !== undefined && r.complete ? (want === v.verdict ? ' ✓' : <strong className="violation"> ✗ differs</strong>) : null}
                </td>
                <td className="num">{v.violatingTerminals}</td>
                <td className="mono small counterexample">
                  {v.counterexample === null ? (
                    '—'
                  ) : (
                    <>
                      <span className="schedule">{v.counterexample.length === 0 ? '(initial state)' : v.counterexample.join(',')}</span> ({v.counterexample.length} steps){' '}
                      {props.onReplay !== undefined ? (
                        <button type="button" className="copy" onClick={() => props.onReplay?.(v.counterexample ?? [])}>
                          replay
                        </button>
                      ) : props.replayPath !== undefined ? (
                        <a href={replayHref(props.replayPath, r.variant, v.counterexample)}>replay</a>
                      ) : null}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
