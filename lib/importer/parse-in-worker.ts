// Runs parseSource in a worker thread for big files, while the main thread writes SQLite: the
// worker splits and decodes every mail and builds the quote trees the main thread has no time
// for, so the import takes about half of the sum of the two. Batches flow with back-pressure,
// so memory stays bounded when the writer is the slower side.
import { Worker } from 'node:worker_threads';
import type { ArchiveFormat } from '../archive';
import type { Block } from '../mail';
import { unpackBlocks } from '../store/packed-blocks';
import { finishItem, readSource, SourceError, type SourceCopy } from './parse-source';
import { HEAD, HEAD_CLOSED, TAKEN, type PackedCopy, type WorkerItem } from './parse-worker';

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
  // Shared with the worker: [TAKEN] batches taken so far, for back-pressure; [HEAD] the items
  // this thread parsed itself while the worker was starting, with HEAD_CLOSED set by the worker
  // when it takes over (see parse-worker.ts).
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    // tsx is resolved here, from this file, so the worker finds it whatever the working directory.
    workerData: { tsx: import.meta.resolve('tsx/esm/api'), module: new URL('./parse-worker.ts', import.meta.url).href, path, format: options.format ?? null, batch: BATCH_COPIES, inFlight: BATCHES_IN_FLIGHT, shared: shared.buffer },
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
  // The worker needs ~150 ms to load the parser (tsx compiles it in a fresh thread) while the
  // caller has hashed the file and waits: until the worker takes over, this thread parses the
  // head of the file itself, claiming one item at a time; the worker reads past the items
  // claimed and takes over at the first one that is not (see parse-worker.ts).
  async function* head(): AsyncGenerator<SourceCopy> {
    const items = readSource(path, options);
    try {
      while (claimHead(shared)) {
        const r = await items.next();
        if (r.done === true) return;
        yield finishItem(r.value);
      }
    } finally {
      await items.return(undefined);
    }
  }
  async function* copies(): AsyncGenerator<SourceCopy> {
    try {
      yield* head();
      for (;;) {
        while (queue.length === 0) {
          if (exitError !== null) throw exitError;
          await new Promise<void>((r) => (wake = r));
          wake = null;
        }
        const m = queue.shift() as FromWorker;
        if (m.type === 'done') return;
        if (m.type === 'error') throw m.name === 'SourceError' ? new SourceError(m.message) : new Error(m.message);
        Atomics.add(shared, TAKEN, 1);
        Atomics.notify(shared, TAKEN);
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

/** Claims the next item of the file for this thread; false once the worker has taken over. */
function claimHead(shared: Int32Array): boolean {
  const v = Atomics.load(shared, HEAD);
  // Only this thread counts and only the worker closes, so a failed exchange means closed.
  return (v & HEAD_CLOSED) === 0 && Atomics.compareExchange(shared, HEAD, v, v + 1) === v;
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
