// Pure-JS hashing over canonical JSON: the same data gives the same hash in Node and in a browser
// (no node:crypto, no Math.random, no key-order dependence).

/** JSON with object keys sorted at every level, iteratively (no recursion over user data). */
export function canonicalJson(value: unknown): string {
  type Frame = { kind: 'value'; v: unknown } | { kind: 'text'; t: string };
  const out: string[] = [];
  const stack: Frame[] = [{ kind: 'value', v: value }];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (f.kind === 'text') {
      out.push(f.t);
      continue;
    }
    const v = f.v;
    if (v === null || typeof v !== 'object') {
      out.push(v === undefined ? 'null' : JSON.stringify(v));
      continue;
    }
    const frames: Frame[] = [];
    if (Array.isArray(v)) {
      frames.push({ kind: 'text', t: '[' });
      v.forEach((item, i) => {
        if (i > 0) frames.push({ kind: 'text', t: ',' });
        frames.push({ kind: 'value', v: item });
      });
      frames.push({ kind: 'text', t: ']' });
    } else {
      const rec = v as Record<string, unknown>;
      const keys = Object.keys(rec).filter((k) => rec[k] !== undefined).sort();
      frames.push({ kind: 'text', t: '{' });
      keys.forEach((k, i) => {
        frames.push({ kind: 'text', t: `${i > 0 ? ',' : ''}${JSON.stringify(k)}:` });
        frames.push({ kind: 'value', v: rec[k] });
      });
      frames.push({ kind: 'text', t: '}' });
    }
    for (let i = frames.length - 1; i >= 0; i -= 1) stack.push(frames[i]!);
  }
  return out.join('');
}

/** A 53-bit hash of a string (cyrb53: two multiply-xorshift lanes); used as a visited-set key. */
export function hash53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i += 1) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** FNV-1a 32-bit over UTF-16 code units. */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 64-bit content hash as 16 hex digits: FNV-1a and cyrb53's low word, for citations. */
export function contentHash64(s: string): string {
  const a = fnv1a32(s).toString(16).padStart(8, '0');
  const b = (hash53(s, 0x9e3779b9) % 4294967296).toString(16).padStart(8, '0');
  return a + b;
}
