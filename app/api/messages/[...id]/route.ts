import { getMessage, getReadStore } from '@/lib/store';
import { jsonError } from '@/app/_components/api/json-error';

export const dynamic = 'force-dynamic';

/** GET /api/messages/<Message-ID>: one message with its blocks, thread position and copies (Message-IDs may hold '/', hence the catch-all). */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string[] }> }): Promise<Response> {
  const id = (await ctx.params).id.join('/');
  const message = getMessage(getReadStore(), id);
  if (message === null) return jsonError(404, `no message <${id}>`);
  return Response.json({ message });
}
