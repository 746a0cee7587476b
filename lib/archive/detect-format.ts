// Names the format of an input from its first bytes (and name), with the evidence, so that the
// importer picks a reader and the user can see why; `--format` overrides the guess.
import type { ArchiveFormat } from './archive-format';

/** The detected format and the clues that decided it. */
export interface Detection {
  format: ArchiveFormat;
  evidence: string[];
}

const CTIME_FROM = /^From \S* +[A-Za-z]{3} +[A-Za-z]{3} +\d{1,2} +\d{1,2}:\d{2}/;
const HEADER_START = /^[!-9;-~]+:/;
const MAIL_HEADERS = /^(from|date|subject|message-id|received|return-path|to|cc|in-reply-to|references|mime-version|content-type|delivered-to|x-[a-z-]+):/i;
// Detection looks at a bounded prefix so it is constant-time on a 47 MB file.
const SAMPLE_CHARS = 64 * 1024;

/** Guesses the format of `text` (a prefix of the file is enough) and says why. */
export function detectFormat(text: string, filename?: string): Detection {
  const sample = text.slice(0, SAMPLE_CHARS);
  const lines = sample.split('\n', 400).map((l) => l.replace(/\r$/, ''));
  const first = lines.findIndex((l) => l.trim() !== '');
  const head = first < 0 ? '' : (lines[first] ?? '');
  if (CTIME_FROM.test(head) || (head.startsWith('From ') && HEADER_START.test(lines[first + 1] ?? ''))) {
    if (/^From mboxrd@/.test(head) || /\n>>From /.test(sample)) return { format: 'mboxrd', evidence: [`separator line "${head.slice(0, 60)}"`, 'mboxrd escaping (">>From" or a mboxrd@ separator)'] };
    return { format: 'mbox', evidence: [`separator line "${head.slice(0, 60)}"`] };
  }
  const page = detectPage(sample, lines);
  if (page !== null) return page;
  // A header block: it starts with a field, names at least one mail header, and is mostly
  // fields (fuzzed or hand-made mail has a few broken lines, which the decoder reports).
  let headerRun = 0;
  let mailish = 0;
  let broken = 0;
  if (first >= 0 && HEADER_START.test(head)) {
    for (let i = first; i < lines.length; i++) {
      const l = lines[i] ?? '';
      if (l === '') break;
      if (l.startsWith(' ') || l.startsWith('\t')) continue;
      if (!HEADER_START.test(l)) {
        broken++;
        continue;
      }
      headerRun++;
      if (MAIL_HEADERS.test(l)) mailish++;
    }
  }
  if (headerRun >= 2 && mailish >= 1 && broken <= headerRun) {
    return { format: 'eml', evidence: [`${headerRun} header fields before the first blank line${broken > 0 ? ` (${broken} malformed lines)` : ''}`, ...(filename !== undefined ? [`file name ${filename}`] : [])] };
  }
  if (lines.length <= 3 && sample.length > 400) return { format: 'flattened-page', evidence: [`${sample.length} characters on ${lines.length} line(s): newlines were collapsed`] };
  return { format: 'text-page', evidence: ['no separator, header block or archive navigation found'] };
}

/** Archive-page clues, strongest first; null when the text does not look like a known page. */
function detectPage(sample: string, lines: string[]): Detection | null {
  const top = lines.slice(0, 40).join('\n');
  if (/permalink raw reply/.test(sample) || /^Message-ID: .*\(raw\)\s*$/m.test(top) || /\[thread overview\]/.test(top)) {
    return { format: 'lore-page', evidence: ['public-inbox markers ("(raw)", "[thread overview]" or "permalink raw reply")'] };
  }
  if (/^Submitter\b/m.test(top) && /^Message ID\b/m.test(top)) return { format: 'patchwork-page', evidence: ['patchwork "Submitter" and "Message ID" fields'] };
  if (/^(Date|From|Subject)\t/m.test(top) && /^From\t/m.test(top)) return { format: 'lkml-org-page', evidence: ['tab-separated Date/From/Subject block (lkml.org)'] };
  if (/\[day\] \[month\] \[year\] \[list\]/.test(top)) return { format: 'openwall-page', evidence: ['openwall "[day] [month] [year] [list]" navigation'] };
  if (/^Date: \w{3} \w{3} \d{1,2} \d{4} - \d{1,2}:\d{2}:\d{2}/m.test(top)) return { format: 'hypermail-page', evidence: ['hypermail date shape "Www Mmm dd yyyy - hh:mm:ss"'] };
  if (/Messages sorted by: \[ date \]/.test(sample) || /^\s*\* (Next|Previous) message:/m.test(sample)) {
    if (/^\S.* at \S+\.\S+\s*$/m.test(top)) return { format: 'pipermail-page', evidence: ['pipermail navigation and a "name at domain" sender line'] };
    return { format: 'hypermail-page', evidence: ['hypermail "Messages sorted by" navigation'] };
  }
  if (/\[Date Prev\]|\[Thread Prev\]|Prev by Date:|Next by thread:|^\* Follow-Ups:/im.test(sample)) return { format: 'mhonarc-page', evidence: ['MHonArc navigation ("Date Prev", "Prev by Date", "Follow-Ups")'] };
  if (/Reply via email to/.test(sample) || /\b[\w.+-]{1,40}\.\.\.@[\w-]+\.[\w.-]+/.test(sample)) return { format: 'mail-archive-page', evidence: ['mail-archive.com / Google Groups markers ("Reply via email to" or "user...@domain")'] };
  if (lines.length <= 3 && sample.length > 400) return { format: 'flattened-page', evidence: [`${sample.length} characters on ${lines.length} line(s): newlines were collapsed`] };
  return null;
}
