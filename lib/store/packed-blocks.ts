// The stored form of a message's quote tree: one JSON array per message (table message_blocks)
// instead of one row per block. Blocks are only ever read a whole message at a time, and a
// row per block (half of them blank lines) made the rows, not the words, the bulk of an
// import's SQLite work. The array holds exactly what the old blocks table held, so a read
// gives the same blocks; the `blocks` view of migration 5 still shows them as rows.
//
// One block is [kind, depth, start, length, confidence, speaker, text, answers], trailing
// nulls left out:
//   speaker  null, [name, address, date], or the index of an earlier block of the same array
//            whose speaker is that same [name, address, date] (the author speaks in most blocks);
//   text     null when it is the raw slice less its final line end (most unquoted blocks);
//   answers  the index of the quote block an own block answers, or null.
// Pure: the parse worker packs, the store unpacks; neither needs SQLite for it.
import type { Block, BlockKind, Speaker } from '../mail';

type PackedSpeaker = [string | null, string | null, string | null] | number | null;
type PackedBlock = [string, number, number, number, number, PackedSpeaker?, (string | null)?, (number | null)?];

/** The text a block has when nothing but its final line end was removed (stored as null). */
export function impliedText(raw: string): string {
  return raw.endsWith('\n') ? raw.slice(0, -1) : raw;
}

/** Whether `text` is `raw` less its final line end (lengths first; `===` compares far faster than startsWith). */
function isImplied(text: string, raw: string): boolean {
  const n = raw.length > 0 && raw.charCodeAt(raw.length - 1) === 10 ? raw.length - 1 : raw.length;
  return text.length === n && (n === raw.length ? raw : raw.slice(0, n)) === text;
}

/** A message's blocks in their stored form (see the head of this file). */
export function packBlocks(blocks: readonly Block[]): string {
  const out: PackedBlock[] = [];
  // Blocks written with an explicit speaker, one per distinct speaker (a message has a few).
  const named: number[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    const s = b.speaker;
    let speaker: PackedSpeaker = null;
    if (s !== null && (s.name !== null || s.address !== null || s.date !== null)) {
      for (const k of named) {
        const t = (blocks[k] as Block).speaker as Speaker;
        if (t === s || (t.name === s.name && t.address === s.address && t.date === s.date)) {
          speaker = k;
          break;
        }
      }
      if (speaker === null) {
        named.push(i);
        speaker = [s.name, s.address, s.date];
      }
    }
    const row: PackedBlock = [b.kind, b.depth, b.start, b.raw.length, b.confidence, speaker, isImplied(b.text, b.raw) ? null : b.text, b.answers ?? null];
    while (row.length > 5 && row[row.length - 1] === null) row.pop();
    out.push(row);
  }
  return JSON.stringify(out);
}

/** The blocks of a stored message, their slices cut from `body`; '' or a missing row is no blocks. */
export function unpackBlocks(packed: string | null | undefined, body: string): Block[] {
  if (packed === null || packed === undefined || packed === '') return [];
  const rows = JSON.parse(packed) as PackedBlock[];
  const blocks: Block[] = [];
  for (const r of rows) {
    const start = r[2];
    const raw = body.slice(start, start + r[3]);
    let s = r[5] ?? null;
    if (typeof s === 'number') s = (rows[s]?.[5] ?? null) as PackedSpeaker;
    const text = r[6] ?? null;
    const block: Block = {
      kind: r[0] as BlockKind, depth: r[1], speaker: Array.isArray(s) ? { name: s[0], address: s[1], date: s[2] } : null,
      text: text ?? impliedText(raw), raw, start, confidence: r[4],
    };
    const answers = r[7] ?? null;
    if (answers !== null) block.answers = answers;
    blocks.push(block);
  }
  return blocks;
}
