// The door of lib/mail: one message's body as a quote tree, attribution lines, addresses.
// Other modules import only from here.
export type { Block, BlockKind, Diagnostic, ParsedMessage, Speaker } from './types';
export { parseBody } from './parse-body';
export type { BodyContext, ParsedBody } from './parse-body';
export { parseAttribution } from './parse-attribution';
export type { Attribution } from './parse-attribution';
export { deobfuscateAddress } from './deobfuscate-address';
export type { DeobfuscatedAddress } from './deobfuscate-address';
export { parseLooseDate } from './parse-loose-date';
export type { LooseDate } from './parse-loose-date';
export { isFlattened } from './is-flattened';
export { quotePrefix } from './quote-prefix';
export type { QuotePrefix } from './quote-prefix';
export { linkAnswers } from './link-answers';
export { measureDepthAgreement, flattenBody } from './measure-depth-agreement';
export type { DepthAgreement } from './measure-depth-agreement';
export { splitMboxBodies } from './split-mbox-bodies';
export { decodeMessage, messageIdsIn, normalizeMessageId } from './decode-message';
export type { DecodedMessage } from './decode-message';
export { decodeDate } from './decode-date';
