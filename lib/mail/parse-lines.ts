// The line-based parser for bodies that kept their newlines: every line's depth comes from its
// `>` markers; its kind from what it says (attribution, diff, trailer, signature, footer,
// elision, blank) and from the mode the previous lines opened (a diff or a signature continues
// at its depth). One pass over the lines, a bounded look-ahead of one line.
import type { BodyUnit } from './body-unit';
import {
  isElision,
  isFooterStart,
  isPatchLine,
  isPatchStart,
  isSignatureSeparator,
  isTrailer,
} from './line-kinds';
import { parseAttribution, type Attribution } from './parse-attribution';
import { quotePrefix } from './quote-prefix';

interface Line {
  start: number;
  /** End of the content (before `\r\n` / `\n`). */
  end: number;
  /** Start of the next line. */
  next: number;
  depth: number;
  content: string;
}

// Attribution lines always contain one of these; checking first keeps parseAttribution off prose.
const ATTRIBUTION_HINTS = ['wrote', 'writes', 'schrieb', 'écrit', 'escribió', '写道', 'Quoting ', '* ', 'said:'];

/** Split into lines with their depth and marker-free content. */
function splitLines(body: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  while (pos < body.length) {
    const nl = body.indexOf('\n', pos);
    const next = nl < 0 ? body.length : nl + 1;
    let end = nl < 0 ? body.length : nl;
    if (end > pos && body.charCodeAt(end - 1) === 0x0d) end--;
    const q = quotePrefix(body, pos, end);
    lines.push({ start: pos, end, next, depth: q.depth, content: body.slice(pos + q.contentStart, end) });
    pos = next;
  }
  return lines;
}

/** Parse an attribution, possibly wrapped over this line and the next one at the same depth. */
function attributionAt(lines: Line[], i: number): { attribution: Attribution; lines: number } | null {
  const line = lines[i];
  if (!line || line.content.length > 400) return null;
  const c = line.content;
  const hinted = (s: string): boolean => ATTRIBUTION_HINTS.some((h) => s.includes(h));
  if (hinted(c)) {
    const a = parseAttribution(c);
    if (a) return { attribution: a, lines: 1 };
  }
  const next = lines[i + 1];
  if (!next || next.depth !== line.depth || next.content.length > 160 || c.trim() === '') return null;
  if (!hinted(next.content)) return null;
  const a = parseAttribution(`${c} ${next.content}`);
  return a ? { attribution: a, lines: 2 } : null;
}

/** Cut a newline-preserving body into one unit per line (two for a wrapped attribution). */
export function parseLines(body: string): BodyUnit[] {
  const lines = splitLines(body);
  const units: BodyUnit[] = [];
  let patchDepth = -1;
  let resumeDepth = -1;
  let sigDepth = -1;
  let footerDepth = -1;
  const push = (first: Line, last: Line, kind: BodyUnit['kind'], attribution?: Attribution): void => {
    const unit: BodyUnit = { kind, depth: first.depth, start: first.start, end: last.next, text: first === last ? first.content : `${first.content} ${last.content}`, confidence: 1 };
    if (attribution) unit.attribution = attribution;
    units.push(unit);
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const c = line.content;
    const d = line.depth;
    const nextLine = lines[i + 1];
    const nextSame = nextLine && nextLine.depth === d ? nextLine.content : null;
    const blank = c.trim() === '';

    if (footerDepth >= 0) {
      if (d >= footerDepth) { push(line, line, 'footer'); continue; }
      footerDepth = -1;
    }
    if (isFooterStart(c) || (isSignatureSeparator(c) && nextSame !== null && isFooterStart(nextSame))) {
      footerDepth = d;
      patchDepth = -1;
      sigDepth = -1;
      push(line, line, 'footer');
      continue;
    }
    if (patchDepth >= 0) {
      if (d === patchDepth) {
        const endsWithSig = isSignatureSeparator(c) && (nextSame === null || !isPatchLine(nextSame) || nextSame === '');
        if (!endsWithSig) {
          if (blank) {
            if (nextSame !== null && nextSame !== '' && isPatchLine(nextSame)) { push(line, line, 'patch'); continue; }
          } else if (isPatchLine(c)) {
            push(line, line, 'patch');
            continue;
          } else if (nextSame !== null && nextSame !== '' && isPatchLine(nextSame) && c.length <= 100 && !/[.?!]$/.test(c)) {
            // Archives hard-wrap long diff lines; the wrapped tail still belongs to the diff.
            push(line, line, 'patch');
            continue;
          }
        }
      }
      // Interrupted by a reply at another depth, the quoted diff may resume below it.
      resumeDepth = d !== patchDepth ? patchDepth : -1;
      patchDepth = -1;
    }
    if (resumeDepth >= 0 && d === resumeDepth && !blank) {
      if (isPatchLine(c) && !isSignatureSeparator(c)) {
        patchDepth = d;
        resumeDepth = -1;
        push(line, line, 'patch');
        continue;
      }
      resumeDepth = -1;
    }
    if (sigDepth >= 0 && d !== sigDepth && !blank) sigDepth = -1;
    if (isSignatureSeparator(c)) {
      sigDepth = d;
      push(line, line, 'signature');
      continue;
    }
    if (sigDepth >= 0 && !blank) {
      push(line, line, 'signature');
      continue;
    }
    if (isPatchStart(c, nextSame)) {
      patchDepth = d;
      push(line, line, 'patch');
      continue;
    }
    if (blank) {
      push(line, line, 'blank');
      continue;
    }
    const attr = attributionAt(lines, i);
    if (attr) {
      const last = attr.lines === 2 ? lines[i + 1] ?? line : line;
      push(line, last, 'attribution', attr.attribution);
      i += attr.lines - 1;
      continue;
    }
    if (isElision(c)) {
      push(line, line, 'elision');
      continue;
    }
    if (isTrailer(c) && (/^\s*[A-Za-z-]+-by:/.test(c) || (nextSame !== null && isTrailer(nextSame)) || units[units.length - 1]?.kind === 'trailer')) {
      push(line, line, 'trailer');
      continue;
    }
    push(line, line, d === 0 ? 'own' : 'quote');
  }
  return units;
}
