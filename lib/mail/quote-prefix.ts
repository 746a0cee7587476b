// The quote depth of a line is the number of `>` in its leading run of `>` and blanks
// ("> > >", ">>>", "> >>" all count 3; at most one space may precede the first `>`). One loop, no regex, so a 100,000-character run of `>`
// costs 100,000 steps.

/** Quote depth of a line and where its content starts after the markers (and one following space). */
export interface QuotePrefix {
  depth: number;
  /** Offset in the line where the content starts. */
  contentStart: number;
}

/** Count the leading `>` markers of a line (blanks between them allowed) and find where the content begins. */
export function quotePrefix(line: string, from = 0, to = line.length): QuotePrefix {
  let depth = 0;
  let pos = from;
  let i = from;
  while (i < to) {
    const c = line.charCodeAt(i);
    if (c === 0x3e /* > */) {
      depth++;
      i++;
      pos = i;
    } else if ((c === 0x20 || c === 0x09) && (depth > 0 || i === from)) {
      // Blanks between markers are fine; before the first marker only one space is (" > x" from
      // some clients), since "   > EOF" is an indented shell prompt or code, not a quote.
      if (depth === 0 && c === 0x09) break;
      i++;
    } else {
      break;
    }
  }
  if (depth > 0 && pos < to && (line.charCodeAt(pos) === 0x20 || line.charCodeAt(pos) === 0x09)) pos++;
  return { depth, contentStart: depth > 0 ? pos - from : 0 };
}
