// Many messages: strict threading, content ids, and (from reconstruct-ancestors.ts) the quoted
// ancestors rebuilt from a message's quotes.
export { buildThreads, walkThread } from './build-threads';
export type { ThreadInput, ThreadNode, ThreadDiagnostic, Threading } from './build-threads';
export { blocksContentKey, contentKey, contentMessageId, fnv1a64Hex, normalizedWords } from './content-id';
export { reconstructAncestors } from './reconstruct-ancestors';
