import { anchorFor } from './anchor-for';
import { normalizeWithOffsets } from './normalize-for-anchoring';

/** An annotation file with every claim's prefix, suffix and position recomputed, and what could not be done. */
export interface CompletedAnchors {
  markdown: string;
  problems: string[];
}

const HEADING = /^### ([a-z]\d+)\b/;
const QUOTE = /^- quote: "(.*)"\s*$/;
const DERIVED = /^- (prefix|suffix|position):/;
const POSITION = /^- position: (\d+)-\d+/;

/**
 * Rewrites the `- prefix:`, `- suffix:` and `- position:` lines after each claim's `- quote:`
 * from the seed text, so authors write only the quote. Where the quote occurs more than once, an
 * existing position picks the occurrence; otherwise the first one is taken and reported.
 */
export function completeAnchors(markdown: string, seed: string): CompletedAnchors {
  const text = normalizeWithOffsets(seed);
  const problems: string[] = [];
  const out: string[] = [];
  let claim = '';
  const lines = markdown.split('\n');
  // First pass: remember each claim's old position hint before the derived lines are dropped.
  const hints = new Map<string, number>();
  for (const line of lines) {
    claim = HEADING.exec(line)?.[1] ?? claim;
    const p = POSITION.exec(line);
    if (p !== null) hints.set(claim, Number(p[1]));
  }
  claim = '';
  for (const line of lines) {
    claim = HEADING.exec(line)?.[1] ?? claim;
    if (DERIVED.test(line)) continue;
    out.push(line);
    const q = QUOTE.exec(line);
    if (q === null) continue;
    const occurrences: number[] = [];
    const exact = anchorFor(q[1] as string, text);
    for (let k = 0; exact !== null && k < 100; k += 1) {
      const a = anchorFor(q[1] as string, text, k);
      if (a === null || a.position === null) break;
      occurrences.push(a.position.start);
    }
    if (occurrences.length === 0) {
      problems.push(`${claim}: quote not found in the seed: "${q[1]}"`);
      continue;
    }
    const hint = hints.get(claim);
    let pick = 0;
    if (hint !== undefined) {
      occurrences.forEach((at, k) => {
        if (Math.abs(at - hint) < Math.abs((occurrences[pick] as number) - hint)) pick = k;
      });
    } else if (occurrences.length > 1) {
      problems.push(`${claim}: quote occurs ${occurrences.length} times; took the first (add a position to choose)`);
    }
    const anchor = anchorFor(q[1] as string, text, pick);
    if (anchor === null || anchor.position === null) continue;
    out.push(`- prefix: "${anchor.quote.prefix}"`);
    out.push(`- suffix: "${anchor.quote.suffix}"`);
    out.push(`- position: ${anchor.position.start}-${anchor.position.end}`);
  }
  return { markdown: out.join('\n'), problems };
}
