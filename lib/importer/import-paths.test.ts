// Proves the importer end to end on real data: the five seeds give exactly their messages,
// speakers and dates (sidecar gaps filled and recorded); every corpus mbox imports with thread
// forests whose roots, ghosts and depth equal figures computed by an independent script;
// re-importing changes nothing; and one message seen as mbox and as a page is one message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openStore, getMessage, getThread, type Db } from '../store';
import { importPaths } from './import-paths';
import { clearSidecarCache } from './sidecar';

const corpus = resolve('../shared/corpus');

function withDb<T>(fn: (db: Db, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'threadlab-import-'));
  const db = openStore(join(dir, 'db.sqlite'));
  return fn(db, dir).finally(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

function counts(db: Db): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of ['sources', 'messages', 'message_sources', 'blocks', 'exchanges', 'people', 'person_addresses', 'thread_nodes', 'threads', 'messages_fts']) {
    out[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return out;
}

test('the five seeds import as five messages with their speakers, dates and sidecar fields', async () => {
  await withDb(async (db) => {
    clearSidecarCache();
    const s = await importPaths(db, ['content/threads'], { now: () => new Date(0) });
    assert.deepEqual(s.failures, []);
    assert.equal(s.files, 5);
    const rows = db.prepare(`SELECT m.message_id, m.synthetic_id, m.from_name, m.date, m.subject, c.format, c.sidecar_json FROM messages m JOIN message_sources c ON c.message_id = m.id
      JOIN sources s ON s.id = c.source_id WHERE m.derived = 0 ORDER BY s.path`).all() as { message_id: string; synthetic_id: number; from_name: string; date: string | null; subject: string | null; format: string; sidecar_json: string | null }[];
    assert.deepEqual(rows.map((r) => [r.format, r.from_name, r.date, r.synthetic_id, r.sidecar_json === null ? null : Object.keys(JSON.parse(r.sidecar_json) as object).sort().join(',')]), [
      ['mail-archive-page', 'David Sterba', null, 1, 'from,list,subject'],
      ['flattened-page', 'Dave Chinner', null, 0, 'from,list,messageId,subject'],
      ['flattened-page', 'Darrick J. Wong', null, 1, 'from,list,subject'],
      ['hypermail-page', 'Matthew Wilcox', '2020-06-05T00:50:54.000Z', 1, 'list'],
      ['flattened-page', 'Dave Chinner', null, 1, 'from,list'],
    ]);
    const origins = db.prepare('SELECT origin FROM sources ORDER BY path').all() as { origin: string }[];
    assert.equal(origins[3]!.origin, 'linux-kernel list archive, lkml.org style page with a subject/From/Date block (threadlab seed 004)');
    assert.equal(rows[1]!.message_id, '20221205230408.GQ3600936@dread.disaster.area');
    assert.equal(rows[3]!.subject, 'Re: [PATCH] iomap: Handle I/O errors gracefully in page_mkwrite');
    // Speakers by depth, as the quote tree names them.
    const speakers = (id: string) => {
      const m = getMessage(db, id)!;
      const seen: string[] = [];
      for (const b of m.blocks) {
        if (b.kind !== 'own' && b.kind !== 'quote') continue;
        const k = `${b.depth}:${b.speaker?.name ?? '?'}`;
        if (!seen.includes(k)) seen.push(k);
      }
      return seen.sort();
    };
    assert.deepEqual(speakers(rows[4]!.message_id), ['0:Dave Chinner', '1:Brian Foster', '2:Dave Chinner', '3:Brian Foster']);
    assert.deepEqual(speakers(rows[3]!.message_id), ['0:Matthew Wilcox', '1:Dave Chinner', '2:Matthew Wilcox', '3:Dave Chinner', '4:Matthew Wilcox']);
    assert.deepEqual(speakers(rows[1]!.message_id), ['0:Dave Chinner', '1:Andreas Gruenbacher', '2:Dave Chinner', '3:Andreas Gruenbacher']);
    assert.deepEqual(speakers(rows[0]!.message_id), ['0:David Sterba', '1:Chris Mason']);
    // Each seed is a thread: the messages its quotes rebuild (derived), then the page itself.
    const outline = db.prepare(`SELECT n.root_id, n.depth, m.derived, m.from_name, m.date FROM thread_nodes n JOIN messages m ON m.message_id = n.message_id
      ORDER BY (SELECT min(c.ordinal) FROM message_sources c JOIN sources s ON s.id = c.source_id WHERE c.message_id = (SELECT id FROM messages WHERE message_id = n.root_id)), n.root_id, n.position`).all() as { root_id: string; depth: number; derived: number; from_name: string; date: string | null }[];
    const byRoot = new Map<string, string[]>();
    for (const r of outline) byRoot.set(r.root_id, [...(byRoot.get(r.root_id) ?? []), `${r.depth} ${r.derived === 1 ? 'derived' : 'page'} ${r.from_name} ${r.date ?? '-'}`]);
    assert.deepEqual([...byRoot.values()].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)), [
      ['0 derived Andreas Gruenbacher 2022-12-01T18:09:54.000Z', '1 derived Dave Chinner 2022-12-01T22:30', '2 derived Andreas Gruenbacher 2022-12-02T01:54:00.000Z', '3 page Dave Chinner -'],
      ['0 derived Brian Foster 2018-10-31T14:01:55.000Z', '1 derived Dave Chinner 2018-10-31T23:02:25.000Z', '2 derived Brian Foster 2018-11-01T14:17:26.000Z', '3 page Dave Chinner -'],
      ['0 derived Chris Mason 2018-06-20T14:56:12.000Z', '1 page David Sterba -'],
      ['0 derived Goldwyn Rodrigues 2020-05-28T19:21:03.000Z', '1 derived Darrick J. Wong 2020-05-28T17:23', '2 derived Goldwyn Rodrigues 2020-06-01T16:16', '3 derived Filipe Manana 2020-06-03T12:23', '4 derived Filipe Manana 2020-06-03T11:32:15.000Z', '5 page Darrick J. Wong -'],
      ['0 derived Matthew Wilcox 2020-06-04T20:23:40.000Z', '1 derived Dave Chinner 2020-06-04T22:57:26.000Z', '2 derived Matthew Wilcox 2020-06-04T23:05:19.000Z', '3 derived Dave Chinner 2020-06-04T23:30:53.000Z', '4 page Matthew Wilcox 2020-06-05T00:50:54.000Z'],
    ]);
    assert.equal(s.derivedNew, 16);
    const before = counts(db);
    const again = await importPaths(db, ['content/threads']);
    assert.equal(again.filesSkipped, 5);
    assert.equal(again.messagesNew, 0);
    assert.deepEqual(counts(db), before);
  });
});

// Expected figures from an independent one-off script (python mailbox + email, parent = last
// of References+In-Reply-To, ghosts for missing ids, ghost parent by majority of References
// chains): unique messages, roots, ghosts, maximum depth.
const FIGURES: [string, number, number, number, number][] = [
  ['mbox/lists/linux-btrfs-2025-10.mbox', 1174, 168, 77, 12],
  ['mbox/lists/linux-ext4-2025-10.mbox', 886, 88, 77, 15],
  ['mbox/lists/linux-xfs-2024Q1.mbox', 5039, 297, 82, 19],
  ['mbox/threads/btrfs-2022-05-raid-stripe-tree-rfc-and-raid56-discussion.mbox', 88, 1, 0, 18],
  ['mbox/threads/btrfs-2025-06-remap-tree.mbox', 39, 1, 0, 3],
  ['mbox/threads/xfs-2022-12-online-fsck-design-v24.mbox', 84, 1, 1, 7],
  ['mbox/threads/xfs-2024-07-xfs_spaceman-defrag.mbox', 60, 1, 0, 6],
  ['mbox/threads/xfs-2025-07-iomap-writeback-refactor-v4.mbox', 27, 1, 0, 3],
];

for (const [file, messages, roots, ghosts, depth] of FIGURES) {
  test(`${file}: every message imports; ${roots} roots, ${ghosts} ghosts, depth ${depth}; re-import is a no-op`, async () => {
    await withDb(async (db) => {
      const s = await importPaths(db, [resolve(corpus, file)]);
      assert.deepEqual(s.failures, []);
      const real = (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
      assert.equal(real, messages);
      const t = db.prepare('SELECT count(*) AS roots, sum(ghost_count) AS ghosts, max(max_depth) AS depth FROM threads').get() as { roots: number; ghosts: number; depth: number };
      assert.deepEqual([t.roots, t.ghosts, t.depth], [roots, ghosts, depth]);
      const before = counts(db);
      const again = await importPaths(db, [resolve(corpus, file)]);
      assert.deepEqual([again.filesSkipped, again.messagesNew], [1, 0]);
      assert.deepEqual(counts(db), before);
    });
  });
}

test('one message seen in an mbox and on a flattened page is one message with two copies, in either order', async () => {
  const mbox = 'From x@y Thu Jan  1 00:00:00 1970\nMessage-ID: <real@example.org>\nFrom: Dave Chinner <david@fromorbit.com>\nDate: Fri, 2 Nov 2018 09:26:27 +1100\nSubject: Re: stop on error\n\n' +
    'On Thu, Nov 01, 2018 at 10:17:26AM -0400, Brian Foster wrote:\n> I veered away from this approach initially because I did not want to risk\n> breaking behavior of other filesystems.\n\n' +
    'We should fix problems in the generic code if that is where the problem lies.\n\nCheers,\n\nDave.\n-- \nDave Chinner\ndavid@fromorbit.com\n';
  const page = 'On Thu, Nov 01, 2018 at 10:17:26AM -0400, Brian Foster wrote: > I veered away from this approach initially because I did not want to risk > breaking behavior of other filesystems. ' +
    'We should fix problems in the generic code if that is where the problem lies. Cheers, Dave. -- Dave Chinner david@xxxxxxxxxxxxx' + ' '.repeat(200);
  for (const order of [['a.mbox', 'b.txt'], ['b.txt', 'a.mbox']]) {
    await withDb(async (db, dir) => {
      clearSidecarCache();
      mkdirSync(join(dir, 'in'));
      writeFileSync(join(dir, 'in', 'a.mbox'), mbox);
      writeFileSync(join(dir, 'in', 'b.txt'), page);
      writeFileSync(join(dir, 'in', 'source.json'), JSON.stringify({ files: { 'b.txt': { from: { name: 'Dave Chinner', address: null }, date: 'Fri, 2 Nov 2018 09:26:27 +1100' } } }));
      for (const f of order) {
        const s = await importPaths(db, [join(dir, 'in', f)], { root: dir });
        assert.deepEqual(s.failures, []);
      }
      // One real message (two copies) and the quoted Brian Foster message rebuilt from the page.
      assert.deepEqual(db.prepare('SELECT derived, from_name FROM messages ORDER BY derived, from_name').all(), [{ derived: 0, from_name: 'Dave Chinner' }, { derived: 1, from_name: 'Brian Foster' }], order.join(' then '));
      const m = getMessage(db, 'real@example.org')!;
      assert.deepEqual(m.copies.map((c) => c.format).sort(), ['flattened-page', 'mbox']);
      assert.equal(m.syntheticId, false);
      assert.equal(m.body.includes('\n> breaking behavior'), true);
      assert.equal(getThread(db, 'real@example.org')!.root.messageId, 'real@example.org');
    });
  }
});

test('maildir folders (cur and new, never tmp) and gzip mboxes import', async () => {
  await withDb(async (db, dir) => {
    const mail = (id: string, refs = '') => `Message-ID: <${id}>\nFrom: A <a@x>\nDate: Mon, 1 Jan 2024 00:00:00 +0000\nSubject: s\n${refs}\nbody ${id}\n`;
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(dir, 'md', sub), { recursive: true });
    writeFileSync(join(dir, 'md', 'cur', '1:2,S'), mail('m1@x'));
    writeFileSync(join(dir, 'md', 'new', '2'), mail('m2@x', 'In-Reply-To: <m1@x>\n'));
    writeFileSync(join(dir, 'md', 'tmp', '3'), mail('m3@x'));
    const mbox = readFileSync(resolve(corpus, 'mbox/b4/naked-cover-single.mbox'));
    writeFileSync(join(dir, 'b4.mbox.gz'), gzipSync(mbox));
    const s = await importPaths(db, [join(dir, 'md'), join(dir, 'b4.mbox.gz')], { root: dir });
    assert.deepEqual(s.failures, []);
    assert.deepEqual([s.files, s.messagesNew], [3, 4]);
    assert.deepEqual(db.prepare('SELECT path, format FROM sources ORDER BY path').all(), [
      { path: 'b4.mbox.gz', format: 'mboxrd' },
      { path: 'md/cur/1:2,S', format: 'maildir:eml' },
      { path: 'md/new/2', format: 'maildir:eml' },
    ]);
    assert.equal(getThread(db, 'm2@x')!.root.messageId, 'm1@x');
    assert.equal(getMessage(db, 'm3@x'), null);
  });
});

test('a changed file replaces its old copies; messages left without a copy go', async () => {
  await withDb(async (db, dir) => {
    const one = (id: string) => `From x@y Thu Jan  1 00:00:00 1970\nMessage-ID: <${id}>\nFrom: A <a@x>\nDate: Mon, 1 Jan 2024 00:00:00 +0000\nSubject: s\n\nbody ${id}\n\n`;
    const file = join(dir, 'list.mbox');
    writeFileSync(file, one('a@x') + one('b@x'));
    await importPaths(db, [file], { root: dir });
    writeFileSync(file, one('b@x') + one('c@x'));
    const s = await importPaths(db, [file], { root: dir });
    assert.deepEqual([s.filesSkipped, s.messagesNew, s.messagesKnown], [0, 2, 0]);
    assert.deepEqual((db.prepare('SELECT message_id FROM messages ORDER BY message_id').all() as { message_id: string }[]).map((r) => r.message_id), ['b@x', 'c@x']);
    assert.equal((db.prepare('SELECT count(*) AS n FROM messages_fts').get() as { n: number }).n, 2);
    assert.equal((db.prepare('SELECT count(*) AS n FROM sources').get() as { n: number }).n, 1);
  });
});

test('a page naming its parent gives that id to the rebuilt parent, which the real message later replaces', async () => {
  await withDb(async (db, dir) => {
    const page = 'From: Dave Chinner\nSubject: Re: [PATCH] xfs: stop on error\nDate: Fri, 2 Nov 2018 09:26:27 +1100\t[thread overview]\nMessage-ID: <reply@x> (raw)\nIn-Reply-To: <parent@x>\n\n' +
      'On Thu, Nov 01, 2018 at 10:17:26AM -0400, Brian Foster wrote:\n> The writeback loop stops at the first error and leaves pages dirty.\n\nThen fix write_cache_pages() instead.\n\n^ permalink raw reply\t[flat|nested] 2+ messages in thread\n';
    writeFileSync(join(dir, 'reply.txt'), page);
    const s1 = await importPaths(db, [join(dir, 'reply.txt')], { root: dir });
    assert.deepEqual([s1.failures, s1.messagesNew, s1.derivedNew], [[], 1, 1]);
    const rebuilt = getMessage(db, 'parent@x')!;
    assert.deepEqual([rebuilt.derived, rebuilt.from.name, rebuilt.date, rebuilt.copies.length], [true, 'Brian Foster', '2018-11-01T14:17:26.000Z', 0]);
    assert.equal(getThread(db, 'reply@x')!.root.messageId, 'parent@x');
    const mbox = 'From x@y Thu Jan  1 00:00:00 1970\nMessage-ID: <parent@x>\nFrom: Brian Foster <bfoster@redhat.com>\nDate: Thu, 1 Nov 2018 10:17:26 -0400\nSubject: [PATCH] xfs: stop on error\n\n' +
      'The writeback loop stops at the first error and leaves pages dirty.\n\nBrian\n';
    writeFileSync(join(dir, 'parent.mbox'), mbox);
    const s2 = await importPaths(db, [join(dir, 'parent.mbox')], { root: dir });
    assert.deepEqual([s2.failures, s2.messagesNew], [[], 1]);
    const real = getMessage(db, 'parent@x')!;
    assert.deepEqual([real.derived, real.from.address, real.subject, real.copies.map((c) => c.format)], [false, 'bfoster@redhat.com', '[PATCH] xfs: stop on error', ['mbox']]);
    assert.equal((db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n, 2);
    assert.deepEqual(getThread(db, 'parent@x')!.root.children.map((c) => c.messageId), ['reply@x']);
  });
});
