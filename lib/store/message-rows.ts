// What the store writes for one message's quote tree, computed without SQLite so the parse
// worker can do it: the packed blocks, the two search columns and the exchanges. The main
// thread, which runs every SQLite statement of an import, then only binds strings.
import type { Block, ParsedMessage } from '../mail';
import { packBlocks } from './packed-blocks';

/** A message's quote tree in the form the store writes it. */
export interface MessageRows {
  /** packBlocks(message.blocks). */
  blocks: string;
  /** Search text: the author's own prose (depth 0, no patches, signatures or footers). */
  own: string;
  /** Search text: every quoted block but patches. */
  quoted: string;
  /** "A said X -> B answered Y", four values each: answer ordinal, quote ordinal, quoted name, quoted address. */
  exchanges: (number | string | null)[];
}

/** The rows of one message (pure). */
export function messageRows(m: ParsedMessage): MessageRows {
  const own: string[] = [];
  const quoted: string[] = [];
  const exchanges: (number | string | null)[] = [];
  for (let i = 0; i < m.blocks.length; i++) {
    const b = m.blocks[i] as Block;
    if (b.kind === 'own' && typeof b.answers === 'number') {
      const q: Block | undefined = m.blocks[b.answers];
      if (q !== undefined) exchanges.push(i, b.answers, q.speaker?.name ?? null, q.speaker?.address ?? null);
    }
    // Diffs are not indexed: search is for the argument, and patch text is most of the bytes
    // of a kernel list (a later diff-aware prefix can index it in its own column).
    if (b.kind === 'patch' || b.kind === 'blank') continue;
    if (b.depth > 0) quoted.push(b.text);
    else if (b.kind !== 'footer' && b.kind !== 'signature') own.push(b.text);
  }
  return { blocks: packBlocks(m.blocks), own: own.join('\n'), quoted: quoted.join('\n'), exchanges };
}
