// The explorer's visited set: 64-bit state hashes in an open-addressing table of Int32 pairs
// (linear probing, grown at half load), because a Set of 53-bit doubles boxes every key.

/** A set of 64-bit hashes given as two 32-bit lanes. */
export class VisitedSet {
  private keys: Int32Array;
  private used: Uint8Array;
  private mask: number;
  /** Number of hashes stored. */
  size = 0;

  /** An empty set with room for about `capacity / 2` hashes before it grows. */
  constructor(capacity = 1 << 12) {
    let cap = 16;
    while (cap < capacity) cap *= 2;
    this.keys = new Int32Array(cap * 2);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
  }

  /** Adds the hash; returns false if it was already present. */
  add(lo: number, hi: number): boolean {
    if ((this.size + 1) * 2 > this.used.length) this.grow();
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    while (this.used[i] === 1) {
      if (this.keys[2 * i] === lo && this.keys[2 * i + 1] === hi) return false;
      i = (i + 1) & this.mask;
    }
    this.used[i] = 1;
    this.keys[2 * i] = lo;
    this.keys[2 * i + 1] = hi;
    this.size += 1;
    return true;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldUsed = this.used;
    const cap = oldUsed.length * 2;
    this.keys = new Int32Array(cap * 2);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
    this.size = 0;
    for (let j = 0; j < oldUsed.length; j += 1) if (oldUsed[j] === 1) this.add(oldKeys[2 * j]!, oldKeys[2 * j + 1]!);
  }
}
