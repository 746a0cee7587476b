// The worker side of parseSourceInWorker: splits and decodes the file (readSource) and posts
// the items in batches, waiting for the main thread to take a batch whenever too many are in
// flight. Mail is posted decoded for the main thread to build its quote tree while it has
// nothing to write, or with the tree built here, already in the rows the store writes.
import type { MessagePort } from 'node:worker_threads';
import type { ArchiveFormat } from '../archive';
import { finishItem, readSource, type DecodedCopy, type SourceCopy } from './parse-source';
// Straight from the file, not through the store's door, which would load SQLite into this thread.
import { messageRows, type MessageRows } from '../store/message-rows';

/** A finished copy in the store's form: its rows computed, `message.blocks` left empty. */
export type PackedCopy = SourceCopy & { rows: MessageRows };

/** What the worker posts: mail decoded only (the main thread builds its tree), or a packed copy. */
export type WorkerItem = { kind: 'decoded'; item: DecodedCopy } | { kind: 'packed'; copy: PackedCopy };

/** Index of the shared counter of batches the main thread has taken. */
export const TAKEN = 0;
/** Index of the shared count of items the main thread parsed itself before this thread started. */
export const HEAD = 1;
/** Set in HEAD by this thread when it takes over: from then on the main thread claims no more items. */
export const HEAD_CLOSED = 1 << 30;

/** Reads `path` and streams its items to `port` with back-pressure. */
export async function runParseWorker(port: MessagePort, data: { path: string; format: ArchiveFormat | null; batch: number; inFlight: number; shared: SharedArrayBuffer }): Promise<void> {
  // Back-pressure through a shared counter of batches the main thread has taken: cheaper than
  // a message per batch, and this thread may block on it (it has nothing else to do then).
  const shared = new Int32Array(data.shared);
  // The main thread parses the head of the file while this thread loads, claiming one item at
  // a time. This thread reads past the items claimed, and closes the head at the first item
  // the main thread has not claimed, just before decoding it: from then on every item is ours.
  let closedAt = -1;
  const owned = (index: number): boolean => {
    if (closedAt >= 0) return true;
    for (;;) {
      const claimed = Atomics.load(shared, HEAD);
      if (index < claimed) return false;
      if (Atomics.compareExchange(shared, HEAD, claimed, claimed | HEAD_CLOSED) === claimed) {
        closedAt = index;
        return true;
      }
    }
  };
  let sent = 0;
  const inFlight = () => sent - Atomics.load(shared, TAKEN);
  const send = async (items: WorkerItem[]) => {
    for (;;) {
      const seen = Atomics.load(shared, TAKEN);
      if (sent - seen < data.inFlight) break;
      Atomics.wait(shared, TAKEN, seen, 1000);
    }
    sent++;
    // A finished copy travels in the store's form (messageRows: packed blocks, search text,
    // exchanges), computed here so the main thread only binds strings; its block objects stay
    // behind (the main thread unpacks them only if it needs them). Raw bytes move instead of
    // being copied.
    const buffers: ArrayBuffer[] = [];
    for (const it of items) {
      if (it.kind === 'decoded') {
        buffers.push(it.item.original.buffer as ArrayBuffer);
        continue;
      }
      buffers.push(it.copy.raw.buffer as ArrayBuffer);
    }
    port.postMessage({ type: 'batch', items }, buffers.filter((b, i, all) => all.indexOf(b) === i));
  };
  try {
    let batch: WorkerItem[] = [];
    for await (const item of readSource(data.path, data.format === null ? { owned } : { format: data.format, owned })) {
      // While the main thread still has a batch to write, build the quote tree here; only when
      // it has drained everything send the mail decoded, for it to build at once. The result is
      // the same either way, only the thread that computes it changes.
      if (item.kind === 'decoded' && inFlight() < 1) batch.push(item);
      else batch.push(packCopy(finishItem(item)));
      if (batch.length >= data.batch) {
        await send(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await send(batch);
    port.postMessage({ type: 'done' });
  } catch (err) {
    port.postMessage({ type: 'error', name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) });
  }
  port.close();
}

/** A finished copy as it crosses to the main thread: its rows computed, its block objects left behind. */
function packCopy(copy: SourceCopy): WorkerItem {
  const rows = messageRows(copy.message);
  return { kind: 'packed', copy: { ...copy, message: { ...copy.message, blocks: [] }, rows } };
}
