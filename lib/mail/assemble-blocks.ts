// Merge units into blocks and give every block its speaker through the chain of attribution
// lines (the attribution at depth d-1 names who wrote the depth-d text; the message's author
// speaks at depth 0), and every own block the quote it answers.
import type { BodyUnit } from './body-unit';
import { linkAnswers } from './link-answers';
import type { Block, Speaker } from './types';

/** Kinds whose consecutive units stay separate blocks (each attribution names its own speaker). */
const NEVER_MERGED = new Set(['attribution']);

/** Merge consecutive units of the same kind and depth, then resolve speakers and answers. */
export function assembleBlocks(body: string, units: BodyUnit[], author: Speaker | null, joiner: string): Block[] {
  const blocks: Block[] = [];
  const texts: string[][] = [];
  for (const u of units) {
    // An empty slice carries nothing and would break "every block has a raw slice".
    if (u.end <= u.start) continue;
    const last = blocks[blocks.length - 1];
    if (last && last.kind === u.kind && last.depth === u.depth && !NEVER_MERGED.has(u.kind)) {
      last.raw = body.slice(last.start, u.end);
      last.confidence = Math.min(last.confidence, u.confidence);
      texts[texts.length - 1]?.push(u.text);
      continue;
    }
    const block: Block = {
      kind: u.kind,
      depth: u.depth,
      speaker: null,
      text: '',
      raw: body.slice(u.start, u.end),
      start: u.start,
      confidence: u.confidence,
    };
    if (u.attribution) block.names = toSpeaker(u.attribution);
    blocks.push(block);
    texts.push([u.text]);
  }
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b) b.text = (texts[i] ?? []).join(joiner);
  }
  resolveSpeakers(blocks, author);
  return blocks;
}

/** Turn a parsed attribution into the Speaker shape blocks carry. */
function toSpeaker(a: { name: string | null; address: string | null; date: string | null; dateWritten: string | null; addressWritten: string | null }): Speaker {
  const s: Speaker = { name: a.name, address: a.address, date: a.date };
  if (a.addressWritten !== null && a.addressWritten !== a.address) s.addressWritten = a.addressWritten;
  if (a.dateWritten !== null && a.date === null) s.dateWritten = a.dateWritten;
  return s;
}

/** Walk the blocks once with a stack of attributions ordered by depth. */
function resolveSpeakers(blocks: Block[], author: Speaker | null): void {
  // chain[k] = the attribution at depth chain[k].depth; depths strictly increase up the stack.
  const chain: { depth: number; speaker: Speaker }[] = [];
  for (const b of blocks) {
    b.speaker = b.depth === 0 ? author : lookup(chain, b.depth - 1);
    if (b.kind === 'attribution' && b.names) {
      while (chain.length > 0 && (chain[chain.length - 1]?.depth ?? -1) >= b.depth) chain.pop();
      chain.push({ depth: b.depth, speaker: b.names });
    }
  }
  linkAnswers(blocks);
}

/** Binary search the chain for the attribution at exactly `depth`. */
function lookup(chain: { depth: number; speaker: Speaker }[], depth: number): Speaker | null {
  let lo = 0;
  let hi = chain.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = chain[mid];
    if (!e) return null;
    if (e.depth === depth) return e.speaker;
    if (e.depth < depth) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}
