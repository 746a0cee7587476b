// Both body parsers (line-based and flattened) first cut the body into small units (a line, a
// quoted line of a flattened page) and let one assembler merge them into blocks, so the block
// rules (merging, speakers, answers) exist once.
import type { Attribution } from './parse-attribution';
import type { BlockKind } from './types';

/** A contiguous slice of the body with its kind and depth, before merging into blocks. */
export interface BodyUnit {
  kind: BlockKind;
  depth: number;
  /** Offset of the slice in the body. */
  start: number;
  /** End offset (exclusive); the next unit starts here. */
  end: number;
  /** Content with quote markers removed. */
  text: string;
  confidence: number;
  /** For an attribution unit: what the line says. */
  attribution?: Attribution;
}
