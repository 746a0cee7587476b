/** Similarity in 0..1 of two short word sequences: 1 minus their word edit distance over the longer length. */
export function sequenceSimilarity(a: readonly string[], b: readonly string[]): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  // Two rolling rows: the sequences are context snippets of a few words, never user-sized.
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j += 1) prev[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const same = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j - 1] as number) + same, (prev[j] as number) + 1, (cur[j - 1] as number) + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return 1 - (prev[b.length] as number) / longest;
}
