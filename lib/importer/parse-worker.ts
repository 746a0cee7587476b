// The worker side of parseSourceInWorker: parses the file and posts copies in batches, waiting
// for the main thread to take a batch whenever too many are in flight.
import type { MessagePort } from 'node:worker_threads';
import type { ArchiveFormat } from '../archive';
import { parseSource, type SourceCopy } from './parse-source';

/** Parses `path` and streams its copies to `port` with back-pressure. */
export async function runParseWorker(port: MessagePort, data: { path: string; format: ArchiveFormat | null; batch: number; inFlight: number }): Promise<void> {
  let inFlight = 0;
  let resume: (() => void) | null = null;
  port.on('message', () => {
    inFlight--;
    resume?.();
  });
  const send = async (copies: SourceCopy[]) => {
    while (inFlight >= data.inFlight) {
      await new Promise<void>((r) => (resume = r));
      resume = null;
    }
    inFlight++;
    // Block slices are substrings of the body: send offsets only (halves what is cloned), and
    // move the raw bytes to the main thread instead of copying them.
    for (const c of copies) {
      for (const b of c.message.blocks) {
        // Unquoted text is usually the raw slice less its line end: send it as null then.
        if (b.text.length + 1 >= b.raw.length && b.text === (b.raw.endsWith('\n') ? b.raw.slice(0, -1) : b.raw)) (b as { text: string | null }).text = null;
        (b as { raw: string | number }).raw = b.raw.length;
      }
    }
    port.postMessage({ type: 'batch', copies }, copies.map((c) => c.raw.buffer as ArrayBuffer).filter((b, i, all) => all.indexOf(b) === i));
  };
  try {
    let batch: SourceCopy[] = [];
    for await (const copy of parseSource(data.path, data.format === null ? {} : { format: data.format })) {
      batch.push(copy);
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
