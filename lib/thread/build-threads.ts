// Strict threading in the public-inbox manner: links come only from Message-ID, References and
// In-Reply-To (never from subjects); missing parents become ghosts; copies of one Message-ID
// are one node; links that would close a loop are refused. Everything is iterative and the
// result depends only on the set of messages, never on their order.

/** What threading needs to know of a message. */
export interface ThreadInput {
  id: string;
  /** Ancestry, oldest first; the last entry is the parent. */
  references: readonly string[];
  /** ISO date, used only to order siblings. */
  date: string | null;
}

/** One node of a thread tree: a message or a ghost (referenced but never seen). */
export interface ThreadNode {
  id: string;
  parent: string | null;
  children: string[];
  ghost: boolean;
  depth: number;
  /** The id of the root of this node's tree. */
  root: string;
  /** Earliest date in the node's subtree, for ordering. */
  date: string | null;
}

/** A refused link or merged duplicate, reported against a message id. */
export interface ThreadDiagnostic {
  id: string;
  ruleId: 'thread-loop' | 'duplicate-message-id';
  reason: string;
}

/** The forest: every node by id, roots ordered by date, and what was refused. */
export interface Threading {
  nodes: Map<string, ThreadNode>;
  roots: string[];
  diagnostics: ThreadDiagnostic[];
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Builds the thread forest of a set of messages. */
export function buildThreads(inputs: readonly ThreadInput[]): Threading {
  const diagnostics: ThreadDiagnostic[] = [];
  const merged = mergeDuplicates(inputs, diagnostics);
  const ids = [...merged.keys()].sort(byId);
  const parent = new Map<string, string | null>();
  for (const id of ids) {
    const refs = merged.get(id)!.references;
    parent.set(id, refs.length > 0 ? (refs[refs.length - 1] as string) : null);
  }
  linkGhosts(ids, merged, parent);
  refuseLoops(parent, diagnostics);
  return assemble(merged, parent, diagnostics);
}

/** One entry per id; of several copies the one with the longest References wins (then the smallest). */
function mergeDuplicates(inputs: readonly ThreadInput[], diagnostics: ThreadDiagnostic[]): Map<string, ThreadInput> {
  const merged = new Map<string, ThreadInput>();
  const counts = new Map<string, number>();
  for (const raw of inputs) {
    const input = { id: raw.id, references: raw.references.filter((r) => r !== raw.id), date: raw.date };
    const had = merged.get(input.id);
    counts.set(input.id, (counts.get(input.id) ?? 0) + 1);
    if (had === undefined || better(input, had)) merged.set(input.id, input);
  }
  for (const [id, n] of [...counts].sort((a, b) => byId(a[0], b[0]))) {
    if (n > 1) diagnostics.push({ id, ruleId: 'duplicate-message-id', reason: `${n} copies of <${id}> kept as one message` });
  }
  return merged;
}

function better(a: ThreadInput, b: ThreadInput): boolean {
  if (a.references.length !== b.references.length) return a.references.length > b.references.length;
  const ka = `${a.references.join(' ')}\n${a.date ?? ''}`;
  const kb = `${b.references.join(' ')}\n${b.date ?? ''}`;
  return ka < kb;
}

/** A ghost's parent is the id before it in References chains, by majority vote, then smallest id. */
function linkGhosts(ids: string[], merged: Map<string, ThreadInput>, parent: Map<string, string | null>): void {
  const votes = new Map<string, Map<string, number>>();
  for (const id of ids) {
    const refs = merged.get(id)!.references;
    for (let j = 0; j < refs.length; j++) {
      const r = refs[j] as string;
      if (merged.has(r)) continue;
      const byParent = votes.get(r) ?? new Map<string, number>();
      votes.set(r, byParent);
      if (j > 0) {
        const p = refs[j - 1] as string;
        if (p !== r) byParent.set(p, (byParent.get(p) ?? 0) + 1);
      }
    }
  }
  for (const ghost of [...votes.keys()].sort(byId)) {
    let best: string | null = null;
    let bestVotes = 0;
    for (const [p, n] of votes.get(ghost)!) {
      if (n > bestVotes || (n === bestVotes && best !== null && p < best)) {
        best = p;
        bestVotes = n;
      }
    }
    parent.set(ghost, best);
  }
  // A ghost parent that is referenced only as a parent (never in a chain) still needs a node.
  for (const p of [...parent.values()]) if (p !== null && !parent.has(p)) parent.set(p, null);
}

/** Cuts every cycle at its smallest id, walking each chain once (linear, iterative). */
function refuseLoops(parent: Map<string, string | null>, diagnostics: ThreadDiagnostic[]): void {
  const state = new Map<string, 1 | 2>();
  for (const start of [...parent.keys()].sort(byId)) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let cur: string | null = start;
    while (cur !== null && !state.has(cur)) {
      state.set(cur, 1);
      path.push(cur);
      cur = parent.get(cur) ?? null;
    }
    if (cur !== null && state.get(cur) === 1) {
      const cycle = path.slice(path.indexOf(cur));
      const cut = cycle.reduce((a, b) => (b < a ? b : a));
      diagnostics.push({ id: cut, ruleId: 'thread-loop', reason: `References form a loop through ${cycle.length} message(s); <${cut}> made a root` });
      parent.set(cut, null);
    }
    for (const p of path) state.set(p, 2);
  }
}

function assemble(merged: Map<string, ThreadInput>, parent: Map<string, string | null>, diagnostics: ThreadDiagnostic[]): Threading {
  const nodes = new Map<string, ThreadNode>();
  for (const [id, p] of parent) {
    nodes.set(id, { id, parent: p, children: [], ghost: !merged.has(id), depth: 0, root: id, date: merged.get(id)?.date ?? null });
  }
  const roots: string[] = [];
  for (const n of nodes.values()) {
    if (n.parent === null) roots.push(n.id);
    else nodes.get(n.parent)!.children.push(n.id);
  }
  // Breadth-first from the roots: depth and root, and the order in which subtree dates settle.
  const order: string[] = [];
  for (const r of roots) {
    const queue = [r];
    for (let q = 0; q < queue.length; q++) {
      const n = nodes.get(queue[q] as string)!;
      order.push(n.id);
      for (const c of n.children) {
        const child = nodes.get(c)!;
        child.depth = n.depth + 1;
        child.root = r;
        queue.push(c);
      }
    }
  }
  // Ghost dates come from their earliest descendant (reverse BFS order visits children first).
  for (let k = order.length - 1; k >= 0; k--) {
    const n = nodes.get(order[k] as string)!;
    if (n.parent === null) continue;
    const p = nodes.get(n.parent)!;
    if (p.ghost && n.date !== null && (p.date === null || n.date < p.date)) p.date = n.date;
  }
  const cmp = (a: string, b: string): number => {
    const da = nodes.get(a)!.date ?? '';
    const db = nodes.get(b)!.date ?? '';
    return da !== db ? (da < db ? -1 : 1) : byId(a, b);
  };
  for (const n of nodes.values()) n.children.sort(cmp);
  roots.sort(cmp);
  return { nodes, roots, diagnostics };
}

/** The nodes of one tree in display order (pre-order), with an explicit stack. */
export function walkThread(threading: Threading, root: string): ThreadNode[] {
  const out: ThreadNode[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const n = threading.nodes.get(stack.pop() as string);
    if (n === undefined) continue;
    out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as string);
  }
  return out;
}
