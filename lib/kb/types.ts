// The plain-JSON shapes lib/kb hands to the store and the site; every one survives JSON.stringify.

/** W3C Web Annotation TextQuoteSelector over the normalised text (see normalizeForAnchoring). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector over the normalised text; only a hint when re-anchoring. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Where a claim's words are: the quote that must be found, and where it was when written. */
export interface Anchor {
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
}

/** How an anchor was found again: exactly, approximately (with a score), or not at all. */
export type AnchorStatus = 'exact' | 'fuzzy' | 'orphaned';

/** The result of resolveAnchor; offsets are in the normalised text, `source*` in the text given. */
export interface ResolvedAnchor {
  status: AnchorStatus;
  /** Start in the normalised text, or -1 when orphaned. */
  start: number;
  /** End (exclusive) in the normalised text, or -1 when orphaned. */
  end: number;
  /** Start in the original text, or -1 when orphaned. */
  sourceStart: number;
  /** End (exclusive) in the original text, or -1 when orphaned. */
  sourceEnd: number;
  /** 1 for an exact match; the match quality in 0..1 otherwise (the best one seen when orphaned). */
  score: number;
}

/** The seven kinds of claim an argument is made of. */
export const CLAIM_KINDS = [
  'bug-report',
  'root-cause',
  'proposed-fix',
  'objection',
  'hypothesis',
  'question',
  'design-principle',
] as const;

/** One of CLAIM_KINDS. */
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** The lifecycle states a claim can be in. */
export const CLAIM_STATES = ['asserted', 'challenged', 'reproduced', 'refuted', 'landed', 'superseded'] as const;

/** One of CLAIM_STATES. */
export type ClaimState = (typeof CLAIM_STATES)[number];

/** A claim's status; `commit` is set for `landed` only, `note` says e.g. what superseded or refuted it. */
export interface ClaimStatus {
  state: ClaimState;
  commit: string | null;
  note: string | null;
}

/** A message named the way its attribution line names it; the importer maps it to a Message-ID. */
export interface MessageRef {
  speaker: string;
  /** `YYYY-MM-DD` (the sender's local date, as the attribution gives it), optionally ` HH:MM` to tell two mails of a day apart, or `YYYY-MM` when only the month is known. */
  date: string;
  messageId: string | null;
}

/** How often a scenario variant violates an invariant over all interleavings (the scenario files' `expect`). */
export type ScenarioVerdict = 'never' | 'sometimes' | 'always';

/** A link from a claim to a scenario variant and the verdict written in that scenario file. */
export interface ScenarioLink {
  scenario: string;
  variant: string;
  invariant: string;
  /** How often `variant` violates `invariant`, exactly as the scenario file expects it. */
  verdict: ScenarioVerdict;
  /** Whether the verdict bears the claim out or contradicts it. */
  relation: 'supports' | 'refutes';
}

/** One technical claim in a thread, anchored in the seed page. */
export interface Claim {
  id: string;
  title: string;
  speaker: string;
  kind: ClaimKind;
  message: MessageRef;
  /** Quote depth at which the words appear in the seed page (0 = the page's own message). */
  depth: number;
  /** Ids of the claims (in the same thread) this one answers. */
  answers: string[];
  status: ClaimStatus;
  anchor: Anchor;
  paraphrase: string;
  scenarios: ScenarioLink[];
  /** What a scenario still has to show, when none is linked yet. */
  scenarioPending: string | null;
  /** Why no scenario can replay this claim. */
  notReplayable: string | null;
  /** 1-based line of the claim's heading in the annotation file. */
  line: number;
}

/** A commit that settled (part of) the thread upstream. */
export interface OutcomeCommit {
  id: string;
  subject: string;
}

/** A thread's annotation: front matter, summary and claims. */
export interface ThreadAnnotation {
  thread: string;
  title: string;
  subject: string;
  lists: string[];
  dates: { first: string; last: string };
  seed: string;
  participants: string[];
  patch: { subject: string; author: string; date: string; messageId: string | null };
  outcome: { summary: string; commits: OutcomeCommit[] };
  subsystems: string[];
  messages: (MessageRef & { depth: number; approximate: boolean })[];
  summary: string;
  claims: Claim[];
}

/** A recoverable problem in a knowledge-base file: where, which claim and field, and why. */
export interface KbDiagnostic {
  file: string;
  line: number;
  claim: string | null;
  field: string | null;
  ruleId: string;
  reason: string;
}

/** What a parser returns: the value when the file was usable, and every problem found. */
export interface ParseResult<T> {
  value: T | null;
  diagnostics: KbDiagnostic[];
}
