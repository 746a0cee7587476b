'use client';
import { useState, type ReactNode } from 'react';
import { ReplayInPlace } from './replay-in-place';

/** A claim that unfolds in place; its replay is fetched only once the reader opens it. */
export function ClaimDetails(props: { id: string; claimId: string; summary: ReactNode; children: ReactNode; replay: { thread: string; scenario: string; variant: string; invariant: string } | null }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="claim-card" id={props.id} data-claim={props.claimId} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{props.summary}</summary>
      {props.children}
      {open && props.replay !== null ? <ReplayInPlace {...props.replay} /> : null}
    </details>
  );
}
