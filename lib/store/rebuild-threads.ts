// Rebuilds the thread forest (thread_nodes, threads) from every stored message's References.
// Threading is a function of the whole set of messages (a later file can supply a missing
// parent), so it is recomputed after an import rather than patched incrementally.
import { buildThreads, walkThread } from '../thread';
import type { Db } from './open-store';
import { stmt } from './statements';

/** Counts of the rebuilt forest. */
export interface ThreadStats {
  threads: number;
  ghosts: number;
}

/** Recomputes thread_nodes and threads in one transaction. */
export function rebuildThreads(db: Db): ThreadStats {
  const rows = stmt(db, 'SELECT message_id, references_json, date, subject FROM messages').all() as { message_id: string; references_json: string; date: string | null; subject: string | null }[];
  const subjects = new Map<string, string | null>();
  const inputs = rows.map((r) => {
    subjects.set(r.message_id, r.subject);
    return { id: r.message_id, references: JSON.parse(r.references_json) as string[], date: r.date };
  });
  const t = buildThreads(inputs);
  let ghosts = 0;
  db.transaction(() => {
    stmt(db, "DELETE FROM store_state WHERE key = 'threads_stale'").run();
    stmt(db, 'DELETE FROM thread_nodes').run();
    stmt(db, 'DELETE FROM threads').run();
    const node = stmt(db, 'INSERT INTO thread_nodes (message_id, root_id, parent_id, depth, position, ghost) VALUES (?, ?, ?, ?, ?, ?)');
    const thread = stmt(db, 'INSERT INTO threads (root_id, subject, message_count, ghost_count, max_depth, first_date, last_date) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const root of t.roots) {
      const nodes = walkThread(t, root);
      let count = 0;
      let ghostCount = 0;
      let maxDepth = 0;
      let first: string | null = null;
      let last: string | null = null;
      let subject: string | null = null;
      nodes.forEach((n, i) => {
        node.run(n.id, root, n.parent, n.depth, i, n.ghost ? 1 : 0);
        if (n.ghost) ghostCount++;
        else {
          count++;
          if (subject === null) subject = subjects.get(n.id) ?? null;
          if (n.date !== null && (first === null || n.date < first)) first = n.date;
          if (n.date !== null && (last === null || n.date > last)) last = n.date;
        }
        if (n.depth > maxDepth) maxDepth = n.depth;
      });
      ghosts += ghostCount;
      thread.run(root, subject, count, ghostCount, maxDepth, first, last);
    }
  })();
  return { threads: t.roots.length, ghosts };
}

/** Whether a file was imported since the last rebuild (an import killed in between leaves this set). */
export function threadsStale(db: Db): boolean {
  return stmt(db, "SELECT 1 FROM store_state WHERE key = 'threads_stale'").get() !== undefined;
}
