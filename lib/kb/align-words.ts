/** The cheapest placement of a quote's words inside a window of text words. */
export interface WordAlignment {
  /** Edit cost: 1 per missing or extra word, 1 per changed word, 0.5 per one-letter slip. */
  cost: number;
  /** First window word of the placement. */
  from: number;
  /** One past the last window word of the placement. */
  to: number;
}

function oneEditApart(a: string, b: string): boolean {
  // A typo fix ("ulock_page" -> "unlock_page") should cost less than a different word.
  if (a.length < 4 || b.length < 4 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function substitution(a: string, b: string): number {
  if (a === b) return 0;
  return oneEditApart(a, b) ? 0.5 : 1;
}

/**
 * Semi-global word alignment: the whole quote must be placed, the window's ends are free.
 * O(quote words x window words) with two rolling rows; callers bound both sizes.
 */
export function alignWords(quote: readonly string[], window: readonly string[]): WordAlignment {
  const w = window.length;
  let prev = new Array<number>(w + 1).fill(0);
  let prevFrom = Array.from({ length: w + 1 }, (_, j) => j);
  let cur = new Array<number>(w + 1).fill(0);
  let curFrom = new Array<number>(w + 1).fill(0);
  for (let i = 1; i <= quote.length; i += 1) {
    cur[0] = i;
    curFrom[0] = 0;
    const q = quote[i - 1] as string;
    for (let j = 1; j <= w; j += 1) {
      const diag = (prev[j - 1] as number) + substitution(q, window[j - 1] as string);
      const up = (prev[j] as number) + 1;
      const left = (cur[j - 1] as number) + 1;
      if (diag <= up && diag <= left) {
        cur[j] = diag;
        curFrom[j] = prevFrom[j - 1] as number;
      } else if (up <= left) {
        cur[j] = up;
        curFrom[j] = prevFrom[j] as number;
      } else {
        cur[j] = left;
        curFrom[j] = curFrom[j - 1] as number;
      }
    }
    [prev, cur] = [cur, prev];
    [prevFrom, curFrom] = [curFrom, prevFrom];
  }
  let best = 0;
  for (let j = 1; j <= w; j += 1) if ((prev[j] as number) < (prev[best] as number)) best = j;
  return { cost: prev[best] as number, from: prevFrom[best] as number, to: best };
}
