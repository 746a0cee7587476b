// Proves reconstructAncestors turns a page's quotes into the earlier messages they came from: seed 000 becomes a four-message thread, seeds 001-004 their chains, with re-based depths, speakers, dates, stable content ids and links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBody } from '../mail';
import type { ParsedMessage } from '../mail';
import { reconstructAncestors } from './reconstruct-ancestors';

const seeds = path.resolve(process.cwd(), '../shared/seeds');

/** The page's own ParsedMessage, as the importer would build it from the page header. */
function page(file: string, from: string, date: string | null, subject: string | null, cut?: string): ParsedMessage {
  let body = readFileSync(path.join(seeds, file), 'utf8');
  if (cut !== undefined) body = body.slice(body.indexOf(cut));
  const { blocks, diagnostics } = parseBody(body, { author: { name: from, address: null, date } });
  return { messageId: `${file}@seed`, inReplyTo: null, references: [], subject, from: { name: from, address: null }, date, derived: false, blocks, diagnostics };
}

const ownText = (m: ParsedMessage): string => m.blocks.filter((b) => b.depth === 0 && b.kind === 'own').map((b) => b.text).join(' ');

test('derived ids are the content-id hash of speaker, date and own words', () => {
  const msg = page('000_47d84fd9b3284998.txt', 'Dave Chinner', null, 'Re: x');
  for (const a of reconstructAncestors(msg)) assert.match(a.messageId, /^derived\.[0-9a-f]{16}@threadlab$/);
});

test('seed 000 becomes Brian (Oct 31) -> Dave (Nov 1) -> Brian (Nov 1) -> Dave (the page)', () => {
  const msg = page('000_47d84fd9b3284998.txt', 'Dave Chinner', null, 'Re: [PATCH] xfs: defer online discard submission');
  const ancestors = reconstructAncestors(msg);
  assert.deepEqual(
    ancestors.map((m) => [m.from.name, m.date, m.derived]),
    [
      ['Brian Foster', '2018-10-31T10:01:55-04:00', true],
      ['Dave Chinner', '2018-11-01T10:02:25+11:00', true],
      ['Brian Foster', '2018-11-01T10:17:26-04:00', true],
    ],
  );
  const [brian1, dave1, brian2] = ancestors as [ParsedMessage, ParsedMessage, ParsedMessage];
  // Links: each derived message answers the one before it; the page's parent is the last one.
  assert.equal(brian1.inReplyTo, null);
  assert.deepEqual(brian1.references, []);
  assert.equal(dave1.inReplyTo, brian1.messageId);
  assert.deepEqual(brian2.references, [brian1.messageId, dave1.messageId]);
  assert.equal(brian2.inReplyTo, dave1.messageId);
  for (const m of ancestors) assert.match(m.messageId, /^derived\.[0-9a-f]{16}@threadlab$/);
  assert.equal(brian1.subject, '[PATCH] xfs: defer online discard submission');
  // Re-based depths: Brian's original words are depth 0 of Brian's first mail.
  assert.ok(ownText(brian1).includes('xfs_do_writepage() currently returns errors directly'));
  assert.deepEqual([...new Set(brian1.blocks.map((b) => b.depth))], [0]);
  // Dave's Nov 1 mail: his words at 0, Brian's at 1, and his attribution of Brian's mail.
  assert.ok(ownText(dave1).includes('XFS is probably the only filesystem that leaves detectable state'));
  assert.ok(ownText(dave1).includes('That sounds like a bug in write_cache_pages().'));
  assert.ok(!ownText(dave1).includes('I veered away'));
  const daveQuote = dave1.blocks.find((b) => b.depth === 1 && b.text.includes('This can be problematic in cases like unmount.'));
  assert.equal(daveQuote?.speaker?.name, 'Brian Foster');
  assert.deepEqual(dave1.blocks.filter((b) => b.kind === 'attribution').map((b) => [b.depth, b.names?.name]), [[0, 'Brian Foster']]);
  const daveOwn = dave1.blocks.findIndex((b) => b.kind === 'own' && b.text.startsWith('XFS is probably'));
  assert.equal(dave1.blocks[dave1.blocks[daveOwn]?.answers ?? -1]?.text.startsWith('This can be problematic'), true);
  // Brian's Nov 1 mail holds his reply at 0, Dave's words at 1, his own first mail at 2.
  assert.ok(ownText(brian2).includes('I veered away from this approach initially'));
  assert.ok(ownText(brian2).includes('OTOH, we could maintain the ability to interrupt the scan'));
  assert.deepEqual([...new Set(brian2.blocks.map((b) => b.depth))].sort(), [0, 1, 2]);
  assert.ok(!ownText(brian2).includes('We should fix problems in the generic code'));
  // Pure: the same page gives the same ids.
  assert.deepEqual(reconstructAncestors(msg).map((m) => m.messageId), ancestors.map((m) => m.messageId));
  assert.equal(new Set(ancestors.map((m) => m.messageId)).size, 3);
});

test('seed 001: the five-message chain, and a year-less date completed from the message quoting it', () => {
  const msg = page('001_7b98a5be884bdaf1.txt', 'Darrick J. Wong', '2020-06-03T08:00:00-07:00', 'Re: [PATCH] iomap: return zero if page cache invalidation fails in iomap_dio_rw');
  const ancestors = reconstructAncestors(msg);
  assert.deepEqual(
    ancestors.map((m) => [m.from.name, m.date]),
    [
      ['Goldwyn Rodrigues', '2020-05-28T14:21:03-05:00'],
      ['Darrick J. Wong', '2020-05-28T17:23'],
      ['Goldwyn Rodrigues', '2020-06-01T16:16'],
      ['Filipe Manana', '2020-06-03T12:23'],
      ['Filipe Manana', '2020-06-03T12:32:15+01:00'],
    ],
  );
  const darrick = ancestors[1] as ParsedMessage;
  assert.ok(darrick.diagnostics.some((d) => d.ruleId === 'derived-date-year-inferred'));
  assert.ok(ownText(darrick).includes('Locked for what?'));
  const goldwyn = ancestors[0] as ParsedMessage;
  assert.equal(goldwyn.blocks.filter((b) => b.kind === 'patch' && b.depth === 0).length, 1);
  assert.equal(goldwyn.from.address, null);
});

test('seed 004: Matthew (patch) -> Dave -> Matthew -> Dave -> Matthew (the page)', () => {
  const msg = page('004_e57b99afb80533ad.txt', 'Matthew Wilcox', '2020-06-04T19:50:54-05:00', 'Re: [PATCH] iomap: Handle I/O errors gracefully in page_mkwrite', 'On Fri, Jun 05, 2020');
  const ancestors = reconstructAncestors(msg);
  assert.deepEqual(
    ancestors.map((m) => [m.from.name, m.date, ownText(m).slice(0, 40)]),
    [
      ['Matthew Wilcox', '2020-06-04T13:23:40-07:00', 'From: "Matthew Wilcox (Oracle)" <willy@x'],
      ['Dave Chinner', '2020-06-05T08:57:26+10:00', 'Why didn\'t the "read" part of the fault '],
      ['Matthew Wilcox', '2020-06-04T16:05:19-07:00', "I have a hypothesis that I don't know ho"],
      ['Dave Chinner', '2020-06-05T09:30:53+10:00', "Sure, but that's not really what I was a"],
    ],
  );
  assert.equal(ancestors[0]?.subject, '[PATCH] iomap: Handle I/O errors gracefully in page_mkwrite');
});

test('seeds 002 and 003: Andreas -> Dave -> Andreas -> Dave; Chris Mason\'s patch under Sterba\'s review', () => {
  const gfs2 = reconstructAncestors(page('002_b22a03919f532f63.txt', 'Dave Chinner', null, 'Re: [RFC v2 0/3] Turn iomap_page_ops into iomap_folio_ops'));
  assert.deepEqual(
    gfs2.map((m) => [m.from.name, m.date, ownText(m).slice(0, 30)]),
    [
      ['Andreas Gruenbacher', '2022-12-01T19:09:54+01:00', 'Hi again, [Same thing, but wit'],
      ['Dave Chinner', '2022-12-01T22:30', 'I doubt that moving page cache'],
      ['Andreas Gruenbacher', '2022-12-02T02:54:00+01:00', 'Right. The resulting code is r'],
    ],
  );
  const fixup = reconstructAncestors(page('003_5476306fd0ae2e23.txt', 'David Sterba', null, 'Re: [PATCH] btrfs: keep pages dirty when using btrfs_writepage_fixup_worker'));
  assert.equal(fixup.length, 1);
  const chris = fixup[0] as ParsedMessage;
  assert.deepEqual([chris.from, chris.date, chris.inReplyTo], [{ name: 'Chris Mason', address: null }, '2018-06-20T07:56:12-07:00', null]);
  assert.deepEqual([...new Set(chris.blocks.map((b) => b.depth))], [0]);
  assert.ok(chris.blocks.some((b) => b.kind === 'patch' && b.text.includes('diff --git a/fs/btrfs/inode.c b/fs/btrfs/inode.c')));
  assert.ok(!ownText(chris).includes('Can you please be more specific'));
});

test('a page without attributions yields no derived messages; a 10,000-deep quote does not blow the stack', () => {
  const plain = parseBody('> quoted\nreply\n', { author: null });
  assert.deepEqual(reconstructAncestors({ messageId: 'x', inReplyTo: null, references: [], subject: null, from: { name: null, address: null }, date: null, derived: false, blocks: plain.blocks, diagnostics: [] }), []);
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let body = '';
  for (let d = 0; d < 70; d++) body += `${'> '.repeat(d)}On Mon, Jun 1, 2020 at 4:16 PM Person ${letters[d % 26]}${letters[Math.floor(d / 26)]} wrote:\n`;
  body += `${'>'.repeat(10_000)} the deepest words\n`;
  const deep = parseBody(body, { author: null });
  assert.equal(deep.blocks[deep.blocks.length - 1]?.depth, 10_000);
  const out = reconstructAncestors({ messageId: 'deep', inReplyTo: null, references: [], subject: null, from: { name: null, address: null }, date: null, derived: false, blocks: deep.blocks, diagnostics: [] });
  assert.equal(out.length, 64);
  assert.equal(out[0]?.blocks[out[0].blocks.length - 1]?.depth, 10_000 - 64);
  assert.ok(out.every((m) => m.diagnostics.some((d) => d.ruleId === 'quote-depth-limit')));
});
