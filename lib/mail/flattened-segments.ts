// The tokens and segments of a flattened body: a segment is a run of `>` markers and the words
// after it up to the next run. Tokens keep their offsets so every later slice is exact.
import type { Attribution } from './parse-attribution';

/** One whitespace-separated token with its leading `>` split off. */
export interface Token {
  /** Start of the word (after any leading `>`). */
  start: number;
  end: number;
  /** Leading `>` characters. */
  gt: number;
  /** Start of the token including its `>`. */
  tokenStart: number;
}

/** A marker run and the words after it. */
export interface Segment {
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

/** Upper bound on the depths the recovery considers, which bounds the work per segment. */
export const DEPTH_STATES_MAX = 16;

/** Split the body into tokens: maximal runs of non-blank characters, with their leading `>`. */
export function tokenize(body: string): Token[] {
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
export function segment(body: string, tokens: Token[]): Segment[] {
  const segs: Segment[] = [{ markStart: 0, m: 0, lastGt: 0, gts: [], depthMask: 0, words: [], attributions: [] }];
  let ownPatch = false;
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti] as Token;
    let cur = segs[segs.length - 1] as Segment;
    if (ownPatch) {
      // The author's own patch, before anything was quoted: a `>` in it is diff content (a
      // shell-test heredoc `  > line`, a comparison), since a marker never starts a diff line.
      cur.words.push(t.gt > 0 ? { start: t.tokenStart, end: t.end, gt: 0, tokenStart: t.tokenStart } : t);
      continue;
    }
    if (segs.length === 1 && t.gt === 0 && isDiffStart(body, t, tokens[ti + 1])) ownPatch = true;
    if (t.gt === 1 && t.end - t.start === 1 && body.charCodeAt(t.start) === 0x3d) {
      // A lone ">=" is a comparison ("kernel >= v4.7"); a quoted line never opens with a bare "=".
      cur.words.push({ start: t.tokenStart, end: t.end, gt: 0, tokenStart: t.tokenStart });
      continue;
    }
    if (t.gt > 0 && cur.words.length > 0 && (cur.m === 0 || (cur.m > t.gt && t.tokenStart - (cur.words[0] as Token).start <= 30)) &&
      (isLiteralOperator(body, t, tokens[ti - 1], tokens[ti + 1], cur.m === 0) || (cur.m === 0 && isProseComparison(body, t, tokens[ti - 1], tokens[ti + 1])))) {
      // "pos >> PAGE_SHIFT" inside quoted code, or "if (err > 0)" in the author's text before
      // any quote: the `>` is text, not a line start.
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

/** Whether a token and the next are `diff --git`: a patch starts. */
function isDiffStart(body: string, t: Token, next: Token | undefined): boolean {
  return next !== undefined && t.end - t.start === 4 && body.startsWith('diff', t.start) &&
    next.gt === 0 && next.end - next.start === 5 && body.startsWith('--git', next.start);
}

/**
 * Whether a lone `>` in the author's text before any quote sits mid-sentence between two short
 * lower-case words ("bs > ps cases"): a quote would start a line, after a finished sentence or
 * an attribution, not between "bs" and "ps".
 */
function isProseComparison(body: string, t: Token, prev: Token | undefined, next: Token | undefined): boolean {
  if (t.end !== t.start || t.gt !== 1 || !prev || !next || prev.gt > 0 || next.gt > 0) return false;
  if (prev.end - prev.start > 12 || next.end - next.start > 12) return false;
  return /^[a-z0-9_]+$/.test(body.slice(prev.start, prev.end)) && /^[a-z0-9_]+[,.;:)]?$/.test(body.slice(next.start, next.end));
}

// Operands of C code: identifiers with underscores or capitals, numbers, calls, dereferences.
const CODE_OPERAND = /[_()[\];*]|->|^[A-Z0-9]{2,}|^\d/;

/**
 * Whether a lone `>` or `>>` token is a comparison or shift inside quoted code rather than a
 * line start: it must sit between two code-like operands on the same (short) line (`bothCode`:
 * both operands must look like code, not just one).
 */
function isLiteralOperator(body: string, t: Token, prev: Token | undefined, next: Token | undefined, bothCode = false): boolean {
  if (t.end !== t.start || t.gt > 2 || !prev || !next || prev.gt > 0 || next.gt > 0) return false;
  const before = body.slice(Math.max(prev.start, prev.end - 24), prev.end);
  const after = body.slice(next.start, Math.min(next.end, next.start + 24));
  if (!/[A-Za-z0-9_)\]]$/.test(before) || !/^[A-Za-z0-9_(&*-]/.test(after)) return false;
  // In the author's own text a quote may follow "(comment #1)": there both sides must be code.
  return bothCode ? CODE_OPERAND.test(before) && CODE_OPERAND.test(after) : CODE_OPERAND.test(before) || CODE_OPERAND.test(after);
}
