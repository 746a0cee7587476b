// Proves WAL lets readers and the importer work at once: while `threadlab import` writes the
// linux-xfs benchmark mbox into the live database, the production server answers every search,
// thread and home request without an error, and no reader ever sees part of the file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { projectRoot, startServer, runCli, tempDir, type RunningServer } from '../e2e/harness';

const MBOX = resolve(projectRoot, '../shared/corpus/mbox/lists/linux-xfs-2024Q1.mbox');
const tmp = tempDir('threadlab-concurrent-');
const db = join(tmp.dir, 'threadlab.db');
let server: RunningServer;

before(async () => {
  const seeded = runCli(['import', 'content'], db);
  assert.equal(seeded.status, 0, seeded.stderr);
  server = await startServer(db);
});

after(async () => {
  await server?.stop();
  tmp.cleanup();
});

test('imports and page loads overlap with zero failed requests and no partial file visible', async () => {
  const reader = new Database(db, { readonly: true });
  const visible = reader.prepare(`SELECT count(*) AS n FROM message_sources c JOIN sources s ON s.id = c.source_id WHERE s.path LIKE '%linux-xfs-2024Q1.mbox'`);
  const threadRoot = (reader.prepare('SELECT root_id FROM threads LIMIT 1').get() as { root_id: string }).root_id;
  const paths = ['/', '/search?q=write_cache_pages', '/search?q=' + encodeURIComponent('f:chinner s:xfs'), `/t/${encodeURIComponent(threadRoot)}`, '/search?q=delalloc'];
  const child = spawn(process.execPath, [join(projectRoot, 'scripts/threadlab.mjs'), 'import', MBOX], { env: { ...process.env, THREADLAB_DB: db }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<number | null>((ok) => child.once('exit', (c) => ok(c)));
  let importing = true;
  void exited.then(() => (importing = false));

  const seen = new Set<number>();
  let requests = 0;
  const failures: string[] = [];
  // Four clients loop over the pages until the import ends (bounded by the import's own time).
  const client = async (k: number) => {
    for (let i = k; importing && requests < 5_000; i += 1) {
      const p = paths[i % paths.length]!;
      const r = await fetch(server.url + p);
      await r.arrayBuffer();
      requests += 1;
      if (r.status !== 200) failures.push(`${p}: ${r.status}`);
      seen.add((visible.get() as { n: number }).n);
    }
  };
  await Promise.all([0, 1, 2, 3].map(client));
  assert.equal(await exited, 0, stderr);
  seen.add((visible.get() as { n: number }).n);
  reader.close();
  assert.deepEqual(failures, []);
  assert.ok(requests >= 20, `only ${requests} requests overlapped the import`);
  // A reader sees the file's 5,040 copies all at once or not at all.
  for (const n of seen) assert.ok(n === 0 || n === 5040, `a reader saw ${n} of the 5,040 copies`);
  assert.ok(seen.has(5040), 'the import never became visible');
});
