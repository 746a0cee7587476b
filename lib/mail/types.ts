// The shapes the mail layer hands to the thread layer, the importer, the store and the site.
// They are plain JSON (no classes, no parent pointers) and are the documented output of
// `threadlab parse --json`; keep these field names, add fields rather than renaming.

/** What a block of a message body is. */
export type BlockKind =
  | 'own' // the author's own words
  | 'quote' // words quoted from an earlier message, at `depth` >= 1
  | 'attribution' // "On <date>, <name> wrote:" and its many shapes
  | 'patch' // a diff (own, or quoted when depth >= 1)
  | 'trailer' // Signed-off-by:, Reviewed-by:, ...
  | 'signature' // from the "-- " line on
  | 'footer' // mailing-list footers
  | 'elision' // [...], <snip>
  | 'blank'; // blank lines between blocks (kept so slices concatenate to the body)

/** The person (and date) whose words a block holds. */
export interface Speaker {
  name: string | null;
  address: string | null;
  /** ISO 8601 when the attribution line gave a parsable date, else null. */
  date: string | null;
  /** The address as the source wrote it (e.g. obfuscated `david@xxxxxxxxxxxxx`), when it differs or `address` is null. */
  addressWritten?: string | null;
  /** The date as the attribution line wrote it (kept when `date` could not be completed, e.g. no year). */
  dateWritten?: string | null;
}

/** A diagnostic attached to a message or file: reported, never thrown. */
export interface Diagnostic {
  ruleId: string;
  reason: string;
  /** 1-based line in the source file or body where known, else null. */
  line: number | null;
}

/** One block of a message body. `raw` slices concatenate back to the body exactly. */
export interface Block {
  kind: BlockKind;
  /** Quote depth: 0 for the author's own text, n for n levels of quoting. */
  depth: number;
  /** Whose words these are (the message's author at depth 0); null where unknown. */
  speaker: Speaker | null;
  /** Content with quote markers removed. */
  text: string;
  /** The exact source slice of the body. */
  raw: string;
  /** Offset of `raw` in the body (UTF-16 code units). */
  start: number;
  /** How sure the parser is of this block's depth and kind, 0..1 (1 for marked quotes). */
  confidence: number;
  /** For an `own` block: index (in the same blocks array) of the quote block it answers. */
  answers?: number | null;
  /** For an `attribution` block: the speaker it names, whose words are at `depth + 1` below it. */
  names?: Speaker | null;
}

/** One parsed message, own or reconstructed (`derived`) from the quotes of a later one. */
export interface ParsedMessage {
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  subject: string | null;
  from: { name: string | null; address: string | null };
  date: string | null;
  derived: boolean;
  blocks: Block[];
  diagnostics: Diagnostic[];
}
