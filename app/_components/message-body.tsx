import type { ReactNode } from 'react';
import type { Block } from '@/lib/mail';
import { DiffLines } from './diff-lines';
import type { ClaimPlacement } from './claims/place-claims';
import { ClaimCard, claimAnchor } from './claims/claim-card';

function speakerLabel(b: Block): string {
  const s = b.speaker;
  if (s === null) return 'unknown';
  const who = s.name ?? s.address ?? 'unknown';
  return s.date === null ? who : `${who}, ${s.date.slice(0, 10)}`;
}

const FOLDED_KINDS = new Set(['signature', 'footer']);

/** A block's text with the claims anchored in it marked; spans that overlap an earlier one are not marked twice. */
function markedText(text: string, spans: readonly ClaimPlacement[]): ReactNode {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue;
    if (s.start > at) out.push(text.slice(at, s.start));
    out.push(
      <mark key={s.claim.id} className="claim" data-claim={s.claim.id}>
        {text.slice(s.start, s.end)}
        <a className="claim-ref" href={`#${claimAnchor(s.claim.id)}`}>
          {s.claim.id}
        </a>
      </mark>,
    );
    at = s.end;
  }
  out.push(text.slice(at));
  return out;
}

/**
 * A message body as its quote tree: own words plain, quoted passages indented by depth with their
 * speaker, foldable with <details> so folding works without JavaScript and hides nothing from the
 * page's text. Claims anchored in a block are marked in it and their cards follow the block.
 * Everything from mail is rendered as text: mail never becomes markup.
 */
export function MessageBody({ blocks, claims, thread }: { blocks: Block[]; claims?: ReadonlyMap<number, ClaimPlacement[]>; thread?: string }) {
  return (
    <div className="body">
      {blocks.map((b, i) => {
        if (b.kind === 'blank') return null;
        const spans = claims?.get(i) ?? [];
        const cards =
          spans.length > 0 && thread !== undefined ? (
            <div className="claims-here">
              {spans.map((s) => (
                <ClaimCard key={s.claim.id} claim={s.claim} thread={thread} />
              ))}
            </div>
          ) : null;
        const depthClass = `depth-${Math.min(b.depth, 6)}`;
        if (b.kind === 'patch') {
          return (
            <div key={i} className={`block patch ${depthClass}`} data-kind="patch" data-depth={b.depth}>
              <DiffLines text={b.text} />
              {cards}
            </div>
          );
        }
        if (b.depth > 0 || FOLDED_KINDS.has(b.kind)) {
          return (
            <details key={i} className={`block ${b.kind} ${depthClass}`} open={!FOLDED_KINDS.has(b.kind)} data-kind={b.kind} data-depth={b.depth}>
              <summary>
                {b.depth > 0 ? (
                  <>
                    <span className="speaker">{speakerLabel(b)}</span>
                    <span className="muted"> · depth {b.depth}{b.kind !== 'quote' ? ` · ${b.kind}` : ''}{b.confidence < 1 ? ` · confidence ${b.confidence.toFixed(2)}` : ''}</span>
                  </>
                ) : (
                  <span className="muted">{b.kind}</span>
                )}
              </summary>
              <pre>{markedText(b.text, spans)}</pre>
              {cards}
            </details>
          );
        }
        return (
          <div key={i} className={`block ${b.kind} ${depthClass}`} data-kind={b.kind} data-depth={b.depth}>
            <pre>{markedText(b.text, spans)}</pre>
            {cards}
          </div>
        );
      })}
    </div>
  );
}
