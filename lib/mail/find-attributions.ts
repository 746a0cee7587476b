// Attribution lines inside a flattened segment: each verb ("wrote:", "写道:", a German or French
// closing colon) looks back only at a bounded set of start words, and a per-body budget of
// parse attempts keeps hostile "wrote: wrote: ..." linear.
import { parseAttribution } from './parse-attribution';
import type { Segment, Token } from './flattened-segments';

// Attribution lines are short: the opening word is at most this many tokens before the verb.
const ATTRIBUTION_TOKENS_MAX = 40;

/** The verbs that end an attribution line, as whole tokens. */
function isAttributionEnd(w: string, prev: string): boolean {
  return (
    w.endsWith('wrote:') || w === 'writes:' || w === 'escribió:' || w === 'escreveu:' || w.endsWith('写道:') || w.endsWith('写道：') ||
    w === 'said:' || (w === ':' && prev === 'écrit') || w === 'écrit:' || (w.endsWith(':') && w.length > 1 && prev !== '' && w !== 'wrote:')
  );
}

// Opening words of the attribution shapes whose verb is not English.
const FOREIGN_OPENERS = new Set(['Am', 'Op', 'Le', 'El', 'Em']);
// Words an attribution line can start with.
const ATTRIBUTION_OPENERS = new Set(['On', 'on', 'Am', 'Le', 'El', 'Em', 'Op', '*', 'Quoting']);

/** Find attribution lines among a segment's words (each tried from a bounded set of start words); returns the parse attempts left. */
export function findAttributions(body: string, seg: Segment, budget: number): number {
  const w = seg.words;
  const text = (k: number): string => body.slice((w[k] as Token).start, Math.min((w[k] as Token).end, (w[k] as Token).start + 64));
  // Positions of the words an attribution can open with, so each verb looks back only at those.
  const openers: number[] = [];
  let from = 0;
  let oi = 0;
  for (let t = 0; t < w.length && budget > 0; t++) {
    const word = text(t);
    if (ATTRIBUTION_OPENERS.has(word) || word.startsWith('在')) openers.push(t);
    if (!word.endsWith(':') || !isAttributionEnd(word, t > 0 ? text(t - 1) : '')) continue;
    // Only English verbs come without an opening word ("X wrote:"); the others need theirs.
    const openerOnly = !word.endsWith('wrote:') && word !== 'writes:';
    while (oi < openers.length && (openers[oi] as number) < Math.max(from, t - ATTRIBUTION_TOKENS_MAX)) oi++;
    const candidates: number[] = openers.slice(oi, oi + 8);
    if (!openerOnly) {
      // "X wrote:" without an opening word: the name is at most ~6 tokens and starts a line.
      for (let s = Math.max(from, t - 6); s < t; s++) {
        if (s === 0 || /[.!?:]["')]*$/.test(text(s - 1))) candidates.push(s);
      }
    }
    candidates.sort((a, b) => a - b);
    for (const s of candidates) {
      if (budget <= 0) break;
      const first = text(s);
      if (openerOnly && !FOREIGN_OPENERS.has(first) && !first.startsWith('在')) continue;
      budget--;
      const tok = w[t] as Token;
      const st = w[s] as Token;
      if (tok.end - st.start > 400) continue;
      const a = parseAttribution(body.slice(st.start, tok.end));
      if (a) {
        seg.attributions.push({ s, t, attribution: a });
        from = t + 1;
        break;
      }
    }
  }
  return budget;
}
