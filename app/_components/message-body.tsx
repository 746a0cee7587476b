import type { Block } from '@/lib/mail';
import { DiffLines } from './diff-lines';

function speakerLabel(b: Block): string {
  const s = b.speaker;
  if (s === null) return 'unknown';
  const who = s.name ?? s.address ?? 'unknown';
  return s.date === null ? who : `${who}, ${s.date.slice(0, 10)}`;
}

const FOLDED_KINDS = new Set(['signature', 'footer']);

/**
 * A message body as its quote tree: own words plain, quoted passages indented by depth with their
 * speaker, foldable with <details> so folding works without JavaScript and hides nothing from the
 * page's text. Everything is rendered as text: mail never becomes markup.
 */
export function MessageBody({ blocks }: { blocks: Block[] }) {
  return (
    <div className="body">
      {blocks.map((b, i) => {
        if (b.kind === 'blank') return null;
        const depthClass = `depth-${Math.min(b.depth, 6)}`;
        if (b.kind === 'patch') {
          return (
            <div key={i} className={`block patch ${depthClass}`} data-kind="patch" data-depth={b.depth}>
              <DiffLines text={b.text} />
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
              <pre>{b.text}</pre>
            </details>
          );
        }
        return (
          <div key={i} className={`block ${b.kind} ${depthClass}`} data-kind={b.kind} data-depth={b.depth}>
            <pre>{b.text}</pre>
          </div>
        );
      })}
    </div>
  );
}
