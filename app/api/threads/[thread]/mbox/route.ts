import { getRawMessage, getReadStore, getThread, type StoredMessage } from '@/lib/store';
import { threadOrder } from '@/app/_components/thread-order';

export const dynamic = 'force-dynamic';

const MAIL_FORMATS = new Set(['mboxrd', 'mbox', 'eml']);
const ASCTIME_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const ASCTIME_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The asctime date of an mbox `From ` line (UTC), or the epoch when the date is unknown. */
function asctime(iso: string | null): string {
  const d = new Date(iso ?? 0);
  const t = Number.isNaN(d.getTime()) ? new Date(0) : d;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${ASCTIME_DAYS[t.getUTCDay()]} ${ASCTIME_MONTHS[t.getUTCMonth()]} ${p(t.getUTCDate())} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())} ${t.getUTCFullYear()}`;
}

/** A header value made safe for one line: newlines in names or subjects must not inject headers. */
function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}

/**
 * One message as mail: the archived raw mail when it was imported as mail; for a scraped page,
 * headers rebuilt from what the page said plus its body text (marked with X-Threadlab-Source).
 */
function asMail(m: StoredMessage, raw: string | null): string {
  const format = m.copies[0]?.format ?? '';
  if (raw !== null && MAIL_FORMATS.has(format)) return raw.endsWith('\n') ? raw : raw + '\n';
  const from = m.from.address !== null ? `${m.from.name ?? ''} <${m.from.address}>`.trim() : (m.from.name ?? 'unknown');
  const headers = [
    `From: ${oneLine(from)}`,
    `Subject: ${oneLine(m.subject ?? '')}`,
    m.date !== null ? `Date: ${new Date(m.date).toUTCString().replace('GMT', '+0000')}` : null,
    `Message-ID: <${oneLine(m.messageId)}>`,
    m.inReplyTo !== null ? `In-Reply-To: <${oneLine(m.inReplyTo)}>` : null,
    m.references.length > 0 ? `References: ${m.references.map((r) => `<${oneLine(r)}>`).join(' ')}` : null,
    'Content-Type: text/plain; charset=utf-8',
    `X-Threadlab-Source: ${oneLine(format)} ${oneLine(m.copies[0]?.path ?? '')}`,
  ].filter((h): h is string => h !== null);
  const body = m.body.endsWith('\n') ? m.body : m.body + '\n';
  return headers.join('\n') + '\n\n' + body;
}

/** mboxrd escaping: every line that is `From ` after any number of `>` gains one more `>`. */
function escapeMboxrd(mail: string): string {
  return mail.replace(/^(>*From )/gm, '>$1');
}

/** /t/<thread>.mbox (rewritten here): the thread's archived messages as one mboxrd file. */
export async function GET(_req: Request, ctx: { params: Promise<{ thread: string }> }): Promise<Response> {
  const id = (await ctx.params).thread;
  const db = getReadStore();
  const thread = getThread(db, id);
  if (thread === null) {
    return new Response(`threadlab: no thread <${id}>\n`, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  let out = '';
  for (const node of threadOrder(thread.root)) {
    const m = node.message;
    if (m === null || m.derived) continue;
    const mail = asMail(m, getRawMessage(db, m.messageId));
    out += `From ${m.from.address ?? 'MAILER-DAEMON'} ${asctime(m.date)}\n${escapeMboxrd(mail)}\n`;
  }
  const name = `${thread.summary.rootId.replace(/[^A-Za-z0-9._@-]+/g, '_')}.mbox`;
  return new Response(out, {
    headers: { 'content-type': 'application/mbox; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` },
  });
}
