// Proves hostile mail imports with diagnostics and never crashes, hangs or goes superlinear: the
// 20 small and 3 large hostile messages (10 MB body, 100,000-character line, 10,000-deep quoting)
// and a 10,000-deep reply chain import through the real CLI; and parsing time grows at most
// about linearly when each kind of hostile input doubles (a generous ratio, not a wall clock).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli, tempDir } from '../e2e/harness';
import { bigBody, largeHostileMessages, replyChain, smallHostileMessages, toMboxrd } from '../fixtures/hostile-mail';
import { parseSource } from '../../lib/importer';

const tmp = tempDir('threadlab-hostile-import-');
after(() => tmp.cleanup());

function one(db: string, sql: string): number {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare(sql).get() as { n: number }).n;
  } finally {
    d.close();
  }
}

test('all 24 hostile messages import, each findable by its Message-ID', () => {
  const msgs = [...smallHostileMessages(), ...largeHostileMessages()];
  const mbox = join(tmp.dir, 'hostile.mbox');
  writeFileSync(mbox, toMboxrd(msgs));
  const db = join(tmp.dir, 'hostile.db');
  const r = runCli(['import', mbox], db);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(one(db, 'SELECT count(*) AS n FROM message_sources'), msgs.length);
  const d = new Database(db, { readonly: true });
  for (const m of msgs) assert.ok(d.prepare('SELECT 1 FROM messages WHERE message_id = ?').get(m.messageId), m.name);
  // The encoded-word header injection stays inside the name: no header line is created from it.
  const injected = d.prepare('SELECT from_name FROM messages WHERE message_id = ?').get('hostile-header-injection-encoded-word@threadlab.test') as { from_name: string | null };
  assert.ok(!/[\r\n]/.test(injected.from_name ?? ''), JSON.stringify(injected));
  d.close();
});

test('a 10,000-deep reply chain imports as one thread 9,999 replies deep', () => {
  const mbox = join(tmp.dir, 'chain.mbox');
  writeFileSync(mbox, toMboxrd(replyChain(10_000)));
  const db = join(tmp.dir, 'chain.db');
  const r = runCli(['import', mbox], db);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(one(db, 'SELECT count(*) AS n FROM threads'), 1);
  assert.equal(one(db, 'SELECT max_depth AS n FROM threads'), 9_999);
  assert.equal(one(db, 'SELECT message_count AS n FROM threads'), 10_000);
});

async function parseMs(name: string, body: string): Promise<number> {
  const file = join(tmp.dir, `${name}.eml`);
  writeFileSync(file, `From: a <a@example.org>\nSubject: x\nMessage-ID: <${name}@t>\n\n${body}`);
  const times: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const t0 = performance.now();
    let blocks = 0;
    for await (const copy of parseSource(file)) blocks += copy.message.blocks.length;
    times.push(performance.now() - t0);
    assert.ok(blocks >= 1);
  }
  return times.sort((a, b) => a - b)[1]!;
}

const SHAPES: Record<string, (n: number) => string> = {
  'quoted mail': (n) => bigBody(n),
  'one long line': (n) => 'word '.repeat(n / 5) + '\n',
  'flattened page line': (n) => '> > On Mon, X wrote: > > > quoted words here and there '.repeat(n / 56) + '\n',
  'deep quote markers': (n) => '>'.repeat(n) + ' deep\n',
  'many short lines': (n) => '>\n'.repeat(n / 2),
};

for (const [shape, make] of Object.entries(SHAPES)) {
  test(`parsing "${shape}" stays about linear as the input doubles`, async (t) => {
    const base = 400_000;
    const t1 = await parseMs(`${shape.replace(/\W/g, '')}-1`, make(base));
    const t2 = await parseMs(`${shape.replace(/\W/g, '')}-2`, make(base * 2));
    const t4 = await parseMs(`${shape.replace(/\W/g, '')}-4`, make(base * 4));
    // Linear doubling gives a ratio near 2; quadratic gives 4. Allow 3.2 for noise on small times.
    const ratio = Math.max(t2 / Math.max(t1, 1), t4 / Math.max(t2, 1));
    t.diagnostic(`${shape}: ${t1.toFixed(1)} / ${t2.toFixed(1)} / ${t4.toFixed(1)} ms for ${base} / ${base * 2} / ${base * 4} bytes`);
    assert.ok(ratio < 3.2, `${shape}: ${t1.toFixed(1)} / ${t2.toFixed(1)} / ${t4.toFixed(1)} ms (ratio ${ratio.toFixed(2)})`);
  });
}
