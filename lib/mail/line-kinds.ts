// Single-line tests for the block kinds that are recognised by their first words: list footers,
// trailers, elisions, signature separators and diff lines. Each test looks at a bounded prefix of
// the line so hostile 100,000-character lines cost nothing extra.

// The first words of the footers vger, Google Groups, mailman and mail-archive add to mail.
const FOOTER_STARTS = [
  'To unsubscribe from this list',
  'To unsubscribe from this group',
  'More majordomo info at',
  'Please read the FAQ at',
  'You received this message because you are subscribed to the Google Groups',
  'To post to this group, send email to',
  'For more options, visit https://groups.google.com',
  'To view this discussion on the web visit',
  'Reply via email to',
  '_______________________________________________',
];

/** Whether a line (content without quote markers) starts a mailing-list footer. */
export function isFooterStart(content: string): boolean {
  const s = content.trimStart().slice(0, 120);
  for (const f of FOOTER_STARTS) if (s.startsWith(f)) return true;
  return false;
}

// Trailer keys as kernel tooling (checkpatch, b4) knows them, plus the generic `Xxx-by:`.
const TRAILER = /^(?:[A-Z][A-Za-z]*(?:-[A-Za-z]+)*-by|Fixes|Link|Closes|Cc|CC|Bug|BugLink|Change-Id|Message-ID|Message-Id|Patchwork-Id|Suggested-by|Co-developed-by|Signed-off-by):\s*\S/;

/** Whether a line is a trailer such as `Signed-off-by: Name <addr>`. */
export function isTrailer(content: string): boolean {
  return TRAILER.test(content.trimStart().slice(0, 60));
}

// `[...]`, `[ ... ]`, `[…]`, `[snip]`, `[snipped]`, `<snip>`, `<snip: 40 lines>`, `...snip...`.
const ELISION = /^(?:\[\s*(?:\.{2,}|…|snip(?:ped)?\b[^\]]{0,60})\s*\]|<\s*snip\b[^>]{0,60}>|\.{3}\s*snip\s*\.{3}|-+\s*snip\s*-+|\.{3,}|…)$/i;

/** Whether a line is an elision marker that stands for removed quoted text. */
export function isElision(content: string): boolean {
  const s = content.trim();
  return s.length <= 80 && ELISION.test(s);
}

/** Whether a line is the signature separator `-- ` (archives often lose the trailing space). */
export function isSignatureSeparator(content: string): boolean {
  return content === '-- ' || content === '--' || content === '-- \r' || content === '--\r';
}

/** Whether a line begins a diff (or the `---` line that separates a commit message from its diffstat and diff). */
export function isPatchStart(content: string, next: string | null): boolean {
  if (content.startsWith('diff --git ') || content.startsWith('diff -') || content.startsWith('Index: ')) return true;
  if (content.startsWith('--- ') && next !== null && next.startsWith('+++ ')) return true;
  if (/^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@/.test(content.slice(0, 60))) return true;
  if ((content === '---' || content === '--- ') && next !== null && isDiffstatLine(next)) return true;
  return false;
}

/** Whether a line is a diffstat entry (` fs/x.c | 67 +++---`) or its summary. */
export function isDiffstatLine(content: string): boolean {
  const s = content.slice(0, 200);
  return /^ \S.* \| +(?:\d+ ?[+-]*|Bin\b.*)$/.test(s) || /^ \d+ files? changed/.test(s);
}

/** Whether a line can sit inside a diff: context, added or removed lines, hunk and file headers, diffstat. */
export function isPatchLine(content: string): boolean {
  if (content === '') return true;
  const c = content[0];
  if (c === ' ' || c === '+' || c === '-' || c === '\t') return true;
  if (content.startsWith('@@')) return true;
  if (content.startsWith('\\ No newline')) return true;
  const s = content.slice(0, 40);
  return (
    s.startsWith('diff ') ||
    s.startsWith('index ') ||
    s.startsWith('new file mode') ||
    s.startsWith('deleted file mode') ||
    s.startsWith('old mode') ||
    s.startsWith('new mode') ||
    s.startsWith('similarity index') ||
    s.startsWith('dissimilarity index') ||
    s.startsWith('rename from') ||
    s.startsWith('rename to') ||
    s.startsWith('copy from') ||
    s.startsWith('copy to') ||
    s.startsWith('Binary files') ||
    s.startsWith('GIT binary patch') ||
    s.startsWith('Index: ') ||
    s.startsWith('====')
  );
}
