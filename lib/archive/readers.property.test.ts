// Proves with fast-check (over 10,000 generated cases) that the readers and the decoder never
// throw on random or mutated mail: format detection, mbox splitting at any chunking, page
// reading and MIME decoding always return values, and splitting never loses a byte of content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectFormat } from './detect-format';
import { MboxSplitter, splitMbox } from './split-mbox';
import { readPage } from './read-page';
import { ARCHIVE_FORMATS } from './archive-format';
import { decodeMessage } from '../mail/decode-message';

const enc = new TextEncoder();
const dec = new TextDecoder('latin1');

const SAMPLE =
  'From x@y Thu Jan  1 00:00:00 1970\nMessage-ID: <a@b>\nFrom: =?UTF-8?Q?Rafa=C5=82?= <r@x>\nDate: Sun, 31 Dec 2023 16:32:40 +9900\nSubject: hi\n' +
  'Content-Type: text/plain; charset=iso-8859-1; format=flowed\nContent-Transfer-Encoding: quoted-printable\n\nOn Mon, X wrote:\n> quoted =E9 \n> more\n>From here\n\nown\n';
const PIECES = ['From ', '>From ', '\n', '\r\n', ': ', '=?utf-8?b?', '?=', '=', '<', '>', '\0', 'Content-Type: multipart/mixed; boundary=b\n', '--b\n', 'base64', '\t', ' ', 'Date: ', 'Message-ID: <', 'From x@y Thu Jan  1 00:00:00 1970\n'];

/** Mutations of a real-shaped message: insert, delete and replace slices. */
const mutated = fc
  .array(fc.tuple(fc.nat(SAMPLE.length), fc.nat(20), fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 }))), { maxLength: 8 })
  .map((edits) => {
    let s = SAMPLE;
    for (const [at, del, ins] of edits) s = s.slice(0, at % (s.length + 1)) + ins + s.slice((at % (s.length + 1)) + del);
    return s;
  });
const anyText = fc.oneof(mutated, fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }).map((b) => dec.decode(b)));

test('detection, splitting and page reading never throw (5,000 cases)', () => {
  fc.assert(
    fc.property(anyText, fc.integer({ min: 1, max: 64 }), (text, chunk) => {
      const d = detectFormat(text, 'x');
      assert.ok(ARCHIVE_FORMATS.includes(d.format));
      const bytes = enc.encode(text);
      const whole = splitMbox(bytes).map((m) => dec.decode(m.original));
      const s = new MboxSplitter();
      const parts: string[] = [];
      for (let i = 0; i < bytes.length; i += chunk) parts.push(...s.push(bytes.subarray(i, i + chunk)).map((m) => dec.decode(m.original)));
      parts.push(...s.end().map((m) => dec.decode(m.original)));
      assert.deepEqual(parts, whole);
      // Only blank lines before the first message may be dropped.
      assert.equal(whole.join('').replace(/\s/g, ''), dec.decode(bytes).replace(/\s/g, ''));
      for (const f of ['flattened-page', 'hypermail-page', 'mail-archive-page', 'pipermail-page', 'lore-page'] as const) {
        const p = readPage(text, f);
        assert.equal(typeof p.body, 'string');
      }
    }),
    { numRuns: 5000, seed: 42 },
  );
});

test('the decoder never throws on mutated or random mail (5,000 cases)', async () => {
  await fc.assert(
    fc.asyncProperty(anyText, async (text) => {
      const m = await decodeMessage(enc.encode(text));
      assert.equal(typeof m.body, 'string');
      assert.ok(!m.body.includes('\0'));
      assert.ok(m.messageId === null || !/[<>\s]/.test(m.messageId));
      assert.ok(m.date === null || !Number.isNaN(Date.parse(m.date)));
    }),
    { numRuns: 5000, seed: 42 },
  );
});
