/** Word tokens of a text with their offsets: the units fuzzy anchoring aligns. */
export interface WordTokens {
  words: string[];
  starts: number[];
  ends: number[];
}

// Identifiers (write_cache_pages, 3fa750dcf29e) stay one word; punctuation is ignored so that a
// re-punctuated sentence still aligns word for word. A plain character class: linear, no backtracking.
const WORD = /[A-Za-z0-9_]+/g;

/** Splits `text` (from `from` to `to`) into lower-cased words with their offsets in `text`. */
export function wordTokens(text: string, from = 0, to = text.length): WordTokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const slice = text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m !== null; m = WORD.exec(slice)) {
    words.push(m[0].toLowerCase());
    starts.push(from + m.index);
    ends.push(from + m.index + m[0].length);
  }
  return { words, starts, ends };
}

/** Calls `visit` for every lower-cased word of `text` in order, without keeping them: one linear pass. */
export function forEachWord(text: string, visit: (word: string, start: number) => void): void {
  const re = new RegExp(WORD.source, 'g');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) visit(m[0].toLowerCase(), m.index);
}
