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
 * Only a prefix counts (enough to tell messages apart; cheap for 1 MB patches), and it is one
 * pass over the characters because this runs for every imported message.
 */
export function normalizedWords(text: string): string {
  const end = Math.min(text.length, KEY_CHARS_MAX);
  let out = '';
  let i = 0;
  while (i < end) {
    // One whitespace-separated token at a time.
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    const start = i;
    let at = false;
    while (i < end && !isSpace(text.charCodeAt(i))) {
      if (text.charCodeAt(i) === 64) at = true;
      i++;
    }
    if (at || start === i) continue;
    let word = '';
    let inAngle = false;
    for (let k = start; k < i; k++) {
      const c = text.charCodeAt(k);
      if (c === 60) inAngle = true;
      else if (c === 62) inAngle = false;
      if (inAngle) continue;
      if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122)) word += text[k];
      else if (c >= 65 && c <= 90) word += String.fromCharCode(c + 32);
      else if (c > 127 && /[\p{L}\p{N}]/u.test(text[k] as string)) word += (text[k] as string).toLowerCase();
      else if (word !== '') {
        out += out === '' ? word : ` ${word}`;
        word = '';
      }
    }
    if (word !== '') out += out === '' ? word : ` ${word}`;
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11 || c === 160;
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

/**
 * The content key of a message from its blocks: the words of everything but list footers
 * (which archive pages add and mail lacks), as contentKey reads them.
 */
export function blocksContentKey(blocks: readonly { kind: string; raw: string }[]): string {
  let words = '';
  for (const b of blocks) {
    // contentKey reads a bounded prefix; stop collecting once past it.
    if (words.length > KEY_CHARS_MAX * 2) break;
    if (b.kind !== 'footer') words += b.raw;
  }
  return contentKey(words);
}
