// Proves the streaming mbox splitter: ctime-shaped separators only, mboxrd/mboxo un-escaping,
// leading blank lines, files without a separator, and identical output for any chunking.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MboxSplitter, splitMbox, unescapeFrom } from './split-mbox';

const enc = new TextEncoder();
const dec = new TextDecoder();
const corpus = resolve('../shared/corpus');

test('un-escaping: mboxrd strips one > from >+From, mboxo only from >From', () => {
  const body = enc.encode('>From a\n>>From b\n >From c\n>Fromage\n');
  assert.equal(dec.decode(unescapeFrom(body, 'mboxrd')), 'From a\n>From b\n >From c\n>Fromage\n');
  assert.equal(dec.decode(unescapeFrom(body, 'mboxo')), 'From a\n>>From b\n >From c\n>Fromage\n');
});

test('only ctime-shaped From lines separate; body From lines do not', () => {
  const text = '\n  \nFrom x@y Thu Jan  1 00:00:00 1970\nSubject: a\n\nFrom the start\n>From q\n\nFrom x@y Thu Jan  1 00:00:00 1970\nSubject: b\n\nbody b\n';
  const msgs = splitMbox(enc.encode(text));
  assert.deepEqual(msgs.map((m) => dec.decode(m.bytes)), ['Subject: a\n\nFrom the start\nFrom q\n', 'Subject: b\n\nbody b\n']);
  assert.deepEqual(msgs.map((m) => m.line), [3, 9]);
  assert.deepEqual(msgs.map((m) => m.offset), [4, text.indexOf('From x@y', 10)]);
});

test('a file with no separator is one message', () => {
  const msgs = splitMbox(enc.encode('Subject: x\n\nhello\n'));
  assert.equal(msgs.length, 1);
  assert.equal(dec.decode(msgs[0]!.bytes), 'Subject: x\n\nhello\n');
});

test('any chunking yields the same messages as one push (git t5100 sample.mbox)', () => {
  const bytes = readFileSync(resolve(corpus, 'malformed/git-t5100/sample.mbox'));
  const whole = splitMbox(bytes).map((m) => dec.decode(m.bytes));
  assert.equal(whole.length, 18);
  for (const size of [1, 7, 64, 4096]) {
    const s = new MboxSplitter();
    const got: string[] = [];
    for (let i = 0; i < bytes.length; i += size) got.push(...s.push(bytes.subarray(i, i + size)).map((m) => dec.decode(m.bytes)));
    got.push(...s.end().map((m) => dec.decode(m.bytes)));
    assert.deepEqual(got, whole, `chunk size ${size}`);
  }
});

test('corpus mboxes split into the documented message counts', () => {
  const expected: Record<string, number> = {
    'mbox/lists/linux-ext4-2025-10.mbox': 886,
    'mbox/lists/linux-btrfs-2025-10.mbox': 1174,
    'mbox/threads/btrfs-2022-05-raid-stripe-tree-rfc-and-raid56-discussion.mbox': 88,
    'malformed/git-t5100/sample.mboxrd': 2,
    'mbox/patchwork/mail/0007-cvs-format-diff.mbox': 1,
  };
  for (const [file, count] of Object.entries(expected)) assert.equal(splitMbox(readFileSync(resolve(corpus, file))).length, count, file);
});
