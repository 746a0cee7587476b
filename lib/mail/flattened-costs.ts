// The costs the flattened-text recovery weighs its choices with (lower = more likely). They
// were set by reasoning about how mail clients quote, then adjusted by measurement on the ext4
// list (lib/mail/README.md, docs/depth-accuracy.md); the thread files stayed out of the tuning.

/** Costs of the depth and split choices in parseFlattened, in arbitrary units (negative log-likelihood-like). */
export interface FlattenedCosts {
  /** Going one level deeper without a blank line. */
  deeper: number;
  /** Going shallower without a blank line, plus `shallowerPerLevel` per extra level. */
  shallower: number;
  shallowerPerLevel: number;
  /** Going two or more levels deeper, plus `jumpPerLevel` per extra level. */
  jump: number;
  jumpPerLevel: number;
  /** After an attribution at depth q: a depth other than q+1 (shallower / deeper). */
  attributionShallower: number;
  attributionDeeper: number;
  /** After an attribution at depth q: an empty line at depth q or q+1, then the text at q+1. */
  attributionBlank: number;
  /** Empty quoted lines before a quote that follows unmarked text. */
  blankAfterOwn: number;
  /** Empty quoted lines before a quote that follows a depth-0 attribution line. */
  blankAfterAttribution: number;
  /** An empty quoted line between paragraphs at the same depth. */
  paragraph: number;
  /** A depth change with an empty quoted line at the shallower depth. */
  changeWithBlank: number;
  /** A depth change with an empty line of each depth between. */
  twoBlanksChange: number;
  /** Other blank-line patterns (added to the change cost). */
  blankAtDeeper: number;
  blankOther: number;
  /** A depth beyond the last marker token when that token is `>>`-style (one token per line prefix). */
  tokenStyle: number;
  /** Per level deeper than the attribution chain. */
  overChain: number;
  /** A sentence cut mid-line that does not continue at the same depth. */
  brokenSentence: number;
  /** A quoted trailer right after quoted prose at the same depth with no empty line between. */
  trailerWithoutBlank: number;
  /** Ending the quoted line at a sentence end followed by a capital / sentence end only / capital only / neither. */
  splitSentence: number;
  splitEndOnly: number;
  splitCapOnly: number;
  splitNone: number;
  /** Bonus for a split before a typical reply opener ("I", "Yes", "Right", ...). */
  replyOpener: number;
  /** The marker run ended with an empty line and all the words are unmarked. */
  splitAll: number;
  /** Keeping an over-long run as one quoted line: base plus per character over the width. */
  keepOverBase: number;
  keepOverPerChar: number;
  /** Splitting beyond the width: base plus per character. */
  splitOverBase: number;
  splitOverPerChar: number;
}

/** The costs parseFlattened uses unless told otherwise. */
export const FLATTENED_COSTS: Readonly<FlattenedCosts> = Object.freeze({
  deeper: 1.7689,
  shallower: 1.33,
  shallowerPerLevel: 0.125,
  jump: 0.2805,
  jumpPerLevel: 1.33,
  attributionShallower: 2,
  attributionDeeper: 0.5,
  attributionBlank: 0.2,
  blankAfterOwn: 0.0938,
  blankAfterAttribution: 0.25,
  paragraph: 0.532,
  changeWithBlank: 0.8845,
  twoBlanksChange: 1.0613,
  blankAtDeeper: 1.064,
  blankOther: 2.25,
  tokenStyle: 0.5,
  overChain: 0.1875,
  brokenSentence: 0.75,
  trailerWithoutBlank: 2,
  splitSentence: 1.5,
  splitEndOnly: 5,
  splitCapOnly: 1.75,
  splitNone: 5.985,
  replyOpener: 2.1227,
  splitAll: 10.6134,
  keepOverBase: 1.125,
  keepOverPerChar: 0.0938,
  splitOverBase: 1.5,
  splitOverPerChar: 0.125,
});
