/** Text as anchors see it, with the offset in the source of every character, so a match can be shown in the raw page. */
export interface NormalizedText {
  /** The words of the source with quote markers removed and every whitespace run collapsed to one space. */
  text: string;
  /** `sourceOffsets[i]` is where `text[i]` came from; one extra entry holds the source length. */
  sourceOffsets: Uint32Array;
}

const GT = 0x3e; // '>'
const NL = 0x0a;

function isSpace(code: number): boolean {
  // The whitespace a mail body or a scraped page contains; NBSP because archive pages emit it.
  return code === 0x20 || code === 0x09 || code === NL || code === 0x0d || code === 0x0c || code === 0x0b || code === 0xa0;
}

/**
 * Normalises text for anchoring and keeps the way back to the source.
 *
 * A quote-marker run is any whitespace-delimited token made only of `>`, and any `>` characters
 * that open a line; both vanish, so `wraps > > across` and a line-wrapped quote read the same as
 * the message's own words. Whitespace runs become one space; the ends are trimmed.
 */
export function normalizeWithOffsets(source: string): NormalizedText {
  const out: string[] = [];
  // Preallocated: the normalised text is never longer than the source, and a typed array keeps a 10 MB page cheap.
  const offsets = new Uint32Array(source.length + 1);
  let length = 0;
  let i = 0;
  let lineStart = true;
  let pendingSpace = -1; // source offset of the gap before the next kept token, or -1
  const n = source.length;
  while (i < n) {
    const code = source.charCodeAt(i);
    if (isSpace(code)) {
      if (pendingSpace < 0) pendingSpace = i;
      if (code === NL) lineStart = true;
      i += 1;
      continue;
    }
    // A token: find its end first, then decide whether it is a marker.
    let j = i;
    while (j < n && !isSpace(source.charCodeAt(j))) j += 1;
    let k = i;
    while (k < j && source.charCodeAt(k) === GT) k += 1;
    const allMarkers = k === j;
    // Mail quoting may glue the marker to the word (">foo") only where a line begins.
    const from = allMarkers ? j : lineStart ? k : i;
    lineStart = false;
    if (from < j) {
      if (length > 0) {
        out.push(' ');
        offsets[length] = pendingSpace < 0 ? from : pendingSpace;
        length += 1;
      }
      out.push(source.slice(from, j));
      for (let c = from; c < j; c += 1) {
        offsets[length] = c;
        length += 1;
      }
      pendingSpace = -1;
    } else if (pendingSpace < 0) {
      pendingSpace = i;
    }
    i = j;
  }
  offsets[length] = n;
  return { text: out.join(''), sourceOffsets: offsets.slice(0, length + 1) };
}

/** The text anchors are matched against: quote markers stripped, whitespace collapsed (see `normalizeWithOffsets`). */
export function normalizeForAnchoring(source: string): string {
  return normalizeWithOffsets(source).text;
}
