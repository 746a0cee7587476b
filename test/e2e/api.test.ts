// Proves the JSON API against the real production server: exact status codes and shapes for the
// thread list, one thread (flat, every node with its parent and blocks), one message, search (the
// page's hits; a malformed query is a 400 with its error), the scenario list with hashes and
// variants, and POST /api/scenarios/run (a run, 400 with JSON paths, 413 past 64 KB); unknown ids
// are 404 JSON, never a server error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { runScenario, validateScenario } from '../../lib/scenario';
import { join } from 'node:path';
import { projectRoot, runCli, startServer, tempDir, type RunningServer } from './harness';

let server: RunningServer;
const tmp = tempDir('threadlab-e2e-api-');
const UNMOUNT = readFileSync(join(projectRoot, 'content/scenarios/write-cache-pages-stop-on-error/unmount-leaks-delalloc.json'), 'utf8');

before(async () => {
  const db = join(tmp.dir, 'threadlab.db');
  const imported = runCli(['import', 'content'], db);
  assert.equal(imported.status, 0, `import failed:\n${imported.stdout}\n${imported.stderr}`);
  server = await startServer(db);
});

after(async () => {
  await server?.stop();
  tmp.cleanup();
});

// The shapes the tests read; the assertions check them, the types only name them.
interface ThreadJson { rootId: string; subject: string | null; messageCount: number; ghostCount: number }
interface NodeJson { messageId: string; parentId: string | null; ghost: boolean; message: { blocks: unknown[] } }
interface VariantJson { id: string; expect: Record<string, string> }
interface ScenarioJson { id: string; thread: string; hash: string; page: string; api: string; variants: VariantJson[] }
interface InvariantJson { id: string; firstStep: number | null; violated: boolean }
interface ProblemJson { path: string; message: string }
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field below
type Body = any;

async function get(path: string): Promise<{ status: number; type: string; body: Body }> {
  const r = await fetch(server.url + path);
  return { status: r.status, type: r.headers.get('content-type') ?? '', body: await r.json() };
}

async function post(path: string, body: string): Promise<{ status: number; body: Body }> {
  const r = await fetch(server.url + path, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  return { status: r.status, body: await r.json() };
}

test('threads: the list, one thread flattened with parents and blocks, and 404 for an unknown root', async () => {
  const list = await get('/api/threads');
  assert.equal(list.status, 200);
  assert.match(list.type, /^application\/json/);
  assert.equal(list.body.threads.length, 5);
  assert.deepEqual(Object.keys(list.body.threads[0]), ['rootId', 'subject', 'messageCount', 'ghostCount', 'maxDepth', 'firstDate', 'lastDate']);
  assert.equal((await get('/api/threads?limit=2')).body.threads.length, 2);
  assert.deepEqual(await get('/api/threads?limit=abc'), { status: 400, type: 'application/json', body: { error: 'limit must be an integer from 1 to 1000' } });
  const mkwrite = list.body.threads.find((t: ThreadJson) => t.subject === '[PATCH] iomap: Handle I/O errors gracefully in page_mkwrite');
  const thread = await get('/api/threads/' + encodeURIComponent(mkwrite.rootId));
  assert.equal(thread.status, 200);
  assert.deepEqual(thread.body.summary, mkwrite);
  assert.equal(thread.body.nodes.length, mkwrite.messageCount + mkwrite.ghostCount);
  assert.equal(thread.body.nodes[0].messageId, mkwrite.rootId);
  assert.equal(thread.body.nodes[0].parentId, null);
  const seen = new Set<string>();
  for (const n of thread.body.nodes as NodeJson[]) {
    if (n.parentId !== null) assert.ok(seen.has(n.parentId), `${n.messageId}'s parent comes first`);
    seen.add(n.messageId);
    if (!n.ghost) assert.ok(Array.isArray(n.message.blocks) && n.message.blocks.length > 0, `${n.messageId} has blocks`);
  }
  assert.deepEqual(await get('/api/threads/' + encodeURIComponent('no-such@example.org')), { status: 404, type: 'application/json', body: { error: 'no thread holds <no-such@example.org>' } });
});

test('messages: one message by Message-ID (with its archive copies unless rebuilt from quotes), 404 JSON for an unknown one', async () => {
  const root = (await get('/api/threads')).body.threads[0].rootId as string;
  const nodes = (await get('/api/threads/' + encodeURIComponent(root))).body.nodes as Array<{ messageId: string; message: { derived: boolean } | null }>;
  const archived = nodes.find((n) => n.message !== null && !n.message.derived)!;
  const m = await get('/api/messages/' + encodeURIComponent(archived.messageId));
  assert.equal(m.status, 200);
  assert.equal(m.body.message.messageId, archived.messageId);
  assert.equal(m.body.message.threadRootId, root);
  assert.equal(m.body.message.derived, false);
  assert.ok(m.body.message.copies.length >= 1, 'an archived message has its copy');
  assert.deepEqual(m.body.message, nodes.find((n) => n.messageId === archived.messageId)!.message, 'the same message as in its thread');
  assert.deepEqual(await get('/api/messages/no/such@id'), { status: 404, type: 'application/json', body: { error: 'no message <no/such@id>' } });
});

test('search: the same hits as the search page; missing or malformed queries are 400 with the error', async () => {
  const q = 'write_cache_pages';
  const r = await get('/api/search?q=' + encodeURIComponent(q));
  assert.equal(r.status, 200);
  assert.equal(r.body.query, q);
  assert.ok(r.body.hits.length > 0);
  assert.deepEqual(Object.keys(r.body.hits[0]), ['messageId', 'subject', 'from', 'date', 'threadRootId', 'snippet', 'rank']);
  const html = await (await fetch(server.url + '/search?q=' + encodeURIComponent(q))).text();
  assert.equal(/<h2>Messages \((?:<!-- -->)?(\d+)(?:<!-- -->)?\)<\/h2>/.exec(html)?.[1], String(r.body.hits.length));
  for (const h of r.body.hits) assert.ok(html.includes(encodeURIComponent(`m-${h.messageId}`)), `the page links ${h.messageId}`);
  const bad = await get('/api/search?q=' + encodeURIComponent('zz:foo'));
  assert.equal(bad.status, 400);
  assert.match(bad.body.error, /^unknown prefix "zz:"; known prefixes: /);
  assert.deepEqual(await get('/api/search?q=' + encodeURIComponent('d:yesterday..')), {
    status: 400,
    type: 'application/json',
    body: { error: 'cannot read date range "yesterday.."; write d:2018-10-01..2018-12-01, d:2018-10-01.. or d:..2018-12-01', query: 'd:yesterday..' },
  });
  assert.deepEqual(await get('/api/search'), { status: 400, type: 'application/json', body: { error: 'q is required: /api/search?q=<query>' } });
});

test('scenarios: the list with hashes and variants; an unknown scenario or variant is 404 JSON', async () => {
  const r = await get('/api/scenarios');
  assert.equal(r.status, 200);
  const files = readdirSync(join(projectRoot, 'content/scenarios')).flatMap((d) => readdirSync(join(projectRoot, 'content/scenarios', d)).filter((f) => f.endsWith('.json')));
  assert.equal(r.body.scenarios.length, files.length);
  const s = r.body.scenarios.find((x: ScenarioJson) => x.id === 'unmount-leaks-delalloc');
  assert.match(s.hash, /^[0-9a-f]{16}$/);
  assert.equal(s.thread, 'write-cache-pages-stop-on-error');
  assert.deepEqual(s.variants.map((v: VariantJson) => [v.id, v.expect['no-delalloc-at-reclaim']]), [['v4.19', 'always'], ['xfs-ctx-deferred', 'never'], ['landed-3fa750dcf29e', 'never']]);
  assert.equal(s.page, '/s/write-cache-pages-stop-on-error/unmount-leaks-delalloc');
  const one = await get(s.api + '?v=v4.19');
  assert.equal(one.status, 200);
  assert.equal(one.body.hash, s.hash);
  assert.deepEqual(await get('/api/scenarios/write-cache-pages-stop-on-error/no-such'), { status: 404, type: 'application/json', body: { error: 'no scenario write-cache-pages-stop-on-error/no-such' } });
  // A mistyped variant is a 404 naming the real ones, never a replay of another variant.
  assert.deepEqual(await get(s.api + '?v=v4.91'), {
    status: 404,
    type: 'application/json',
    body: { error: 'scenario write-cache-pages-stop-on-error/unmount-leaks-delalloc has no variant "v4.91"; its variants: v4.19, xfs-ctx-deferred, landed-3fa750dcf29e' },
  });
});

test('POST /api/scenarios/run: a run for a valid body; 400 with JSON paths; 400 for an unknown variant; 413 past 64 KB', async () => {
  const hash = (await get('/api/scenarios')).body.scenarios.find((x: ScenarioJson) => x.id === 'unmount-leaks-delalloc').hash;
  const ok = await post('/api/scenarios/run?v=v4.19', UNMOUNT);
  assert.equal(ok.status, 200);
  assert.equal(ok.body.hash, hash);
  assert.equal(ok.body.variant, 'v4.19');
  assert.deepEqual(ok.body.run, JSON.parse(JSON.stringify(runScenario(validateScenario(JSON.parse(UNMOUNT)).scenario!, { variant: 'v4.19' }))), 'the engine in Node gives the same run');
  assert.equal(ok.body.run.invariants.find((i: InvariantJson) => i.id === 'no-delalloc-at-reclaim').firstStep, 10);
  const scheduled = await post('/api/scenarios/run?v=v4.19&schedule=U,U', UNMOUNT);
  assert.deepEqual(scheduled.body.run.schedule.slice(0, 2), ['U', 'U']);
  assert.equal((await post('/api/scenarios/run?v=v4.19&schedule=nobody', UNMOUNT)).body.run.error === null, false, 'an unfollowable schedule is reported');
  const fixed = await post('/api/scenarios/run?v=landed-3fa750dcf29e', UNMOUNT);
  assert.deepEqual(fixed.body.run.invariants.map((i: InvariantJson) => i.violated), [false, false, false]);
  const wrong = JSON.parse(UNMOUNT);
  wrong.setup.pages = '4';
  wrong.actors[0].program[0].op = 'no_such_op';
  const bad = await post('/api/scenarios/run', JSON.stringify(wrong));
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.body.problems.map((p: ProblemJson) => p.path), ['setup.pages']);
  assert.match(bad.body.problems[0].message, /number/);
  const notJson = await post('/api/scenarios/run', '{"id":');
  assert.equal(notJson.status, 400);
  assert.equal(notJson.body.problems[0].path, '');
  assert.match(notJson.body.problems[0].message, /^not JSON: /);
  assert.deepEqual(await post('/api/scenarios/run?v=v9.9', UNMOUNT), { status: 400, body: { error: 'unknown variant "v9.9" (known: v4.19, xfs-ctx-deferred, landed-3fa750dcf29e)' } });
  const hugeBody = UNMOUNT.replace(/}\s*$/, `, "notes": "${'x'.repeat(70_000)}"}`);
  const huge = await post('/api/scenarios/run', hugeBody);
  assert.equal(huge.status, 413);
  assert.equal(huge.body.error, `the body is ${Buffer.byteLength(hugeBody)} bytes; at most 65536 are accepted`);
});
