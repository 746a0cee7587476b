// The worker side of parseSourceInWorker: splits and decodes the file (readSource) and posts
// the items in batches, waiting for the main thread to take a batch whenever too many are in
// flight; the main thread builds the quote trees (finishItem) between its SQLite writes.
import type { MessagePort } from 'node:worker_threads';
import type { ArchiveFormat } from '../archive';
import { finishItem, readSource, type SourceItem } from './parse-source';

/** Reads `path` and streams its items to `port` with back-pressure. */
export async function runParseWorker(port: MessagePort, data: { path: string; format: ArchiveFormat | null; batch: number; inFlight: number; taken: SharedArrayBuffer }): Promise<void> {
  // Back-pressure through a shared counter of batches the main thread has taken: cheaper than
  // a message per batch, and this thread may block on it (it has nothing else to do then).
  const taken = new Int32Array(data.taken);
  let sent = 0;
  const inFlight = () => sent - Atomics.load(taken, 0);
  const send = async (items: SourceItem[]) => {
    for (;;) {
      const seen = Atomics.load(taken, 0);
      if (sent - seen < data.inFlight) break;
      Atomics.wait(taken, 0, seen, 1000);
    }
    sent++;
    // Finished copies (rare here: pages and single files) send block slices as offsets, since
    // they are substrings of the body; raw bytes move to the main thread instead of being copied.
    const buffers: ArrayBuffer[] = [];
    for (const it of items) {
      if (it.kind === 'decoded') {
        buffers.push(it.item.original.buffer as ArrayBuffer);
        continue;
      }
      for (const b of it.copy.message.blocks) {
        // Unquoted text is usually the raw slice less its line end: send it as null then.
        if (b.text.length + 1 >= b.raw.length && b.text === (b.raw.endsWith('\n') ? b.raw.slice(0, -1) : b.raw)) (b as { text: string | null }).text = null;
        (b as { raw: string | number }).raw = b.raw.length;
      }
      buffers.push(it.copy.raw.buffer as ArrayBuffer);
    }
    port.postMessage({ type: 'batch', items }, buffers.filter((b, i, all) => all.indexOf(b) === i));
  };
  try {
    let batch: SourceItem[] = [];
    for await (const item of readSource(data.path, data.format === null ? {} : { format: data.format })) {
      // While the main thread still has a batch to write, build the quote tree here; only when
      // it has drained everything send the mail decoded, for it to build at once. The result is
      // the same either way, only the thread that computes it changes.
      batch.push(item.kind === 'decoded' && inFlight() >= 1 ? { kind: 'copy', copy: finishItem(item) } : item);
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
