// The cost of a depth for a flattened segment given the line before it: how mail clients lay out
// depth changes, empty quoted lines and attributions (see flattened-costs.ts for the weights).
import type { FlattenedCosts } from './flattened-costs';
import type { Segment } from './flattened-segments';

const INF = Number.POSITIVE_INFINITY;

/**
 * Cost of entering a segment with marker run m at depth d after a line at depth p. `continues`:
 * the line before was cut mid-sentence; `trailerAfterProse`: the segment opens with a trailer
 * (`Reviewed-by:`) and the line before was prose.
 */
export function transitionCost(p: number, seg: Segment, d: number, depthMax: number, attrDepth: number, attributions: number, continues: boolean, c: FlattenedCosts, trailerAfterProse = false): number {
  const m = seg.m;
  if (d < 1 || d > m) return INF;
  // Only sums of whole marker tokens can be the depth (a run longer than the states: the deepest).
  if (((seg.depthMask >> d) & 1) === 0 && !(d === depthMax && (seg.depthMask & ((2 << depthMax) - 1)) === 0)) return INF;
  const e = m - d;
  let change: number;
  if (attrDepth >= 0) change = d === attrDepth + 1 ? 0 : d > attrDepth + 1 ? c.attributionDeeper + c.jumpPerLevel * (d - attrDepth - 2) : c.attributionShallower;
  else if (d === p) change = 0;
  else if (d === p + 1) change = c.deeper;
  else if (d < p) change = c.shallower + c.shallowerPerLevel * (p - d - 1);
  else change = c.jump + c.jumpPerLevel * (d - p - 1);
  let total = change;
  if (e > 0) {
    const lo = Math.min(p, d);
    const hi = Math.max(p, d);
    if (attrDepth >= 0 && d === attrDepth + 1 && (e === d || e === attrDepth)) {
      // "> On X wrote:" then "> >" (or ">") then "> > text": the blank sits under the attribution.
      total = c.attributionBlank;
    } else if (p === 0) {
      // After unmarked text the empty quoted lines before a quote are at most as deep as it.
      const unit = attrDepth === 0 ? c.blankAfterAttribution : c.blankAfterOwn;
      total = change + (e <= d ? unit : 2 * unit + unit * Math.ceil(e / d));
    } else if (e === lo) {
      // A depth change usually comes with an empty quoted line at the shallower depth: that
      // pattern costs less than the change alone would.
      total = d === p ? c.paragraph : c.changeWithBlank;
    } else if (e === p + d) {
      // A trailing empty line of the previous depth, then one at the new depth.
      total = d === p ? 2 * c.paragraph + c.blankAtDeeper : c.twoBlanksChange;
    } else if (e === hi) {
      total = change + c.blankAtDeeper;
    } else if (e === 2 * lo) {
      total = change + 2 * c.paragraph + c.blankAtDeeper;
    } else {
      total = change + c.blankOther;
    }
  }
  if (attributions > 0 && d > attributions) total += c.overChain * (d - attributions);
  // ">>>" style: each marker token is one line's whole prefix, so the last token is the depth.
  if (seg.lastGt >= 2 && d > seg.lastGt) total += c.tokenStyle;
  // A sentence cut mid-way continues on the next line at the same depth.
  if (continues && (d !== p || e !== 0)) total += c.brokenSentence;
  // Git puts an empty line between a commit message and its trailers, so a trailer straight
  // after prose at the same depth is rare; `> > text. > > Reviewed-by:` is an empty line at
  // depth 1 and the reviewer's own trailer at depth 1 (the person quoted gave it).
  if (trailerAfterProse && d === p && e === 0) total += c.trailerWithoutBlank;
  return total;
}
