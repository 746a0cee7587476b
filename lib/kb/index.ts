// lib/kb: claims, anchors, catalogues and citations. Pure: no Node, DOM, Next or database imports.
export type {
  Anchor,
  AnchorStatus,
  Claim,
  ClaimKind,
  ClaimState,
  ClaimStatus,
  KbDiagnostic,
  MessageRef,
  OutcomeCommit,
  ParseResult,
  ResolvedAnchor,
  ScenarioLink,
  ScenarioVerdict,
  TextPositionSelector,
  TextQuoteSelector,
  ThreadAnnotation,
} from './types';
export { CLAIM_KINDS, CLAIM_STATES } from './types';
export type { Invariant, Subsystem } from './catalogue-types';
export { normalizeForAnchoring, normalizeWithOffsets, type NormalizedText } from './normalize-for-anchoring';
export { resolveAnchor, ANCHOR_ORPHAN_THRESHOLD, ANCHOR_MIN_QUOTE_SIMILARITY } from './resolve-anchor';
export { anchorFor, ANCHOR_CONTEXT_CHARS } from './anchor-for';
export { completeAnchors, type CompletedAnchors } from './complete-anchors';
export { parseAnnotation } from './parse-annotation';
export { checkAnchors } from './check-anchors';
export { REPLAYABLE_KINDS } from './check-claims';
export { parseInvariant } from './parse-invariant';
export { parseSubsystem } from './parse-subsystem';
export { checkCatalogueReferences } from './check-catalogue-references';
export { checkScenarioLinks, type ScenarioSummary } from './check-scenario-links';
export { citeScenario, type Citation, type ScenarioCitationInput } from './cite-scenario';
export { citeClaim, messageIdPath, type ClaimCitationInput } from './cite-claim';
export { toWebAnnotation, type WebAnnotation } from './to-web-annotation';
