import { normalizeForAnchoring, normalizeWithOffsets, type Claim } from '@/lib/kb';
import type { Block } from '@/lib/mail';

/** Where a claim's words stand on a thread page: a message, one of its blocks, and the span in the block's text. */
export interface ClaimPlacement {
  claim: Claim;
  messageId: string;
  blockIndex: number;
  start: number;
  end: number;
}

/** The messages of a thread page, in reading order, as the placer needs them. */
export interface PlaceableMessage {
  messageId: string;
  fromName: string | null;
  blocks: Block[];
}

function findIn(block: Block, quote: string): { start: number; end: number } | null {
  const norm = normalizeWithOffsets(block.text);
  const at = norm.text.indexOf(quote);
  if (at < 0) return null;
  const start = norm.sourceOffsets[at] ?? 0;
  const endChar = norm.sourceOffsets[at + quote.length - 1] ?? start;
  return { start, end: endChar + 1 };
}

/**
 * Places each claim where its speaker said it: the first block of the speaker's own words (depth
 * 0, in their own or reconstructed message) that holds the anchored quote; failing that, the first
 * block anywhere that holds it. A claim whose words no single block holds is left unplaced.
 */
export function placeClaims(claims: readonly Claim[], messages: readonly PlaceableMessage[]): { placed: ClaimPlacement[]; unplaced: Claim[] } {
  const placed: ClaimPlacement[] = [];
  const unplaced: Claim[] = [];
  for (const claim of claims) {
    const quote = normalizeForAnchoring(claim.anchor.quote.exact);
    let best: ClaimPlacement | null = null;
    let fallback: ClaimPlacement | null = null;
    for (const m of messages) {
      m.blocks.forEach((b, blockIndex) => {
        if (best !== null) return;
        const span = findIn(b, quote);
        if (span === null) return;
        const p = { claim, messageId: m.messageId, blockIndex, ...span };
        if (b.depth === 0 && m.fromName === claim.speaker) best = p;
        else if (fallback === null) fallback = p;
      });
      if (best !== null) break;
    }
    const chosen = best ?? fallback;
    if (chosen === null) unplaced.push(claim);
    else placed.push(chosen);
  }
  return { placed, unplaced };
}
