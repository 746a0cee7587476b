// How well the parser's quote depths match the `>` prefixes of real mail, word by word: once on
// the body as sent, and once after flattening it the way archive pages do (every run of
// whitespace, newlines included, becomes one space), which is the test of depth recovery.
// Flattening changes only whitespace, so the word sequence of both versions is the same and the
// reference depth of each word is the `>` count of the line it came from.
import { parseBody } from './parse-body';
import { quotePrefix } from './quote-prefix';
import type { Block } from './types';

/** Word counts of one body: how many words, how many got the reference depth from each parse. */
export interface DepthAgreement {
  /** Words (whitespace-separated tokens that are not only `>`). */
  words: number;
  /** Words whose reference depth is at least 1. */
  quotedWords: number;
  /** Words whose depth from the line parser equals the `>` prefix of their line. */
  agreeLines: number;
  /** Words whose depth, parsed from the flattened body, equals the `>` prefix of their original line. */
  agreeFlattened: number;
}

/** Whether a token is made only of `>` (a quote marker, not a word). */
function markerOnly(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) !== 0x3e) return false;
  return true;
}

/** Start offsets of the word tokens of a text, in order. */
function wordStarts(s: string): number[] {
  const out: number[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    if (!markerOnly(s, m.index, m.index + m[0].length)) out.push(m.index);
  }
  return out;
}

/** The reference depth of every word: the `>` count of its line. */
function referenceDepths(body: string): number[] {
  const out: number[] = [];
  let pos = 0;
  while (pos <= body.length) {
    const nl = body.indexOf('\n', pos);
    const end = nl < 0 ? body.length : nl;
    const line = body.slice(pos, end);
    const { depth } = quotePrefix(line);
    for (let k = wordStarts(line).length; k > 0; k--) out.push(depth);
    if (nl < 0) break;
    pos = nl + 1;
  }
  return out;
}

/** The depth of the block holding each word start, walking words and blocks together. */
function blockDepths(text: string, blocks: Block[]): number[] {
  const out: number[] = [];
  let bi = 0;
  for (const start of wordStarts(text)) {
    while (bi + 1 < blocks.length && (blocks[bi + 1] as Block).start <= start) bi++;
    out.push((blocks[bi] as Block | undefined)?.depth ?? -1);
  }
  return out;
}

/** Flatten a body the way an HTML page rendered to text does: all whitespace runs become one space. */
export function flattenBody(body: string): string {
  return body.replace(/\s+/g, ' ');
}

/** Compare the parser's word depths with the `>` prefixes, on the body and on its flattened form. */
export function measureDepthAgreement(body: string): DepthAgreement {
  const ref = referenceDepths(body);
  const lines = blockDepths(body, parseBody(body, { author: null, flattened: false }).blocks);
  const flat = flattenBody(body);
  const flatDepths = blockDepths(flat, parseBody(flat, { author: null, flattened: true }).blocks);
  let quotedWords = 0;
  let agreeLines = 0;
  let agreeFlattened = 0;
  for (let i = 0; i < ref.length; i++) {
    const r = ref[i] as number;
    if (r > 0) quotedWords++;
    if (lines[i] === r) agreeLines++;
    if (flatDepths[i] === r) agreeFlattened++;
  }
  return { words: ref.length, quotedWords, agreeLines, agreeFlattened };
}
