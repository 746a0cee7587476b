// The names of the input formats the readers understand, shared by detection, readers and CLI.

/** Every format `detectFormat` can name (and `--format` can force). */
export const ARCHIVE_FORMATS = [
  'mboxrd', // mbox with >From escaping (public-inbox, b4 exports)
  'mbox', // classic mboxo
  'eml', // one RFC 5322 message, no separator
  'lore-page', // a lore.kernel.org / public-inbox message page as text
  'hypermail-page', // lkml.iu.edu and other hypermail archives: subject line, From:/Date: block
  'lkml-org-page', // lkml.org: tab-separated Date/From/Subject block
  'mhonarc-page', // MHonArc archives (spinics, marc-like): Subject:/From:/Date: block with nav lines
  'mail-archive-page', // mail-archive.com / Google Groups: "Reply via email to", `...@` obfuscation
  'pipermail-page', // Mailman pipermail: "[List] subject", "name at domain"
  'openwall-page', // openwall lists: "[day] [month] [year] [list]" navigation
  'patchwork-page', // patchwork patch/comment pages: Submitter/Message ID fields
  'flattened-page', // any archive page whose newlines were collapsed into one line
  'text-page', // a scraped page with no recognisable header block
] as const;

/** One of ARCHIVE_FORMATS. */
export type ArchiveFormat = (typeof ARCHIVE_FORMATS)[number];

/** Whether a string names a known format (for validating `--format`). */
export function isArchiveFormat(s: string): s is ArchiveFormat {
  return (ARCHIVE_FORMATS as readonly string[]).includes(s);
}

/** Whether the format holds raw RFC 5322 mail (as opposed to a scraped web page). */
export function isMailFormat(f: ArchiveFormat): boolean {
  return f === 'mboxrd' || f === 'mbox' || f === 'eml';
}
