// An own block answers the passage just above it: the nearest earlier quote (or quoted diff).
// Kept separate so reconstructed ancestor messages can relink their re-based blocks.
import type { Block } from './types';

/** Set `answers` on every own block to the index of the nearest earlier quote block (null when none). */
export function linkAnswers(blocks: Block[]): void {
  let lastQuote: number | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (b.kind === 'attribution' && b.depth === 0) {
      // A depth-0 attribution opens a new quoted message: earlier passages are no longer "above".
      lastQuote = null;
    } else if (b.depth >= 1 && (b.kind === 'quote' || b.kind === 'patch')) {
      lastQuote = i;
    } else if (b.kind === 'own') {
      b.answers = lastQuote;
    }
  }
}
