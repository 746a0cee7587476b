import { getReadStore, getThread, type StoredMessage, type ThreadTreeNode } from '@/lib/store';
import { jsonError } from '@/app/_components/api/json-error';

export const dynamic = 'force-dynamic';

/** One node of the thread as the API gives it: flat, in reading order, with its parent's id. */
interface ApiThreadNode {
  messageId: string;
  parentId: string | null;
  depth: number;
  ghost: boolean;
  message: StoredMessage | null;
}

/** The tree flattened in pre-order with parent ids (an explicit stack: threads can be 10,000 replies deep, and so would nested JSON). */
function flatten(root: ThreadTreeNode): ApiThreadNode[] {
  const out: ApiThreadNode[] = [];
  const stack: Array<[ThreadTreeNode, string | null]> = [[root, null]];
  while (stack.length > 0) {
    const [node, parentId] = stack.pop()!;
    out.push({ messageId: node.messageId, parentId, depth: node.depth, ghost: node.ghost, message: node.message });
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push([node.children[i]!, node.messageId]);
  }
  return out;
}

/** GET /api/threads/<Message-ID>: the thread holding that message, every node with its blocks. */
export async function GET(_req: Request, ctx: { params: Promise<{ thread: string }> }): Promise<Response> {
  const id = (await ctx.params).thread;
  const thread = getThread(getReadStore(), id);
  if (thread === null) return jsonError(404, `no thread holds <${id}>`);
  return Response.json({ summary: thread.summary, nodes: flatten(thread.root) });
}
