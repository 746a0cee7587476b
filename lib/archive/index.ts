// Archive formats: detection and pure readers (mbox splitting, scraped pages).
export { ARCHIVE_FORMATS, isArchiveFormat, isMailFormat } from './archive-format';
export type { ArchiveFormat } from './archive-format';
export { detectFormat } from './detect-format';
export type { Detection } from './detect-format';
export { MboxSplitter, splitMbox, unescapeFrom } from './split-mbox';
export type { MboxFlavor, MboxMessage } from './split-mbox';
export { readPage } from './read-page';
export type { PageMessage } from './read-page';
