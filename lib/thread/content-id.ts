// Stable ids for messages that carry no Message-ID (scraped pages, reconstructed quotes), and
// the normalised content key used to recognise one message seen through two archives.

/** 32-bit FNV-1a of a string's UTF-16 code units, seeded so two seeds give 64 independent bits. */
function fnv1a32(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A 64-bit FNV-1a-style hash as 16 hex digits. */
export function fnv1a64Hex(s: string): string {
  return fnv1a32(s, 0x811c9dc5).toString(16).padStart(8, '0') + fnv1a32(s, 0x050c5d1f).toString(16).padStart(8, '0');
}

/**
 * The words of a text as an archive page would keep them: angle-bracket tokens and addresses
 * (which HTML-to-text and obfuscation destroy), quote markers, punctuation and case removed.
 */
export function normalizedWords(text: string): string {
  return text
    .replace(/<[^<>\s]*>/g, ' ')
    .replace(/\S+@\S+/g, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Content key of a body: equal for the same words however the archive mangled the layout. */
export function contentKey(text: string): string {
  return fnv1a64Hex(normalizedWords(text));
}

/** The id given to a message without a Message-ID: a hash of sender, date and words. */
export function contentMessageId(from: string | null, date: string | null, body: string): string {
  const who = (from ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  return `${fnv1a64Hex(`${who}\n${date ?? ''}\n${normalizedWords(body)}`)}@threadlab.invalid`;
}
