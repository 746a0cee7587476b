// Runs parseSource in a worker thread for big files, while the main thread writes SQLite: the
// worker splits and decodes every mail and builds the quote trees the main thread has no time
// for, so the import takes about half of the sum of the two. Batches flow with back-pressure,
// so memory stays bounded when the writer is the slower side.
import { Worker } from 'node:worker_threads';
import type { ArchiveFormat } from '../archive';
import type { Block } from '../mail';
import { unpackBlocks } from '../store/packed-blocks';
import { finishItem, SourceError, type SourceCopy } from './parse-source';
import type { PackedCopy, WorkerItem } from './parse-worker';

type FromWorker =
  | { type: 'batch'; items: WorkerItem[] }
  | { type: 'done' }
  | { type: 'error'; name: string; message: string };

// Copies per message and batches in flight: enough to keep both threads busy, small enough
// that a slow writer never lets the worker run far ahead (a batch of big patches is ~10 MB).
const BATCH_COPIES = 32;
const BATCHES_IN_FLIGHT = 4;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { register } = await import(workerData.tsx);
  register();
  const { runParseWorker } = await import(workerData.module);
  await runParseWorker(parentPort, workerData);
})().catch((err) => parentPort.postMessage({ type: 'error', name: err && err.name || 'Error', message: String(err && err.message || err) }));
`;

/** A parse running in a worker: its copies in file order, and a way to stop it early. */
export interface WorkerParse {
  copies: AsyncGenerator<SourceCopy>;
  stop(): Promise<void>;
}

/**
 * Starts parsing `path` in a worker thread at once (so the worker loads and reads ahead while
 * the caller hashes the file); the copies are the same as parseSource's.
 */
export function startParseInWorker(path: string, options: { format?: ArchiveFormat } = {}): WorkerParse {
  // Batches taken so far, shared with the worker for back-pressure (see parse-worker.ts).
  const taken = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    // tsx is resolved here, from this file, so the worker finds it whatever the working directory.
    workerData: { tsx: import.meta.resolve('tsx/esm/api'), module: new URL('./parse-worker.ts', import.meta.url).href, path, format: options.format ?? null, batch: BATCH_COPIES, inFlight: BATCHES_IN_FLIGHT, taken: taken.buffer },
  });
  const queue: FromWorker[] = [];
  let wake: (() => void) | null = null;
  let exitError: Error | null = null;
  worker.on('message', (m: FromWorker) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (err) => {
    exitError = err;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && exitError === null) exitError = new Error(`parse worker exited with code ${code}`);
    wake?.();
  });
  async function* copies(): AsyncGenerator<SourceCopy> {
    try {
      for (;;) {
        while (queue.length === 0) {
          if (exitError !== null) throw exitError;
          await new Promise<void>((r) => (wake = r));
          wake = null;
        }
        const m = queue.shift() as FromWorker;
        if (m.type === 'done') return;
        if (m.type === 'error') throw m.name === 'SourceError' ? new SourceError(m.message) : new Error(m.message);
        Atomics.add(taken, 0, 1);
        Atomics.notify(taken, 0);
        for (const it of m.items) {
          // Mail decoded by the worker gets its quote tree here, on the main thread.
          yield it.kind === 'decoded' ? finishItem(it) : unpacked(it.copy);
        }
      }
    } finally {
      await worker.terminate();
    }
  }
  return { copies: copies(), stop: async () => void (await worker.terminate()) };
}

/**
 * A packed copy with its blocks back, unpacked from the rows on first use only: the writer
 * needs them just to match copies across archives, and most imports never do. They are the
 * blocks as the store keeps them (no `names`, no written forms of speakers).
 */
function unpacked(copy: PackedCopy): PackedCopy {
  let blocks: Block[] | null = null;
  Object.defineProperty(copy.message, 'blocks', {
    enumerable: true,
    configurable: true,
    get: () => (blocks ??= unpackBlocks(copy.rows.blocks, copy.body)),
    set: (v: Block[]) => void (blocks = v),
  });
  return copy;
}

/** Same as parseSource (blocks in the store's form), computed in a worker thread. */
export function parseSourceInWorker(path: string, options: { format?: ArchiveFormat } = {}): AsyncGenerator<SourceCopy> {
  return startParseInWorker(path, options).copies;
}
