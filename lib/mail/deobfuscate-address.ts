// Archive pages hide addresses from harvesters in five ways. We keep what was written (a reader
// must be able to find the same text on the page) and recover the address only where the scheme
// leaves it recoverable; who the person is gets decided by name elsewhere.

/** An address as a page wrote it, with the real address when it can be recovered. */
export interface DeobfuscatedAddress {
  /** The input as written (trimmed). */
  written: string;
  /** The display name when the input had one (`Name <addr>`). */
  name?: string;
  /** The real address, or null when the scheme destroyed it (or none was written). */
  address: string | null;
  /** True when one of the five obfuscation schemes was recognised. */
  obfuscated: boolean;
}

// A plain address: conservative on purpose, it only decides whether text *is* an address.
const PLAIN = /^[A-Za-z0-9._%+=~!#$&'*/?^`{|}-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;
// lkml.iu.edu / spinics: the domain (dots included) replaced by x's: `david@xxxxxxxxxxxxx`.
const XED = /^[^\s@]+@x+(?:\.x+)*$/i;
// Google Groups: the local part cut after a few letters: `c...@fb.com`.
const TRUNCATED = /^[^\s@]*\.\.\.@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;
// Cloudflare's email protection and mail-archive's placeholder.
const CLOUDFLARE = /^\[email(?:&#160;|\s)protected\]$/i;
const PROTECTED = /^\[EMAIL PROTECTED\]$/;
// Hypermail / marc: `user at domain dot com` or `user at domain.com`, any case.
const SPELLED = /^([A-Za-z0-9._%+-]+)\s+(?:at|AT|\(at\)|\[at\])\s+([A-Za-z0-9-]+(?:(?:\s+(?:dot|DOT|\(dot\)|\[dot\])\s+|\.)[A-Za-z0-9-]+)+)$/;

/** Split `Name <addr>` / `"Name" <addr>` / `addr (Name)` into name and address text. */
function splitNameAddress(s: string): { name?: string; addr: string } {
  const lt = s.lastIndexOf('<');
  const gt = s.lastIndexOf('>');
  if (lt >= 0 && gt > lt) {
    // Spanish Gmail writes `Name (<addr>)`: the parenthesis belongs to neither part.
    const name = unquote(s.slice(0, lt).replace(/\(\s*$/, '').trim());
    const addr = s.slice(lt + 1, gt).trim();
    return name ? { name, addr } : { addr };
  }
  const lp = s.indexOf('(');
  const rp = s.lastIndexOf(')');
  if (lp > 0 && rp > lp) {
    const inside = s.slice(lp + 1, rp).trim();
    const outside = s.slice(0, lp).trim();
    // `Name (addr)` (Spanish Gmail) or `addr (Name)` (old style).
    if (/@|\bat\b|protected/i.test(inside)) return outside ? { name: unquote(outside), addr: inside.replace(/^<|>$/g, '') } : { addr: inside };
    return inside ? { name: unquote(inside), addr: outside } : { addr: outside };
  }
  return { addr: s };
}

/** Remove one pair of surrounding double quotes from a display name. */
function unquote(s: string): string {
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).trim() : s;
}

/** Recognise the five obfuscation schemes in an address (optionally with a display name) and recover what can be recovered. */
export function deobfuscateAddress(s: string): DeobfuscatedAddress {
  const written = s.trim();
  // Addresses are short; anything longer is not one, and the regexes below stay cheap.
  if (written.length > 320) return { written, address: null, obfuscated: false };
  const { name, addr } = splitNameAddress(written);
  const base = name !== undefined ? { written, name } : { written };
  if (CLOUDFLARE.test(addr) || PROTECTED.test(addr) || XED.test(addr) || TRUNCATED.test(addr)) {
    return { ...base, address: null, obfuscated: true };
  }
  const spelled = SPELLED.exec(addr);
  if (spelled) {
    const domain = (spelled[2] ?? '').replace(/\s+(?:dot|DOT|\(dot\)|\[dot\])\s+/g, '.');
    return { ...base, address: `${spelled[1] ?? ''}@${domain}`, obfuscated: true };
  }
  if (PLAIN.test(addr)) return { ...base, address: addr, obfuscated: false };
  return { ...base, address: null, obfuscated: false };
}
