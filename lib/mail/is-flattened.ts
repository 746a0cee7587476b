// Archive pages rendered to text can lose every newline, leaving one very long line in which
// each former line start shows only as an inline ` > ` marker. Mail never looks like that:
// even a hard-wrapped-diff or 998-byte line rarely has `>` tokens standing alone mid-line.

import { quotePrefix } from './quote-prefix';

// A line this long cannot be a wrapped mail line (the RFC limit is 998 bytes; lines of prose are
// under 100): only such lines are looked at.
const LONG_LINE_MIN = 200;
// Standalone `>` tokens in long lines needed before the body counts as flattened.
const MARKERS_MIN = 4;

/** Whether a body has lost its newlines: long lines with many standalone `>` markers inside them. */
export function isFlattened(body: string): boolean {
  let markers = 0;
  let lineStart = 0;
  while (lineStart <= body.length) {
    const nl = body.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? body.length : nl;
    if (lineEnd - lineStart >= LONG_LINE_MIN) {
      // The line's own leading "> > >" is an ordinary quote prefix: count only markers after it.
      markers += countInlineMarkers(body, lineStart + quotePrefix(body, lineStart, lineEnd).contentStart, lineEnd);
      if (markers >= MARKERS_MIN) return true;
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return false;
}

/** Count tokens made only of `>` that are preceded by a blank (so not the line's own prefix). */
function countInlineMarkers(s: string, from: number, to: number): number {
  let n = 0;
  let i = from + 1;
  while (i < to) {
    if (s.charCodeAt(i) === 0x3e && (s.charCodeAt(i - 1) === 0x20 || s.charCodeAt(i - 1) === 0x09)) {
      let j = i;
      while (j < to && s.charCodeAt(j) === 0x3e) j++;
      if (j === to || s.charCodeAt(j) === 0x20 || s.charCodeAt(j) === 0x09) n++;
      i = j;
    } else {
      i++;
    }
  }
  return n;
}
