// The entry point for one decoded text body: choose the line parser or the flattened-page
// parser, then assemble blocks whose raw slices concatenate back to the body exactly.
import { assembleBlocks } from './assemble-blocks';
import { isFlattened } from './is-flattened';
import { parseFlattened } from './parse-flattened';
import { parseLines } from './parse-lines';
import type { Block, Diagnostic, Speaker } from './types';

/** What parseBody needs besides the body: the author (speaker at depth 0) and whether newlines were lost. */
export interface BodyContext {
  author: Speaker | null;
  /** true: the body lost its newlines (an HTML page flattened to text); 'auto' (default): detect it. */
  flattened?: boolean | 'auto';
}

/** The quote tree of one body: its blocks in order and what was noticed on the way. */
export interface ParsedBody {
  blocks: Block[];
  diagnostics: Diagnostic[];
}

/** Split a decoded text body into blocks (own, quote, attribution, patch, trailer, signature, footer, elision, blank) losslessly. */
export function parseBody(body: string, ctx: BodyContext): ParsedBody {
  const diagnostics: Diagnostic[] = [];
  const mode = ctx.flattened ?? 'auto';
  const flat = mode === 'auto' ? isFlattened(body) : mode;
  if (flat) {
    const { units, diagnostics: flatDiagnostics } = parseFlattened(body);
    diagnostics.push(...flatDiagnostics);
    if (mode === 'auto') {
      diagnostics.push({ ruleId: 'body-flattened', reason: 'body has lost its newlines; quote depths were recovered from inline > markers', line: 1 });
    }
    return { blocks: assembleBlocks(body, units, ctx.author, ' '), diagnostics };
  }
  return { blocks: assembleBlocks(body, parseLines(body), ctx.author, '\n'), diagnostics };
}
