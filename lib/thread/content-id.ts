// Stable ids for messages that carry no Message-ID (scraped pages, reconstructed quotes), and
// the normalised content key used to recognise one message seen through two archives.

const KEY_CHARS_MAX = 4 * 1024;

/** A 64-bit FNV-1a-style hash as 16 hex digits (two seeded 32-bit lanes in one pass). */
export function fnv1a64Hex(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * The words of a text as an archive page would keep them: angle-bracket tokens and addresses
 * (which HTML-to-text and obfuscation destroy), quote markers, punctuation and case removed.
 */
export function normalizedWords(text: string): string {
  // Only a prefix counts: enough to tell messages apart, and hashing stays cheap for 1 MB patches.
  // Token by token (no backtracking regex over the whole body): addresses go, <tokens> go.
  const tokens = text.slice(0, KEY_CHARS_MAX).split(/\s+/);
  const kept: string[] = [];
  for (const t of tokens) {
    if (t.includes('@')) continue;
    kept.push(t.includes('<') ? t.replace(/<[^<>]*>/g, ' ') : t);
  }
  return kept
    .join(' ')
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
