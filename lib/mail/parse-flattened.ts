// Quote-depth recovery for bodies that lost their newlines (archive pages flattened to text).
//
// What survives flattening: every quoted line still starts with its `>` markers, so the text is a
// sequence of segments "marker run, words". A marker run of m `>` is the prefixes of zero or more
// empty quoted lines followed by one line of depth d (m = blank depths + d). The words after it
// are that one quoted line, possibly followed by unmarked lines, which are the author's own
// (depth 0) text. So two things are unknown per segment: d, and where the quoted line ends.
//
// We choose both for all segments at once with a Viterbi pass over (depth, split) states. Costs
// come from what mail looks like: depth rarely changes without a reason (an attribution names
// the next level; a sentence cut mid-way continues at the same depth), empty quoted lines sit at
// the shallower of the two depths they separate, text rarely goes deeper than the attribution
// chain, a marker token never spans two lines, and a
// quoted line is rarely longer than ~80 columns (so a long run after a marker has returned to
// the author's words, usually at a sentence boundary). The work per segment is bounded, so the
// whole pass is linear in the body length.
import type { BodyUnit } from './body-unit';
import { FLATTENED_COSTS, type FlattenedCosts } from './flattened-costs';
import { DEPTH_STATES_MAX, segment, tokenize, type Segment, type Token } from './flattened-segments';
import { findAttributions } from './find-attributions';
import { isElision, isTrailer } from './line-kinds';
import { hasQuotedPrintable, quotedLineWidth, SENTENCE_END, splitChoices, TRAILER_TOKEN, type SplitChoice } from './split-choices';
import { transitionCost } from './transition-cost';
import type { BlockKind, Diagnostic } from './types';

/** Units of a flattened body plus diagnostics about how sure the recovery is. */
export interface FlattenedParse {
  units: BodyUnit[];
  diagnostics: Diagnostic[];
}

// Attribution parse attempts per body.
const ATTRIBUTION_TRIES_MAX = 4096;
// Cells of the Viterbi tables (segments x states), about 80 MB at most.
const DP_CELLS_MAX = 16_000_000;
const INF = Number.POSITIVE_INFINITY;

/** Recover the depth of every word of a flattened body and cut it into units. */
export function parseFlattened(body: string, costs: Readonly<FlattenedCosts> = FLATTENED_COSTS): FlattenedParse {
  const diagnostics: Diagnostic[] = [];
  const tokens = tokenize(body);
  const segs = segment(body, tokens);
  let attributions = 0;
  let maxRun = 0;
  let maxLastGt = 0;
  // Real pages have a few dozen attributions; the budget keeps hostile "wrote: wrote: ..." linear.
  let budget = ATTRIBUTION_TRIES_MAX;
  for (const seg of segs) {
    budget = findAttributions(body, seg, budget);
    attributions += seg.attributions.length;
    if (seg.m > maxRun) maxRun = seg.m;
    if (seg.lastGt > maxLastGt) maxLastGt = seg.lastGt;
  }
  // Depths beyond the attribution chain stay possible (attribution lines get trimmed), but the
  // states are capped so the work per segment is bounded.
  const K = segs.length;
  let depthMax = Math.max(1, Math.min(maxRun, Math.max(attributions > 0 ? attributions + 2 : 10, maxLastGt), DEPTH_STATES_MAX));
  // Hostile bodies with millions of segments get fewer depth states so the tables stay bounded.
  const statesFit = Math.floor(DP_CELLS_MAX / Math.max(1, K) / 2) - 1;
  if (statesFit < depthMax) {
    depthMax = Math.max(1, statesFit);
    diagnostics.push({ ruleId: 'flattened-depth-states-limited', reason: `${K} segments: depths above ${depthMax} not considered`, line: 1 });
  }
  const S = 2 * (depthMax + 1); // state = d * 2 + (split ? 1 : 0)
  const cost = new Float32Array(K * S).fill(INF);
  // Previous state + 1 (0 = none); S <= 34 fits a byte.
  const back = new Uint8Array(K * S);
  const lineChars = quotedLineWidth(body, segs);
  const qp = hasQuotedPrintable(body);
  const choices = segs.map((seg, i) => splitChoices(body, seg, lineChars, costs, qp, segs[i + 1], segs[i - 1]));

  const wordText = (seg: Segment, i: number): string => {
    const t = seg.words[i];
    return t ? body.slice(t.start, Math.min(t.end, t.start + 16)) : '';
  };
  const endsWithAttribution = (seg: Segment): { s: number } | null => {
    const last = seg.attributions[seg.attributions.length - 1];
    return last && last.t === seg.words.length - 1 ? { s: last.s } : null;
  };

  // Segment 0 (before any marker) is depth 0; encode it as state (0, split).
  cost[0 * S + 1] = 0;
  for (let i = 1; i < K; i++) {
    const seg = segs[i] as Segment;
    const prevSeg = segs[i - 1] as Segment;
    const ch = choices[i] as { keep: SplitChoice | null; split: SplitChoice | null };
    const prevAttr = endsWithAttribution(prevSeg);
    const trailerAfterProse = i > 1 && seg.words.length > 0 && prevSeg.words.length > 0 &&
      TRAILER_TOKEN.test(wordText(seg, 0)) && !TRAILER_TOKEN.test(wordText(prevSeg, 0));
    // After a soft line break the next marked line continues at the depth of the broken one.
    const prevSoft = (choices[i - 1] as { split: SplitChoice | null }).split?.softBreak === true;
    const startsLower = seg.words.length > 0 && /^[\p{Ll}]/u.test(wordText(seg, 0));
    const prevLast = wordText(prevSeg, prevSeg.words.length - 1);
    const prevBroken = i > 1 && prevSeg.words.length > 0 &&
      ((startsLower && !SENTENCE_END.test(prevLast)) || (prevSeg.words.length === 1 && prevLast === '--'));
    for (let ps = 0; ps < S; ps++) {
      const base = cost[(i - 1) * S + ps] as number;
      if (base === INF) continue;
      const pd = ps >> 1;
      const psplit = (ps & 1) === 1;
      const p = psplit && !prevSoft ? 0 : pd;
      let attrDepth = -1;
      if (prevAttr) attrDepth = prevAttr.s === 0 && !psplit ? pd : psplit ? 0 : -1;
      // A sentence cut mid-way, or a signature separator, continues at the same depth.
      const continues = (!psplit || prevSoft) && prevBroken;
      for (let d = 1; d <= depthMax; d++) {
        const t = transitionCost(attrDepth >= 0 ? attrDepth : p, seg, d, depthMax, attrDepth, attributions, continues, costs, trailerAfterProse);
        if (t === INF) continue;
        if (ch.keep) {
          const c = base + t + ch.keep.cost;
          const idx = i * S + d * 2;
          if (c < (cost[idx] as number)) { cost[idx] = c; back[idx] = ps + 1; }
        }
        if (ch.split) {
          const c = base + t + ch.split.cost;
          const idx = i * S + d * 2 + 1;
          if (c < (cost[idx] as number)) { cost[idx] = c; back[idx] = ps + 1; }
        }
      }
    }
  }
  // Backtrack.
  const state = new Int32Array(K);
  let bestS = 1;
  let best = INF;
  for (let s = 0; s < S; s++) {
    const c = cost[(K - 1) * S + s] as number;
    if (c < best) { best = c; bestS = s; }
  }
  state[K - 1] = bestS;
  for (let i = K - 1; i > 0; i--) state[i - 1] = Math.max(0, (back[i * S + (state[i] as number)] as number) - 1);

  const units: BodyUnit[] = [];
  let sigDepth = -1;
  let patchDepth = -1;
  for (let i = 0; i < K; i++) {
    const seg = segs[i] as Segment;
    const st = state[i] as number;
    const d = i === 0 ? 0 : st >> 1;
    const ch = choices[i] as { keep: SplitChoice | null; split: SplitChoice | null };
    const choice = i === 0 ? { k: 0, cost: 0, confidence: 1 } : (st & 1) === 1 ? ch.split : ch.keep;
    const k = choice ? choice.k : seg.words.length;
    const confidence = choice ? choice.confidence : 0.3;
    const end = i + 1 < K ? (segs[i + 1] as Segment).markStart : body.length;
    const ownStart = k < seg.words.length ? (seg.words[k] as Token).start : end;
    if (i > 0) {
      const quoted = k > 0 ? body.slice((seg.words[0] as Token).start, (seg.words[k - 1] as Token).end) : '';
      const attr = seg.attributions[0] && seg.attributions[0].s === 0 ? seg.attributions[0].attribution : undefined;
      let kind: BlockKind;
      if (attr) kind = 'attribution';
      else if (k === 0) kind = 'blank';
      else {
        if (sigDepth >= 0 && sigDepth !== d) sigDepth = -1;
        if (patchDepth >= 0 && patchDepth !== d) patchDepth = -1;
        if (quoted === '--') sigDepth = d;
        if (/^(?:diff --git |--- a\/|@@ -\d|Index: )/.test(quoted)) patchDepth = d;
        kind = sigDepth === d ? 'signature' : patchDepth === d ? 'patch' : isTrailer(quoted) ? 'trailer' : isElision(quoted) ? 'elision' : 'quote';
      }
      // The first m - d markers were empty quoted lines: they become a blank unit of their own,
      // so the quote's raw slice starts at its own markers.
      const lineStart = blankLinesEnd(body, seg.markStart, seg.m - d);
      if (lineStart > seg.markStart) {
        units.push({ kind: 'blank', depth: Math.min(seg.m - d, d), start: seg.markStart, end: lineStart, text: '', confidence });
      }
      const unit: BodyUnit = { kind, depth: d, start: lineStart, end: ownStart, text: quoted, confidence };
      if (attr) unit.attribution = attr;
      units.push(unit);
      if (k < seg.words.length) { sigDepth = -1; patchDepth = -1; }
    }
    ownUnits(body, seg, k, ownStart, end, i === 0 ? 1 : confidence, units);
  }
  if (units.length === 0 || (units[0] as BodyUnit).start !== 0) {
    units.unshift({ kind: 'blank', depth: 0, start: 0, end: units[0] ? (units[0] as BodyUnit).start : body.length, text: '', confidence: 1 });
  }
  diagnostics.push({ ruleId: 'flattened-depth-recovered', reason: `depths of ${K - 1} quoted lines recovered from inline markers (${attributions} attribution lines)`, line: 1 });
  return { units, diagnostics };
}

/**
 * Where the line introduced by a marker run starts once its first `blanks` markers (the empty
 * quoted lines before it) are skipped; the run start itself when they do not end on a token
 * boundary.
 */
function blankLinesEnd(body: string, markStart: number, blanks: number): number {
  if (blanks <= 0) return markStart;
  let seen = 0;
  let i = markStart;
  while (i < body.length && seen < blanks) {
    if (body.charCodeAt(i) === 0x3e) seen++;
    i++;
  }
  // The blank lines must end where a marker token ends (tokens never span lines).
  if (i < body.length && body.charCodeAt(i) === 0x3e) return markStart;
  while (i < body.length && body.charCodeAt(i) !== 0x3e && /\s/.test(body[i] as string)) i++;
  return i;
}

/** Emit the depth-0 units of words [k, n) of a segment: own text, attributions, signature, footer. */
function ownUnits(body: string, seg: Segment, k: number, from: number, end: number, confidence: number, units: BodyUnit[]): void {
  if (from >= end) return;
  const w = seg.words;
  let cursor = from;
  let kind = 'own' as BlockKind;
  let textStart = from;
  const flush = (to: number, nextKind: BlockKind): void => {
    if (to > cursor) {
      units.push({ kind, depth: 0, start: cursor, end: to, text: body.slice(textStart, to).trim(), confidence });
      cursor = to;
    }
    kind = nextKind;
    textStart = to;
  };
  const byStart = new Map(seg.attributions.map((x) => [x.s, x] as const));
  for (let j = k; j < w.length; j++) {
    const tok = w[j] as Token;
    const a = byStart.get(j);
    if (a && kind !== 'footer') {
      flush(tok.start, 'attribution');
      const after = a.t + 1 < w.length ? (w[a.t + 1] as Token).start : end;
      units.push({ kind: 'attribution', depth: 0, start: cursor, end: after, text: body.slice(tok.start, (w[a.t] as Token).end), confidence, attribution: a.attribution });
      cursor = after;
      textStart = after;
      kind = 'own';
      j = a.t;
      continue;
    }
    const text = body.slice(tok.start, Math.min(tok.end, tok.start + 64));
    if (kind !== 'footer' && footerAt(body, tok.start)) flush(tok.start, 'footer');
    else if (kind === 'own' && text === '--' && j + 1 < w.length) flush(tok.start, 'signature');
  }
  flush(end, kind);
}

// Footers of vger, Google Groups, mailman and mail-archive, as their first words.
const FOOTERS = [
  'To unsubscribe from this list',
  'To unsubscribe from this group',
  'You received this message because you are subscribed',
  'Reply via email to',
  '_______________________________________________',
];

/** Whether a footer's first words start at this offset. */
function footerAt(body: string, at: number): boolean {
  for (const f of FOOTERS) if (body.startsWith(f, at)) return true;
  return false;
}
