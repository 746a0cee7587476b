// The site's read side: threads as trees of messages with their quote blocks, single messages
// by Message-ID and their original text. Rows are reshaped into the app's own JSON types here.
import type { Block, Diagnostic } from '../mail';
import type { Db } from './open-store';
import { stmt } from './statements';
import { unpackBlocks } from './packed-blocks';

/** One row of the thread list. */
export interface ThreadSummary {
  rootId: string;
  subject: string | null;
  messageCount: number;
  ghostCount: number;
  maxDepth: number;
  firstDate: string | null;
  lastDate: string | null;
}

/** Where one copy of a message came from. */
export interface MessageCopy {
  path: string;
  format: string;
  line: number | null;
  byteOffset: number | null;
  /** Fields filled from a source.json sidecar, by name. */
  sidecar: Record<string, unknown> | null;
  diagnostics: Diagnostic[];
}

/** A stored message with its blocks, thread position and copies. */
export interface StoredMessage {
  messageId: string;
  syntheticId: boolean;
  derived: boolean;
  inReplyTo: string | null;
  references: string[];
  subject: string | null;
  from: { name: string | null; address: string | null };
  date: string | null;
  body: string;
  blocks: Block[];
  diagnostics: Diagnostic[];
  threadRootId: string | null;
  parentId: string | null;
  depth: number;
  copies: MessageCopy[];
}

/** A node of a thread tree: a message, or a ghost (referenced, never seen) with message null. */
export interface ThreadTreeNode {
  messageId: string;
  depth: number;
  ghost: boolean;
  message: StoredMessage | null;
  children: ThreadTreeNode[];
}

/** A whole thread: summary and the tree from its root. */
export interface ThreadTree {
  summary: ThreadSummary;
  root: ThreadTreeNode;
}

interface ThreadRow { root_id: string; subject: string | null; message_count: number; ghost_count: number; max_depth: number; first_date: string | null; last_date: string | null }
interface MessageRow {
  id: number; message_id: string; synthetic_id: number; derived: number; in_reply_to: string | null; references_json: string; subject: string | null;
  from_name: string | null; from_address: string | null; date: string | null; body: string; diagnostics_json: string;
}

function toSummary(r: ThreadRow): ThreadSummary {
  return { rootId: r.root_id, subject: r.subject, messageCount: r.message_count, ghostCount: r.ghost_count, maxDepth: r.max_depth, firstDate: r.first_date, lastDate: r.last_date };
}

/** Threads, most recently active first. */
export function listThreads(db: Db, options: { limit?: number; offset?: number } = {}): ThreadSummary[] {
  const rows = stmt(db, 'SELECT * FROM threads ORDER BY last_date DESC, root_id LIMIT ? OFFSET ?').all(options.limit ?? 1000, options.offset ?? 0) as ThreadRow[];
  return rows.map(toSummary);
}

/** The thread holding this Message-ID (the root's or any member's) as a tree, or null. */
export function getThread(db: Db, messageId: string): ThreadTree | null {
  const at = stmt(db, 'SELECT root_id FROM thread_nodes WHERE message_id = ?').get(messageId) as { root_id: string } | undefined;
  if (at === undefined) return null;
  const summary = stmt(db, 'SELECT * FROM threads WHERE root_id = ?').get(at.root_id) as ThreadRow | undefined;
  if (summary === undefined) return null;
  const nodes = stmt(db, 'SELECT message_id, parent_id, depth, ghost FROM thread_nodes WHERE root_id = ? ORDER BY position').all(at.root_id) as { message_id: string; parent_id: string | null; depth: number; ghost: number }[];
  const byId = new Map<string, ThreadTreeNode>();
  let root: ThreadTreeNode | null = null;
  // Pre-order rows: every parent is built before its children, so one pass links the tree.
  for (const n of nodes) {
    const node: ThreadTreeNode = { messageId: n.message_id, depth: n.depth, ghost: n.ghost === 1, message: n.ghost === 1 ? null : getMessage(db, n.message_id), children: [] };
    byId.set(n.message_id, node);
    const parent = n.parent_id === null ? undefined : byId.get(n.parent_id);
    if (parent === undefined) root = root ?? node;
    else parent.children.push(node);
  }
  return root === null ? null : { summary: toSummary(summary), root };
}

/** One message by Message-ID (without angle brackets), or null. */
export function getMessage(db: Db, messageId: string): StoredMessage | null {
  const r = stmt(db, 'SELECT * FROM messages WHERE message_id = ?').get(stripAngles(messageId)) as MessageRow | undefined;
  if (r === undefined) return null;
  const packed = stmt(db, 'SELECT blocks FROM message_blocks WHERE message_id = ?').get(r.id) as { blocks: string } | undefined;
  const blocks = unpackBlocks(packed?.blocks, r.body);
  const node = stmt(db, 'SELECT root_id, parent_id, depth FROM thread_nodes WHERE message_id = ?').get(r.message_id) as { root_id: string; parent_id: string | null; depth: number } | undefined;
  const copies = (stmt(db, `SELECT s.path, c.format, c.line, c.byte_offset, c.sidecar_json, c.diagnostics_json FROM message_sources c JOIN sources s ON s.id = c.source_id
    WHERE c.message_id = ? AND c.format <> 'derived' ORDER BY s.path, c.ordinal`).all(r.id) as { path: string; format: string; line: number | null; byte_offset: number | null; sidecar_json: string | null; diagnostics_json: string }[])
    .map((c): MessageCopy => ({ path: c.path, format: c.format, line: c.line, byteOffset: c.byte_offset, sidecar: c.sidecar_json === null ? null : (JSON.parse(c.sidecar_json) as Record<string, unknown>), diagnostics: JSON.parse(c.diagnostics_json) as Diagnostic[] }));
  return {
    messageId: r.message_id, syntheticId: r.synthetic_id === 1, derived: r.derived === 1, inReplyTo: r.in_reply_to, references: JSON.parse(r.references_json) as string[],
    subject: r.subject, from: { name: r.from_name, address: r.from_address }, date: r.date, body: r.body, blocks, diagnostics: JSON.parse(r.diagnostics_json) as Diagnostic[],
    threadRootId: node?.root_id ?? null, parentId: node?.parent_id ?? null, depth: node?.depth ?? 0, copies,
  };
}

const utf8 = new TextDecoder('utf-8');

/** The original text of the message's first stored copy (the /raw view), or null. */
export function getRawMessage(db: Db, messageId: string): string | null {
  const row = stmt(db, `SELECT c.raw FROM message_sources c JOIN messages m ON m.id = c.message_id
    WHERE m.message_id = ? AND c.format <> 'derived' ORDER BY c.id LIMIT 1`).get(stripAngles(messageId)) as { raw: Uint8Array } | undefined;
  return row === undefined ? null : utf8.decode(row.raw);
}

function stripAngles(id: string): string {
  return id.trim().replace(/^<(.*)>$/, '$1');
}
