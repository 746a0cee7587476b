// Splits an mbox byte stream into messages incrementally, so a 47 MB archive is never held in
// memory whole: feed chunks with push(), collect the finished messages, call end() at EOF.
// Separators are `From ` lines in ctime shape (git mailsplit's rule), so an unescaped body
// line such as "From the start, ..." in a plain mbox does not cut a message in two.

/** One message cut out of an mbox: its unescaped bytes (no `From ` line) and where it was. */
export interface MboxMessage {
  /** RFC 5322 bytes, `>From` un-escaped, without the `From ` separator line. */
  bytes: Uint8Array;
  /** The original bytes of the message in the file, separator line included. */
  original: Uint8Array;
  /** 1-based line of the separator (or of the first line when there is none). */
  line: number;
  /** Byte offset of `original` in the file. */
  offset: number;
}

/** mboxrd un-escapes every `>+From ` line by one `>`; mboxo only `>From `. */
export type MboxFlavor = 'mboxrd' | 'mboxo';

// "From sender Www Mmm dd hh:mm[:ss] yyyy" with the usual extra spaces.
const SEPARATOR = /^From \S* +[A-Za-z]{3} +[A-Za-z]{3} +\d{1,2} +\d{1,2}:\d{2}(:\d{2})? +(?:[A-Z]{3,4} +)?\d{4}/;
const HEADER_LINE = /^[!-9;-~]+:/;
const latin1 = new TextDecoder('windows-1252');

/** Incremental mbox splitter; push chunks in file order, then call end() once. */
export class MboxSplitter {
  private buf: Uint8Array = new Uint8Array(0);
  /** File offset of buf[0]. */
  private base = 0;
  /** Offset in buf of the first line not yet examined. */
  private scan = 0;
  /** Offset in buf where the current message starts (-1 before any content). */
  private msgStart = -1;
  private msgLine = 1;
  private msgHasSeparator = false;
  /** Whether the current message has an escaped `>From ` line (most have none: no copy needed). */
  private msgEscaped = false;
  private lineNo = 1;
  private sawContent = false;
  private readonly flavor: MboxFlavor;

  constructor(flavor: MboxFlavor = 'mboxrd') {
    this.flavor = flavor;
  }

  /** Adds the next chunk of the file; returns the messages completed by it. */
  push(chunk: Uint8Array): MboxMessage[] {
    if (this.buf.length === 0) this.buf = chunk;
    else {
      const joined = new Uint8Array(this.buf.length + chunk.length);
      joined.set(this.buf, 0);
      joined.set(chunk, this.buf.length);
      this.buf = joined;
    }
    const out: MboxMessage[] = [];
    this.scanLines(out, false);
    this.compact();
    return out;
  }

  /** Signals end of file; returns the last message, if any. */
  end(): MboxMessage[] {
    const out: MboxMessage[] = [];
    this.scanLines(out, true);
    if (this.msgStart >= 0) this.emit(out, this.buf.length);
    this.buf = new Uint8Array(0);
    return out;
  }

  private scanLines(out: MboxMessage[], final: boolean): void {
    const buf = this.buf;
    for (;;) {
      const s = this.scan;
      if (s >= buf.length) return;
      let nl = buf.indexOf(10, s);
      if (nl < 0) {
        if (!final) return;
        nl = buf.length;
      }
      this.examine(out, s, nl);
      this.scan = nl + 1;
      this.lineNo += 1;
    }
  }

  private examine(out: MboxMessage[], s: number, nl: number): void {
    const buf = this.buf;
    if (buf[s] === 62 && !this.msgEscaped) {
      let q = s;
      while (buf[q] === 62) q++;
      if (buf[q] === 70 && buf[q + 1] === 114 && buf[q + 2] === 111 && buf[q + 3] === 109 && buf[q + 4] === 32) this.msgEscaped = true;
    }
    const isFrom = buf[s] === 70 && buf[s + 1] === 114 && buf[s + 2] === 111 && buf[s + 3] === 109 && buf[s + 4] === 32;
    if (isFrom) {
      const line = latin1.decode(buf.subarray(s, Math.min(nl, s + 200)));
      if (SEPARATOR.test(line) || (!this.sawContent && this.nextLineIsHeader(nl))) {
        if (this.msgStart >= 0) this.emit(out, s);
        this.msgStart = s;
        this.msgLine = this.lineNo;
        this.msgHasSeparator = true;
        this.sawContent = true;
        return;
      }
    }
    if (!this.sawContent) {
      // Leading blank or whitespace-only lines before the first message are not mail.
      let blank = true;
      for (let i = s; i < nl; i++) {
        const c = buf[i];
        if (c !== 32 && c !== 9 && c !== 13) {
          blank = false;
          break;
        }
      }
      if (blank) return;
      this.sawContent = true;
      this.msgStart = s;
      this.msgLine = this.lineNo;
      this.msgHasSeparator = false;
    }
  }

  private nextLineIsHeader(nl: number): boolean {
    const next = this.buf.subarray(nl + 1, Math.min(this.buf.length, nl + 200));
    const end = next.indexOf(10);
    return HEADER_LINE.test(latin1.decode(end < 0 ? next : next.subarray(0, end)));
  }

  private emit(out: MboxMessage[], end: number): void {
    const original = this.buf.subarray(this.msgStart, end);
    let bodyStart = 0;
    if (this.msgHasSeparator) {
      const nl = original.indexOf(10);
      bodyStart = nl < 0 ? original.length : nl + 1;
    }
    // The blank line before the next separator belongs to the mbox, not to the message.
    let stop = original.length;
    if (end < this.buf.length || this.msgHasSeparator) {
      if (stop >= 2 && original[stop - 1] === 10 && original[stop - 2] === 10) stop -= 1;
      else if (stop >= 3 && original[stop - 1] === 10 && original[stop - 2] === 13 && original[stop - 3] === 10) stop -= 2;
    }
    const content = original.subarray(bodyStart, Math.max(bodyStart, stop));
    const bytes = this.msgEscaped ? unescapeFrom(content, this.flavor) : content;
    this.msgEscaped = false;
    // A real copy (Uint8Array.prototype.slice): a Node Buffer's slice() would be a view into the chunk.
    out.push({ bytes, original: Uint8Array.prototype.slice.call(original), line: this.msgLine, offset: this.base + this.msgStart });
    this.msgStart = -1;
  }

  /** Drops bytes of finished messages so memory stays bounded by the largest message. */
  private compact(): void {
    const keep = this.msgStart >= 0 ? Math.min(this.msgStart, this.scan) : this.scan;
    if (keep === 0) return;
    this.buf = this.buf.slice(keep);
    this.base += keep;
    this.scan -= keep;
    if (this.msgStart >= 0) this.msgStart -= keep;
  }
}

/** Removes one `>` from escaped `From ` lines (mboxrd: `>+From `, mboxo: `>From `). */
export function unescapeFrom(bytes: Uint8Array, flavor: MboxFlavor): Uint8Array {
  let out: number[] | null = null;
  let copied = 0;
  const parts: Uint8Array[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    if (bytes[pos] === 62) {
      let q = pos;
      while (bytes[q] === 62) q++;
      const depth = q - pos;
      const isFrom = bytes[q] === 70 && bytes[q + 1] === 114 && bytes[q + 2] === 111 && bytes[q + 3] === 109 && bytes[q + 4] === 32;
      if (isFrom && (flavor === 'mboxrd' || depth === 1)) {
        parts.push(bytes.subarray(copied, pos));
        copied = pos + 1;
        out = out ?? [];
      }
    }
    const nl = bytes.indexOf(10, pos);
    if (nl < 0) break;
    pos = nl + 1;
  }
  if (out === null) return bytes;
  parts.push(bytes.subarray(copied));
  let len = 0;
  for (const p of parts) len += p.length;
  const joined = new Uint8Array(len);
  let o = 0;
  for (const p of parts) {
    joined.set(p, o);
    o += p.length;
  }
  return joined;
}

/** Splits a whole mbox held in memory (tests, small files); big files should stream. */
export function splitMbox(bytes: Uint8Array, flavor: MboxFlavor = 'mboxrd'): MboxMessage[] {
  const s = new MboxSplitter(flavor);
  return [...s.push(bytes), ...s.end()];
}
