'use client';
// The step-by-step player: one lane per actor, the page table after the chosen step with what that
// step changed highlighted, and the invariants as lights that turn red at the step that breaks
// them. Prev/next/play, arrow keys, and ?v=<variant>&step=<n> kept in the URL so a step can be linked.
import { useCallback, useEffect, useState } from 'react';
import type { TraceStep, InvariantOutcome } from '@/lib/engine';
import type { Snapshot } from './trace-snapshots';

export interface ScenarioPlayerProps {
  variant: string;
  actors: string[];
  steps: TraceStep[];
  snapshots: Snapshot[];
  invariants: InvariantOutcome[];
  initialStep: number;
  /** Keep ?v=&step= in the address bar (the scenario page); off where several players share a page. */
  updateUrl?: boolean;
}

function changedKeys(before: Snapshot | undefined, after: Snapshot | undefined): Set<string> {
  const out = new Set<string>();
  if (before === undefined || after === undefined) return out;
  after.pages.forEach((p, i) => {
    const b = before.pages[i];
    for (const k of ['mapped', 'locked', 'flags', 'tags', 'ref', 'data', 'disk', 'blk'] as const) {
      if (b === undefined || JSON.stringify(b[k]) !== JSON.stringify(p[k])) out.add(`${i}.${k}`);
    }
  });
  for (const k of ['wbErr', 'asFlags', 'delayed', 'fds'] as const) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) out.add(k);
  }
  return out;
}

/** The interactive replay of one variant's trace (server-rendered at the linked step, so it reads without JavaScript). */
export function ScenarioPlayer(props: ScenarioPlayerProps) {
  const last = props.steps.length;
  const [step, setStep] = useState(Math.max(0, Math.min(props.initialStep, last)));
  const [playing, setPlaying] = useState(false);

  const go = useCallback((n: number) => setStep(Math.max(0, Math.min(n, last))), [last]);

  const updateUrl = props.updateUrl !== false;
  useEffect(() => {
    if (!updateUrl) return;
    const url = new URL(window.location.href);
    url.searchParams.set('v', props.variant);
    url.searchParams.set('step', String(step));
    window.history.replaceState(null, '', url);
  }, [step, props.variant, updateUrl]);

  useEffect(() => {
    if (!updateUrl) return;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t !== null && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA')) return;
      if (e.key === 'ArrowRight') go(step + 1);
      else if (e.key === 'ArrowLeft') go(step - 1);
      else if (e.key === 'Home') go(0);
      else if (e.key === 'End') go(last);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, step, last, updateUrl]);

  useEffect(() => {
    if (!playing) return;
    if (step >= last) {
      setPlaying(false);
      return;
    }
    const t = setTimeout(() => go(step + 1), 700);
    return () => clearTimeout(t);
  }, [playing, step, last, go]);

  const snap = props.snapshots[step];
  const changed = changedKeys(props.snapshots[step - 1], snap);
  const cur = step > 0 ? props.steps[step - 1] : undefined;
  const cls = (key: string) => (changed.has(key) ? 'changed' : undefined);

  return (
    <div className="player" data-step={step}>
      <div className="controls">
        <button type="button" onClick={() => go(0)} aria-label="first step">« first</button>
        <button type="button" onClick={() => go(step - 1)} aria-label="previous step">◀ prev</button>
        <button type="button" onClick={() => setPlaying(!playing)} aria-label={playing ? 'pause' : 'play'}>
          {playing ? 'pause' : '▶ play'}
        </button>
        <button type="button" onClick={() => go(step + 1)} aria-label="next step">next ▶</button>
        <button type="button" onClick={() => go(last)} aria-label="last step">last »</button>
        <span className="step-label mono">
          step <strong className="step-number">{step}</strong> / {last}
        </span>
      </div>
      <p className="current-step mono">
        {cur === undefined ? (
          'initial state'
        ) : (
          <>
            <strong>{cur.actor}</strong>: {cur.fn} <span className="muted">({cur.ref})</span> — {cur.note}
          </>
        )}
      </p>
      <ul className="lights">
        {props.invariants.map((inv) => {
          const red = inv.firstStep !== null && inv.firstStep <= step;
          return (
            <li key={inv.id} className={red ? 'light red' : 'light green'} data-invariant={inv.id} data-state={red ? 'violated' : 'holds'}>
              <span className="dot" aria-hidden="true" /> {inv.id}
              {inv.firstStep !== null ? <span className="muted small"> (breaks at step {inv.firstStep})</span> : null}
            </li>
          );
        })}
      </ul>
      <div className="player-grid">
        <table className="lanes">
          <thead>
            <tr>
              <th className="num">#</th>
              {props.actors.map((a) => (
                <th key={a}>{a}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.steps.map((s) => (
              <tr key={s.index} className={s.index === step ? 'current' : s.index > step ? 'future' : undefined} onClick={() => go(s.index)}>
                <td className="num mono">{s.index}</td>
                {props.actors.map((a) => (
                  <td key={a} className="mono small">
                    {s.actor === a ? (
                      <>
                        {s.fn}
                        {s.violated.length > 0 ? <span className="violation"> ✗ {s.violated.join(', ')}</span> : null}
                      </>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {snap === undefined ? null : (
          <div>
            <table className="pages">
              <thead>
                <tr>
                  <th>page</th>
                  <th>flags</th>
                  <th>tags</th>
                  <th className="num">data</th>
                  <th className="num">disk</th>
                  <th>block</th>
                  <th className="num">ref</th>
                </tr>
              </thead>
              <tbody>
                {snap.pages.map((p) => (
                  <tr key={p.slot} className={p.mapped ? undefined : 'unmapped'}>
                    <td className={`mono ${cls(`${p.slot}.mapped`) ?? ''}`}>
                      {p.index}
                      {p.mapped ? '' : ' (off mapping)'}
                      {p.locked ? ' 🔒' : ''}
                    </td>
                    <td className={`mono small ${cls(`${p.slot}.flags`) ?? ''}`}>{p.flags.join(' ') || '—'}</td>
                    <td className={`mono small ${cls(`${p.slot}.tags`) ?? ''}`}>{p.tags.map((t) => t.replace('PAGECACHE_TAG_', '')).join(' ') || '—'}</td>
                    <td className={`num mono ${cls(`${p.slot}.data`) ?? ''}`}>{p.data}</td>
                    <td className={`num mono ${cls(`${p.slot}.disk`) ?? ''}`}>{p.disk ?? '—'}</td>
                    <td className={`mono small ${cls(`${p.slot}.blk`) ?? ''}`}>{p.blk.join(' ') || '—'}</td>
                    <td className={`num mono ${cls(`${p.slot}.ref`) ?? ''}`}>{p.ref}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mono small">
              <span className={cls('wbErr')}>mapping-&gt;wb_err = {snap.wbErr}</span> ·{' '}
              <span className={cls('asFlags')}>{snap.asFlags.join(' ') || 'no AS_* error'}</span> ·{' '}
              <span className={cls('delayed')}>i_delayed_blks = {snap.delayed}</span>
              {snap.fds.length > 0 ? (
                <span className={cls('fds')}> · f_wb_err: {snap.fds.map((f, i) => `fd${i}=${f[0] === 1 ? f[1] : 'closed'}`).join(' ')}</span>
              ) : null}
            </p>
          </div>
        )}
      </div>
    </div>
  );
}
