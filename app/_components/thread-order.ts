import type { ThreadTreeNode } from '@/lib/store';

/** A thread's nodes in reading order (pre-order), walked with an explicit stack. */
export function threadOrder(root: ThreadTreeNode): ThreadTreeNode[] {
  const out: ThreadTreeNode[] = [];
  const stack: ThreadTreeNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!);
  }
  return out;
}
