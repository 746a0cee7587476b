import { getMessage, getRawMessage, getReadStore } from '@/lib/store';
import { messageFragment, threadUrl } from '@/app/_components/urls';

export const dynamic = 'force-dynamic';

function notFound(what: string): Response {
  return new Response(`threadlab: no message <${what}>\n`, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * /m/<Message-ID> redirects to the message's place in its thread; /m/<Message-ID>/raw serves the
 * original text as the archive held it, as plain text (never HTML, so nothing in it can run).
 * Message-IDs may contain '/', hence the catch-all segment.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string[] }> }): Promise<Response> {
  const segments = (await ctx.params).id;
  const db = getReadStore();
  const wantsRaw = segments.length > 1 && segments[segments.length - 1] === 'raw';
  const id = (wantsRaw ? segments.slice(0, -1) : segments).join('/');
  if (wantsRaw) {
    const raw = getRawMessage(db, id);
    if (raw === null) return notFound(id);
    return new Response(raw, {
      headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'" },
    });
  }
  const msg = getMessage(db, id);
  if (msg === null || msg.threadRootId === null) return notFound(id);
  return new Response(null, { status: 307, headers: { location: threadUrl(msg.threadRootId) + messageFragment(msg.messageId) } });
}
