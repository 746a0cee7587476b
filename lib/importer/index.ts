// Files and archives -> store: walking inputs, reading each file's messages, and importing them.
export { importPaths } from './import-paths';
export { isKnowledgeFolder, loadKnowledge } from './load-knowledge';
export type { KnowledgeLoad } from './load-knowledge';
export type { ImportSummary, ImportFailure, ImportProgress, ImportOptions } from './import-paths';
export { parseSource, detectFile, SourceError } from './parse-source';
export type { SourceCopy } from './parse-source';
export { walkInputs } from './walk-inputs';
export type { InputFile } from './walk-inputs';
export { sidecarFor, clearSidecarCache } from './sidecar';
export type { SidecarEntry } from './sidecar';
export { messageFromMail, messageFromPage } from './build-message';
export type { BuiltMessage } from './build-message';
