// Where a flattened segment's quoted line ends: the words after it are unmarked, so the author's
// own. Candidates are token boundaries within a few line widths, scored by what the boundary looks
// like (sentence end, capital, reply opener, trailer, statement end in a diff).
import type { FlattenedCosts } from './flattened-costs';
import type { Segment, Token } from './flattened-segments';

/** A possible end of the quoted line inside a segment's words: words [0, k) are quoted. */
export interface SplitChoice {
  k: number;
  cost: number;
  confidence: number;
  /**
   * The quoted line ends at a quoted-printable soft line break (`=` at the end of a <= 76-column
   * line): the words after it are the rest of the same line, unmarked only because the body was
   * not decoded, so the next marker run continues at the quoted line's depth.
   */
  softBreak?: boolean;
}

// Quoted-printable lines are at most 76 characters, the soft-break `=` included.
const QP_LINE_CHARS_MAX = 76;
// Shorter lines are rarely soft-broken (the encoder breaks only long lines).
const QP_LINE_CHARS_MIN = 40;
// Without escapes to show the body is quoted-printable, only a break near the encoder's column counts.
const QP_LINE_CHARS_MIN_BARE = 66;

/** Whether a body shows quoted-printable escapes (`=3D`, `=20`, `=C2=A0`), so a line-final `=` can be a soft break. */
export function hasQuotedPrintable(body: string): boolean {
  return /=3D|=20|=09|=[C-F][0-9A-F]=[89AB][0-9A-F]/.test(body);
}

// A quoted line's content is rarely longer than this many characters (72-78 column wrapping).
const QUOTED_LINE_CHARS = 80;
// A line that continues a sentence on the next line was wrapped, by a mailer or by hand, so it is
// at most about twice the usual width.
const CONTINUED_LINE_CHARS_MAX = 2 * QUOTED_LINE_CHARS;

// Words a reply typically opens with; after a sentence end they mark where the author resumes.
const REPLY_OPENERS = new Set([
  'I', "I'm", "I'd", "I've", "I'll", 'We', "We'd", 'Yes', 'No', 'Right', 'Agreed', 'Sure', 'OK', 'Ok', 'Okay',
  'Why', 'Hmm', 'Well', 'Indeed', 'Correct', 'True', 'Thanks', 'Fair', 'Actually', 'Yeah', 'Yep', 'Nope',
]);
/** A trailer's key as one token: `Reviewed-by:`, `Signed-off-by:`. */
export const TRAILER_TOKEN = /^[A-Z][a-z]+(?:-[a-z]+)*-by:$/;
/** A token that ends a sentence (or a clause before a colon). */
export const SENTENCE_END = /[.!?:;]["')\]]*$/;
// A kernel log line's timestamp, `[ 4606.061022]`, as its first word(s).
const LOG_TIMESTAMP = /^\[ *\d+\.\d{6}\]/;
// Kernel log lines run long, but rarely beyond this.
const LOG_LINE_CHARS_MAX = 600;
// A compiler diagnostic's location, `fs/btrfs/inode.c:783:13:`, as the first word of a line.
const COMPILER_LOCATION = /^[\w./+-]+\.[a-zA-Z]{1,3}:\d+:(?:\d+:)?$/;
const CAPITALISED = /^["'([<]?[\p{Lu}\d]/u;

/** The ways a segment's words can divide into its quoted line and the author's own text after it. */
export function splitChoices(body: string, seg: Segment, lineChars: number, c: FlattenedCosts, qp = false, next?: Segment, prev?: Segment): { keep: SplitChoice | null; split: SplitChoice | null } {
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
  const lead0 = w[0] ? body.slice((w[0] as Token).start, Math.min((w[0] as Token).end, (w[0] as Token).start + 200)) : '';
  const compilerLine = COMPILER_LOCATION.test(lead0);
  const inLog = isLogLine(body, seg) && next !== undefined && isLogLine(body, next);
  for (let k = 1; k < bound && (w[k] as Token).start - (w[0] as Token).start <= lineChars * 3; k++) {
    const t = w[k] as Token;
    if (t.end - t.start <= 24 && TRAILER_TOKEN.test(body.slice(t.start, t.end))) {
      bound = k;
      break;
    }
    // The whole diagnostic is one line, however it reads: it ends exactly at the gutter.
    if (compilerLine && gutterAt(body, w, k)) return { keep: null, split: { k, cost: 0, confidence: 0.9 } };
  }
  if (n === 0) return { keep: { k: 0, cost: 0, confidence: 0.9 }, split: null };
  // A quoted trailer is one line, `Reviewed-by: Name <address>`: it does not end before the
  // address (the colon after the key is no sentence end), and the address ends it.
  const trailerEnd = TRAILER_TOKEN.test(lead0.slice(0, 24)) ? addressEnd(body, w, bound) : 0;
  const base = (w[0] as Token).start;
  const lengthTo = (k: number): number => (w[k - 1] as Token).end - base;
  let keep: SplitChoice | null = null;
  // Words after a trailer's address are on a line of their own.
  if (bound === n && !(trailerEnd > 0 && trailerEnd < n)) {
    const len = lengthTo(n);
    // Diff lines (hunk headers, added code) and unwrapped mailers make long quoted lines; a long
    // run is only suspicious in proportion to how long it is.
    const firstWord = body.slice((w[0] as Token).start, Math.min((w[0] as Token).end, (w[0] as Token).start + 4));
    const diffLine = firstWord.startsWith('@@') || firstWord.startsWith('+') || firstWord.startsWith('-');
    const over = len - lineChars;
    // Kernel log lines are never wrapped ("Modules linked in: ..." runs to hundreds of columns);
    // between two quoted log lines nobody replies, so a long one there is still one line.
    const lenient = (diffLine && over <= 40) || (inLog && over <= LOG_LINE_CHARS_MAX - lineChars);
    keep = { k: n, cost: over <= 0 ? 0 : lenient ? 0.5 : c.keepOverBase + over * c.keepOverPerChar, confidence: over <= 0 ? 0.9 : 0.4 };
  }
  const lead = body.slice((w[0] as Token).start, Math.min((w[0] as Token).end, (w[0] as Token).start + 4));
  const codeRun = lead.startsWith('+') || lead.startsWith('-') || lead.startsWith('@@');
  // k = 0: the marker run ended with an empty quoted line and the words are all the author's.
  // A lone `>` before a trailer leaves no room for the empty line git puts before trailers, so
  // it is that empty line, quoted, and the trailer is the replier's own (`> code`, `>`, `Acked-by:`),
  // unless the line before announced it ("please add the following tag to the commit:").
  const prevLast = prev?.words[prev.words.length - 1];
  const announced = prevLast !== undefined && body.charCodeAt(prevLast.end - 1) === 0x3a;
  const ownTrailer = trailerEnd > 0 && seg.m === 1 && !announced;
  let split: SplitChoice = { k: 0, cost: ownTrailer ? c.splitSentence - 1e-3 : c.splitAll, confidence: 0.4 };
  const soft = softBreakAt(body, w, bound, qp);
  if (soft > 0) return { keep: null, split: { k: soft, cost: 0, confidence: 0.9, softBreak: true } };
  for (let k = 1; k < Math.min(bound + 1, n); k++) {
    const len = lengthTo(k);
    if (len > lineChars * 3) break;
    if (k < trailerEnd) continue;
    const prev = body.slice((w[k - 1] as Token).start, (w[k - 1] as Token).end);
    const next = body.slice((w[k] as Token).start, Math.min((w[k] as Token).end, (w[k] as Token).start + 8));
    // In a quoted diff a statement end ("}", ";") ends the line as a full stop ends prose.
    const end = SENTENCE_END.test(prev) || (codeRun && /[;{}]$/.test(prev));
    const cap = CAPITALISED.test(next);
    let cost = k === trailerEnd || (end && cap) ? c.splitSentence : end ? c.splitEndOnly : cap ? c.splitCapOnly : c.splitNone;
    if (end && REPLY_OPENERS.has(next.replace(/[,.!?:]+$/, ''))) cost -= c.replyOpener;
    if (len > lineChars) cost += c.splitOverBase + (len - lineChars) * c.splitOverPerChar;
    // Of equally good boundaries prefer the earlier one (measured: the author's words usually
    // start at the first sentence boundary that fits).
    cost += k * 1e-4;
    if (cost < split.cost) split = { k, cost, confidence: end && cap ? 0.75 : 0.5 };
  }
  return { keep, split };
}

/** Whether a segment's words open with a kernel log timestamp. */
function isLogLine(body: string, seg: Segment): boolean {
  const first = seg.words[0];
  return first !== undefined && LOG_TIMESTAMP.test(body.slice(first.start, first.start + 24));
}

/**
 * Whether word k starts a compiler's source-context line (`  783 | static void f(...)` or
 * `      | ^~~~`, as the kernel test robot quotes them under its `>>`-flagged error lines): the
 * gutter is never part of the flagged line, so the line ends before it. Only asked after a
 * compiler location (`file.c:783:13:`), so tables of `0 | 0 | 0` keep their lines.
 */
function gutterAt(body: string, w: Token[], k: number): boolean {
  const t = w[k] as Token;
  const next = w[k + 1];
  if (!next || next.gt > 0) return false;
  const nextText = body.slice(next.start, Math.min(next.end, next.start + 2));
  if (t.end - t.start === 1 && body.charCodeAt(t.start) === 0x7c) return nextText.startsWith('^') || nextText.startsWith('~');
  if (t.end - t.start > 6 || !/^\d+$/.test(body.slice(t.start, t.end))) return false;
  return next.end - next.start === 1 && body.charCodeAt(next.start) === 0x7c;
}

// A trailer's name and address take a few tokens at most.
const TRAILER_TOKENS_MAX = 12;

/** The word count up to a trailer's address (the first token with `@` or ending in `>`), 0 when none is near. */
function addressEnd(body: string, w: Token[], bound: number): number {
  for (let k = 1; k < Math.min(bound, TRAILER_TOKENS_MAX); k++) {
    const t = w[k] as Token;
    if (t.end - t.start > 120) return 0;
    const text = body.slice(t.start, t.end);
    if (text.includes('@') || text.endsWith('>')) return k + 1;
  }
  return 0;
}

/**
 * The first quoted-printable soft break among words [1, bound): a token ending in `=` (not
 * `==`) where the line, from its last marker token, reaches 40-76 characters in a
 * body with QP escapes, or 66-76 (the encoder's break column, give or take a split escape and
 * the markers of `> > >` quoting) in any body; 0 when there is none.
 */
function softBreakAt(body: string, w: Token[], bound: number, qp: boolean): number {
  const first = w[0] as Token;
  let base = first.tokenStart;
  if (first.gt === 0) {
    // The line's last marker token stands just before the first word: `>>> word`.
    let j = first.start;
    while (j > 0 && j > first.start - 4 && body.charCodeAt(j - 1) === 0x20) j--;
    while (j > 0 && j > first.start - 24 && body.charCodeAt(j - 1) === 0x3e) j--;
    base = j;
  }
  const lenMin = qp ? QP_LINE_CHARS_MIN : QP_LINE_CHARS_MIN_BARE;
  for (let k = 1; k < bound; k++) {
    const t = w[k - 1] as Token;
    const len = t.end - base;
    if (len > QP_LINE_CHARS_MAX) break;
    if (len < lenMin || body.charCodeAt(t.end - 1) !== 0x3d) continue;
    // A lone `=` is the break after an encoded trailing space, only where the encoder breaks.
    if (t.end - t.start < 2 ? qp && len >= QP_LINE_CHARS_MIN_BARE : body.charCodeAt(t.end - 2) !== 0x3d) return k;
  }
  return 0;
}

/**
 * Estimate how wide this message's quoted lines are from the segments that certainly are whole
 * quoted lines: those followed, at the same marker count, by a line that continues the sentence.
 */
export function quotedLineWidth(body: string, segs: Segment[]): number {
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
    // A wrapped line that long is no line: it is prose around an inline `>` ("bs > ps cases").
    if (last.end - first.start > CONTINUED_LINE_CHARS_MAX) continue;
    widths.push(last.end - first.start);
  }
  if (widths.length < 3) return QUOTED_LINE_CHARS;
  widths.sort((a, b) => a - b);
  const p90 = widths[Math.floor(widths.length * 0.9)] as number;
  return Math.max(QUOTED_LINE_CHARS, p90 + 5);
}
