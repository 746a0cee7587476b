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
import { isElision, isTrailer } from './line-kinds';
import { parseAttribution, type Attribution } from './parse-attribution';
import { FLATTENED_COSTS, type FlattenedCosts } from './flattened-costs';
import type { BlockKind, Diagnostic } from './types';

interface Token {
  /** Start of the word (after any leading `>`). */
  start: number;
  end: number;
  /** Leading `>` characters. */
  gt: number;
  /** Start of the token including its `>`. */
  tokenStart: number;
}

interface Segment {
  /** Offset where the marker run starts (0 for the text before the first marker). */
  markStart: number;
  /** Number of `>` in the marker run. */
  m: number;
  /** `>` count of the run's last marker token: a token never spans lines, so the text line is at least this deep. */
  lastGt: number;
  /** `>` counts of the run's marker tokens, in order (only while the run is being read). */
  gts: number[];
  /**
   * Bit d set when d is a sum of the run's last marker tokens: since a token never spans two
   * lines, only such sums can be the depth of the text line (`>>> >>> text` is 3, or 6, never 4).
   */
  depthMask: number;
  /** Word tokens after the marker run, up to the next marker run. */
  words: Token[];
  /** Attributions found among the words: token range [s, t] inclusive. */
  attributions: { s: number; t: number; attribution: Attribution }[];
}

/** A possible end of the quoted line inside a segment's words: words [0, k) are quoted. */
interface SplitChoice {
  k: number;
  cost: number;
  confidence: number;
}

/** Units of a flattened body plus diagnostics about how sure the recovery is. */
export interface FlattenedParse {
  units: BodyUnit[];
  diagnostics: Diagnostic[];
}

// A quoted line's content is rarely longer than this many characters (72-78 column wrapping).
const QUOTED_LINE_CHARS = 80;
// Mailers that do not wrap make quoted lines of any length; the width estimate stops here.
const QUOTED_LINE_CHARS_MAX = 1000;
// Upper bound on the depths the pass considers, which bounds the work per segment.
const DEPTH_STATES_MAX = 16;
// Attribution lines are short: the opening word is at most this many tokens before the verb.
const ATTRIBUTION_TOKENS_MAX = 40;
// Attribution parse attempts per body.
const ATTRIBUTION_TRIES_MAX = 4096;
// Cells of the Viterbi tables (segments x states), about 80 MB at most.
const DP_CELLS_MAX = 16_000_000;
const INF = Number.POSITIVE_INFINITY;

/** Split the body into tokens: maximal runs of non-blank characters, with their leading `>`. */
function tokenize(body: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = body.length;
  while (i < n) {
    let c = body.charCodeAt(i);
    while (i < n && (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0xa0)) {
      i++;
      c = body.charCodeAt(i);
    }
    if (i >= n) break;
    const tokenStart = i;
    let gt = 0;
    while (i < n && body.charCodeAt(i) === 0x3e) { gt++; i++; }
    const start = i;
    c = body.charCodeAt(i);
    while (i < n && !(c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0xa0)) {
      i++;
      c = body.charCodeAt(i);
    }
    out.push({ start, end: i, gt, tokenStart });
  }
  return out;
}

/** Group tokens into segments: a marker run followed by the words up to the next marker run. */
function segment(body: string, tokens: Token[]): Segment[] {
  const segs: Segment[] = [{ markStart: 0, m: 0, lastGt: 0, gts: [], depthMask: 0, words: [], attributions: [] }];
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti] as Token;
    let cur = segs[segs.length - 1] as Segment;
    if (t.gt > 0 && cur.m > t.gt && cur.words.length > 0 && t.tokenStart - (cur.words[0] as Token).start <= 30 &&
      isLiteralOperator(body, t, tokens[ti - 1], tokens[ti + 1])) {
      // "pos >> PAGE_SHIFT" inside quoted code: the `>` is text, not a line start.
      cur.words.push({ start: t.tokenStart, end: t.end, gt: 0, tokenStart: t.tokenStart });
      continue;
    }
    if (t.gt > 0) {
      if (cur.words.length > 0 || cur.m === 0) {
        cur = { markStart: t.tokenStart, m: 0, lastGt: 0, gts: [], depthMask: 0, words: [], attributions: [] };
        segs.push(cur);
      }
      cur.m += t.gt;
      cur.lastGt = t.gt;
      cur.gts.push(t.gt);
    }
    if (t.end > t.start) cur.words.push(t);
  }
  for (const seg of segs) {
    let sum = 0;
    for (let g = seg.gts.length - 1; g >= 0 && sum <= DEPTH_STATES_MAX; g--) {
      sum += seg.gts[g] as number;
      if (sum <= DEPTH_STATES_MAX) seg.depthMask |= 1 << sum;
    }
    seg.gts = [];
  }
  return segs;
}

// Operands of C code: identifiers with underscores or capitals, numbers, calls, dereferences.
const CODE_OPERAND = /[_()[\];*]|->|^[A-Z0-9]{2,}|^\d/;

/**
 * Whether a lone `>` or `>>` token is a comparison or shift inside quoted code rather than a
 * line start: it must sit between two code-like operands on the same (short) line.
 */
function isLiteralOperator(body: string, t: Token, prev: Token | undefined, next: Token | undefined): boolean {
  if (t.end !== t.start || t.gt > 2 || !prev || !next || prev.gt > 0 || next.gt > 0) return false;
  const before = body.slice(Math.max(prev.start, prev.end - 24), prev.end);
  const after = body.slice(next.start, Math.min(next.end, next.start + 24));
  if (!/[A-Za-z0-9_)\]]$/.test(before) || !/^[A-Za-z0-9_(&*-]/.test(after)) return false;
  return CODE_OPERAND.test(before) || CODE_OPERAND.test(after);
}

/** The verbs that end an attribution line, as whole tokens. */
function isAttributionEnd(w: string, prev: string): boolean {
  return (
    w.endsWith('wrote:') || w === 'writes:' || w === 'escribió:' || w.endsWith('写道:') || w.endsWith('写道：') ||
    w === 'said:' || (w === ':' && prev === 'écrit') || w === 'écrit:' || (w.endsWith(':') && w.length > 1 && prev !== '' && w !== 'wrote:')
  );
}

// Words an attribution line can start with.
const ATTRIBUTION_OPENERS = new Set(['On', 'on', 'Am', 'Le', 'El', '*', 'Quoting']);

/** Find attribution lines among a segment's words (each tried from a bounded set of start words); returns the parse attempts left. */
function findAttributions(body: string, seg: Segment, budget: number): number {
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
    const german = !word.endsWith('wrote:') && word !== 'writes:';
    while (oi < openers.length && (openers[oi] as number) < Math.max(from, t - ATTRIBUTION_TOKENS_MAX)) oi++;
    const candidates: number[] = openers.slice(oi, oi + 8);
    if (!german) {
      // "X wrote:" without an opening word: the name is at most ~6 tokens and starts a line.
      for (let s = Math.max(from, t - 6); s < t; s++) {
        if (s === 0 || /[.!?:]["')]*$/.test(text(s - 1))) candidates.push(s);
      }
    }
    candidates.sort((a, b) => a - b);
    for (const s of candidates) {
      if (budget <= 0) break;
      const first = text(s);
      if (german && first !== 'Am' && first !== 'Le' && !first.startsWith('在')) continue;
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

// Words a reply typically opens with; after a sentence end they mark where the author resumes.
const REPLY_OPENERS = new Set([
  'I', "I'm", "I'd", "I've", "I'll", 'We', "We'd", 'Yes', 'No', 'Right', 'Agreed', 'Sure', 'OK', 'Ok', 'Okay',
  'Why', 'Hmm', 'Well', 'Indeed', 'Correct', 'True', 'Thanks', 'Fair', 'Actually', 'Yeah', 'Yep', 'Nope',
]);
const TRAILER_TOKEN = /^[A-Z][a-z]+(?:-[a-z]+)*-by:$/;
const SENTENCE_END = /[.!?:;]["')\]]*$/;
const CAPITALISED = /^["'([<]?[\p{Lu}\d]/u;

/** The ways a segment's words can divide into its quoted line and the author's own text after it. */
function splitChoices(body: string, seg: Segment, lineChars: number, c: FlattenedCosts): { keep: SplitChoice | null; split: SplitChoice | null } {
  const w = seg.words;
  const n = w.length;
  const first = seg.attributions[0];
  if (first && first.s === 0) {
    // The quoted line is the attribution itself; anything after it is unmarked, so depth 0.
    const k = first.t + 1;
    return k === n ? { keep: { k, cost: 0, confidence: 0.9 }, split: null } : { keep: null, split: { k, cost: 0.5, confidence: 0.8 } };
  }
  // A trailer ("Reviewed-by:") always starts its own line; unmarked mid-run, it is depth 0.
  let bound = first ? first.s : n;
  for (let k = 1; k < bound && (w[k] as Token).start - (w[0] as Token).start <= lineChars * 3; k++) {
    const t = w[k] as Token;
    if (t.end - t.start <= 24 && TRAILER_TOKEN.test(body.slice(t.start, t.end))) {
      bound = k;
      break;
    }
  }
  if (n === 0) return { keep: { k: 0, cost: 0, confidence: 0.9 }, split: null };
  const base = (w[0] as Token).start;
  const lengthTo = (k: number): number => (w[k - 1] as Token).end - base;
  let keep: SplitChoice | null = null;
  if (bound === n) {
    const len = lengthTo(n);
    // Diff lines (hunk headers, added code) and unwrapped mailers make long quoted lines; a long
    // run is only suspicious in proportion to how long it is.
    const firstWord = body.slice((w[0] as Token).start, Math.min((w[0] as Token).end, (w[0] as Token).start + 4));
    const diffLine = firstWord.startsWith('@@') || firstWord.startsWith('+') || firstWord.startsWith('-');
    const over = len - lineChars;
    keep = { k: n, cost: over <= 0 ? 0 : diffLine && over <= 40 ? 0.5 : c.keepOverBase + over * c.keepOverPerChar, confidence: over <= 0 ? 0.9 : 0.4 };
  }
  const lead = body.slice((w[0] as Token).start, Math.min((w[0] as Token).end, (w[0] as Token).start + 4));
  const codeRun = lead.startsWith('+') || lead.startsWith('-') || lead.startsWith('@@');
  // k = 0: the marker run ended with an empty quoted line and the words are all the author's.
  let split: SplitChoice = { k: 0, cost: c.splitAll, confidence: 0.4 };
  for (let k = 1; k < Math.min(bound + 1, n); k++) {
    const len = lengthTo(k);
    if (len > lineChars * 3) break;
    const prev = body.slice((w[k - 1] as Token).start, (w[k - 1] as Token).end);
    const next = body.slice((w[k] as Token).start, Math.min((w[k] as Token).end, (w[k] as Token).start + 8));
    // In a quoted diff a statement end ("}", ";") ends the line as a full stop ends prose.
    const end = SENTENCE_END.test(prev) || (codeRun && /[;{}]$/.test(prev));
    const cap = CAPITALISED.test(next);
    let cost = end && cap ? c.splitSentence : end ? c.splitEndOnly : cap ? c.splitCapOnly : c.splitNone;
    if (end && REPLY_OPENERS.has(next.replace(/[,.!?:]+$/, ''))) cost -= c.replyOpener;
    if (len > lineChars) cost += c.splitOverBase + (len - lineChars) * c.splitOverPerChar;
    // Of equally good boundaries prefer the earlier one (measured: the author's words usually
    // start at the first sentence boundary that fits).
    cost += k * 1e-4;
    if (cost < split.cost) split = { k, cost, confidence: end && cap ? 0.75 : 0.5 };
  }
  return { keep, split };
}

/**
 * Estimate how wide this message's quoted lines are from the segments that certainly are whole
 * quoted lines: those followed, at the same marker count, by a line that continues the sentence.
 */
function quotedLineWidth(body: string, segs: Segment[]): number {
  const widths: number[] = [];
  for (let i = 1; i + 1 < segs.length; i++) {
    const seg = segs[i] as Segment;
    const next = segs[i + 1] as Segment;
    const last = seg.words[seg.words.length - 1];
    const nextFirst = next.words[0];
    const first = seg.words[0];
    if (!last || !nextFirst || !first || next.m !== seg.m) continue;
    if (SENTENCE_END.test(body.slice(last.start, last.end))) continue;
    if (!/^\p{Ll}/u.test(body.slice(nextFirst.start, Math.min(nextFirst.end, nextFirst.start + 4)))) continue;
    widths.push(last.end - first.start);
  }
  if (widths.length < 3) return QUOTED_LINE_CHARS;
  widths.sort((a, b) => a - b);
  const p90 = widths[Math.floor(widths.length * 0.9)] as number;
  return Math.min(QUOTED_LINE_CHARS_MAX, Math.max(QUOTED_LINE_CHARS, p90 + 5));
}

/** Cost of entering a segment with marker run m at depth d after a line at depth p. */
function transitionCost(p: number, seg: Segment, d: number, depthMax: number, attrDepth: number, attributions: number, continues: boolean, c: FlattenedCosts): number {
  const m = seg.m;
  if (d < 1 || d > m) return INF;
  // Only sums of whole marker tokens can be the depth (a run longer than the states: the deepest).
  if (((seg.depthMask >> d) & 1) === 0 && !(d === depthMax && (seg.depthMask & ((2 << depthMax) - 1)) === 0)) return INF;
  const e = m - d;
  let change: number;
  if (attrDepth >= 0) change = d === attrDepth + 1 ? 0 : d > attrDepth + 1 ? c.attributionDeeper + c.jumpPerLevel * (d - attrDepth - 2) : c.attributionShallower;
  else if (d === p) change = 0;
  else if (d === p + 1) change = c.deeper;
  else if (d < p) change = c.shallower + c.shallowerPerLevel * (p - d - 1);
  else change = c.jump + c.jumpPerLevel * (d - p - 1);
  let total = change;
  if (e > 0) {
    const lo = Math.min(p, d);
    const hi = Math.max(p, d);
    if (attrDepth >= 0 && d === attrDepth + 1 && (e === d || e === attrDepth)) {
      // "> On X wrote:" then "> >" (or ">") then "> > text": the blank sits under the attribution.
      total = c.attributionBlank;
    } else if (p === 0) {
      // After unmarked text the empty quoted lines before a quote are at most as deep as it.
      const unit = attrDepth === 0 ? c.blankAfterAttribution : c.blankAfterOwn;
      total = change + (e <= d ? unit : 2 * unit + unit * Math.ceil(e / d));
    } else if (e === lo) {
      // A depth change usually comes with an empty quoted line at the shallower depth: that
      // pattern costs less than the change alone would.
      total = d === p ? c.paragraph : c.changeWithBlank;
    } else if (e === p + d) {
      // A trailing empty line of the previous depth, then one at the new depth.
      total = d === p ? 2 * c.paragraph + c.blankAtDeeper : c.twoBlanksChange;
    } else if (e === hi) {
      total = change + c.blankAtDeeper;
    } else if (e === 2 * lo) {
      total = change + 2 * c.paragraph + c.blankAtDeeper;
    } else {
      total = change + c.blankOther;
    }
  }
  if (attributions > 0 && d > attributions) total += c.overChain * (d - attributions);
  // ">>>" style: each marker token is one line's whole prefix, so the last token is the depth.
  if (seg.lastGt >= 2 && d > seg.lastGt) total += c.tokenStyle;
  // A sentence cut mid-way continues on the next line at the same depth.
  if (continues && (d !== p || e !== 0)) total += c.brokenSentence;
  return total;
}

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
  const choices = segs.map((seg) => splitChoices(body, seg, lineChars, costs));

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
    const startsLower = seg.words.length > 0 && /^[\p{Ll}]/u.test(wordText(seg, 0));
    const prevLast = wordText(prevSeg, prevSeg.words.length - 1);
    const prevBroken = i > 1 && prevSeg.words.length > 0 &&
      ((startsLower && !SENTENCE_END.test(prevLast)) || (prevSeg.words.length === 1 && prevLast === '--'));
    for (let ps = 0; ps < S; ps++) {
      const base = cost[(i - 1) * S + ps] as number;
      if (base === INF) continue;
      const pd = ps >> 1;
      const psplit = (ps & 1) === 1;
      const p = psplit ? 0 : pd;
      let attrDepth = -1;
      if (prevAttr) attrDepth = prevAttr.s === 0 && !psplit ? pd : psplit ? 0 : -1;
      // A sentence cut mid-way, or a signature separator, continues at the same depth.
      const continues = !psplit && prevBroken;
      for (let d = 1; d <= depthMax; d++) {
        const t = transitionCost(attrDepth >= 0 ? attrDepth : p, seg, d, depthMax, attrDepth, attributions, continues, costs);
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
      const unit: BodyUnit = { kind, depth: d, start: seg.markStart, end: ownStart, text: quoted, confidence };
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
