import type { Anchor, ResolvedAnchor } from './types';
import { normalizeForAnchoring, normalizeWithOffsets, type NormalizedText } from './normalize-for-anchoring';
import { forEachWord, wordTokens } from './word-tokens';
import { sequenceSimilarity } from './sequence-similarity';
import { alignWords } from './align-words';

/** Below this score a re-found anchor is reported orphaned instead of being attached to other text. */
export const ANCHOR_ORPHAN_THRESHOLD = 0.75;

/** A fuzzy match must also place at least this share of the quote's own words, whatever its context. */
export const ANCHOR_MIN_QUOTE_SIMILARITY = 0.6;

// How much the quote and its surroundings weigh in a fuzzy score (Hypothesis weighs 50:20:20).
const QUOTE_WEIGHT = 0.75;
// Limits, so a hostile or huge text costs time linear in its length and nothing worse.
const MAX_EXACT_OCCURRENCES = 1000;
const MAX_QUOTE_WORDS = 256;
const MAX_POSITIONS_PER_WORD = 2000;
const MAX_ANCHOR_WORDS = 6;
const MAX_CANDIDATES = 12;
const CONTEXT_CHARS_MAX = 200;

interface Candidate {
  start: number;
  end: number;
  score: number;
  quoteSimilarity: number;
}

function orphan(score: number): ResolvedAnchor {
  return { status: 'orphaned', start: -1, end: -1, sourceStart: -1, sourceEnd: -1, score };
}

function contextSimilarity(text: string, start: number, end: number, prefix: string, suffix: string): number | null {
  // Compare each side with the same number of characters of the text, so a word cut at the
  // window's edge is cut the same way on both sides; then compare word by word.
  const sims: number[] = [];
  const pre = prefix.slice(-CONTEXT_CHARS_MAX);
  if (wordTokens(pre).words.length > 0) {
    const before = text.slice(Math.max(0, start - pre.length), start);
    sims.push(sequenceSimilarity(wordTokens(pre).words, wordTokens(before).words));
  }
  const suf = suffix.slice(0, CONTEXT_CHARS_MAX);
  if (wordTokens(suf).words.length > 0) {
    const after = text.slice(end, end + suf.length);
    sims.push(sequenceSimilarity(wordTokens(suf).words, wordTokens(after).words));
  }
  if (sims.length === 0) return null;
  return sims.reduce((a, b) => a + b, 0) / sims.length;
}

function distance(at: number, hint: number | null): number {
  return hint === null ? 0 : Math.abs(at - hint);
}

function better(a: Candidate, b: Candidate | null, hint: number | null): boolean {
  if (b === null) return true;
  if (a.score !== b.score) return a.score > b.score;
  return distance(a.start, hint) < distance(b.start, hint);
}

function exactCandidate(text: string, exact: string, anchor: Anchor, hint: number | null): Candidate | null {
  let best: Candidate | null = null;
  let seen = 0;
  for (let at = text.indexOf(exact); at >= 0 && seen < MAX_EXACT_OCCURRENCES; at = text.indexOf(exact, at + 1)) {
    seen += 1;
    const end = at + exact.length;
    const context = contextSimilarity(text, at, end, anchor.quote.prefix, anchor.quote.suffix);
    // Exact words whose neighbours on both sides changed may be a lookalike elsewhere: demote, don't trust.
    const score = context === null || context >= 0.5 ? 1 : QUOTE_WEIGHT + (1 - QUOTE_WEIGHT) * context;
    const candidate = { start: at, end, score, quoteSimilarity: 1 };
    if (better(candidate, best, hint)) best = candidate;
  }
  return best;
}

function candidateStarts(text: string, exact: string, words: string[], starts: number[]): number[] {
  const firstIndex = new Map<string, number>();
  words.forEach((w, i) => {
    if (!firstIndex.has(w)) firstIndex.set(w, i);
  });
  const positions = new Map<string, number[]>();
  const common = new Set<string>();
  // One pass over the text, remembering only where the quote's own words occur.
  forEachWord(text, (word, at) => {
    if (!firstIndex.has(word) || common.has(word)) return;
    const list = positions.get(word) ?? [];
    if (list.length >= MAX_POSITIONS_PER_WORD) {
      common.add(word);
      positions.delete(word);
      return;
    }
    list.push(at);
    positions.set(word, list);
  });
  // The rarest words vote for where the quote starts; common words would only add noise.
  const anchors = [...positions.entries()].sort((a, b) => a[1].length - b[1].length).slice(0, MAX_ANCHOR_WORDS);
  const bucketChars = Math.max(16, Math.floor(exact.length / 4));
  const votes = new Map<number, { start: number; count: number }>();
  for (const [word, list] of anchors) {
    const offsetInQuote = starts[firstIndex.get(word) as number] as number;
    for (const at of list) {
      const start = at - offsetInQuote;
      const bucket = Math.floor(start / bucketChars);
      const entry = votes.get(bucket);
      if (entry === undefined) votes.set(bucket, { start, count: 1 });
      else entry.count += 1;
    }
  }
  return [...votes.values()]
    .sort((a, b) => b.count - a.count || a.start - b.start)
    .slice(0, MAX_CANDIDATES)
    .map((v) => v.start);
}

function fuzzyCandidate(text: string, exact: string, anchor: Anchor, hint: number | null): Candidate | null {
  const quote = wordTokens(exact);
  if (quote.words.length === 0 || quote.words.length > MAX_QUOTE_WORDS) return null;
  const slack = Math.max(32, Math.floor(exact.length / 2));
  let best: Candidate | null = null;
  for (const guess of candidateStarts(text, exact, quote.words, quote.starts)) {
    const from = Math.max(0, guess - slack);
    const window = wordTokens(text, from, Math.min(text.length, guess + exact.length + slack));
    const aligned = alignWords(quote.words, window.words);
    if (aligned.to <= aligned.from) continue;
    const quoteSimilarity = Math.max(0, 1 - aligned.cost / quote.words.length);
    const start = window.starts[aligned.from] as number;
    const end = window.ends[aligned.to - 1] as number;
    const context = contextSimilarity(text, start, end, anchor.quote.prefix, anchor.quote.suffix);
    const score = context === null ? quoteSimilarity : QUOTE_WEIGHT * quoteSimilarity + (1 - QUOTE_WEIGHT) * context;
    const candidate = { start, end, score, quoteSimilarity };
    if (better(candidate, best, hint)) best = candidate;
  }
  return best;
}

/**
 * Finds an anchor's quote in `text` (raw, or already normalised once for many anchors): exactly,
 * disambiguated by prefix, suffix and the position hint; else by word alignment around the
 * quote's rarest words, scored 0..1; below ANCHOR_ORPHAN_THRESHOLD it is orphaned, never moved.
 */
export function resolveAnchor(anchor: Anchor, text: string | NormalizedText): ResolvedAnchor {
  const normalized = typeof text === 'string' ? normalizeWithOffsets(text) : text;
  const body = normalized.text;
  const exact = normalizeForAnchoring(anchor.quote.exact);
  if (exact === '') return orphan(0);
  const hint = anchor.position === null ? null : anchor.position.start;
  const found = exactCandidate(body, exact, anchor, hint);
  const wasExact = found !== null && found.score === 1;
  const best = wasExact ? found : pickFuzzy(found, fuzzyCandidate(body, exact, anchor, hint), hint);
  if (best === null) return orphan(0);
  if (!wasExact && (best.score < ANCHOR_ORPHAN_THRESHOLD || best.quoteSimilarity < ANCHOR_MIN_QUOTE_SIMILARITY)) {
    return orphan(round(best.score));
  }
  return {
    status: wasExact ? 'exact' : 'fuzzy',
    start: best.start,
    end: best.end,
    sourceStart: normalized.sourceOffsets[best.start] as number,
    // The end maps through the last character, so trailing markers or spaces are not included.
    sourceEnd: (normalized.sourceOffsets[best.end - 1] as number) + 1,
    score: round(best.score),
  };
}

function pickFuzzy(a: Candidate | null, b: Candidate | null, hint: number | null): Candidate | null {
  if (a === null) return b;
  if (b === null) return a;
  return better(b, a, hint) ? b : a;
}

function round(score: number): number {
  // Scores are shown to readers and pinned in tests; three decimals are plenty.
  return Math.round(score * 1000) / 1000;
}
