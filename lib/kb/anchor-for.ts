import type { Anchor } from './types';
import { normalizeForAnchoring, type NormalizedText } from './normalize-for-anchoring';

/** How many characters of context an anchor keeps on each side (Hypothesis keeps 32 too). */
export const ANCHOR_CONTEXT_CHARS = 32;

/**
 * Builds a full anchor (quote, prefix, suffix, position) for the `occurrence`-th (0-based) exact
 * occurrence of `exact` in the normalised text, or null when there is no such occurrence.
 */
export function anchorFor(exact: string, text: NormalizedText, occurrence = 0): Anchor | null {
  const quote = normalizeForAnchoring(exact);
  if (quote === '') return null;
  const body = text.text;
  let at = body.indexOf(quote);
  for (let k = 0; k < occurrence && at >= 0; k += 1) at = body.indexOf(quote, at + 1);
  if (at < 0) return null;
  const end = at + quote.length;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: quote,
      prefix: body.slice(Math.max(0, at - ANCHOR_CONTEXT_CHARS), at),
      suffix: body.slice(end, end + ANCHOR_CONTEXT_CHARS),
    },
    position: { type: 'TextPositionSelector', start: at, end },
  };
}
