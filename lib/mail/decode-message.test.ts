// Proves the raw-mail decoder: ids without brackets, References + In-Reply-To ancestry, RFC 2047
// names, charsets, quoted-printable, base64, format=flowed, impossible zones and missing headers
// become exact values or named diagnostics, never exceptions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeMessage, normalizeMessageId, messageIdsIn } from './decode-message';
import { decodeDate } from './decode-date';
import { unflow, decodeQuotedPrintable } from './decode-body';

const corpus = resolve('../shared/corpus');
const enc = new TextEncoder();
const mail = (s: string) => decodeMessage(enc.encode(s));

test('Message-IDs lose their brackets and ancestry is References then In-Reply-To', async () => {
  const m = await mail('Message-ID: <a@b>\nIn-Reply-To: <p@b> (Foo\'s message)\nReferences: <r@b>\n <r@b> <x@b>\nSubject: hi\nFrom: A <a@x>\nDate: Thu, 1 Nov 2018 10:17:26 -0400\n\nbody\n');
  assert.equal(m.messageId, 'a@b');
  assert.equal(m.inReplyTo, 'p@b');
  assert.deepEqual(m.references, ['r@b', 'x@b', 'p@b']);
  assert.equal(m.date, '2018-11-01T14:17:26.000Z');
  assert.equal(m.body, 'body\n');
  assert.deepEqual(m.diagnostics, []);
  assert.equal(normalizeMessageId('  bare@id  '), 'bare@id');
  assert.equal(normalizeMessageId('garbage'), null);
  assert.deepEqual(messageIdsIn('<a@b><c@d> <a@b>'), ['a@b', 'c@d']);
});

test('RFC 2047 names and subjects are decoded', async () => {
  const m = await mail('From: =?UTF-8?Q?Rafa=C5=82_Mi=C5=82ecki?= <z@g>\nSubject: =?iso-8859-1?q?Caf=E9?= ok\nMessage-ID: <1@x>\nDate: Sun, 1 Jan 2023 00:00:00 +0000\n\nx');
  assert.deepEqual(m.from, { name: 'Rafał Miłecki', address: 'z@g' });
  assert.equal(m.subject, 'Café ok');
});

test('quoted-printable, base64 and legacy charsets decode through TextDecoder', async () => {
  const qp = await mail('Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\nd=E9j=E0 vu=\n suite=3D\n');
  assert.equal(qp.body, 'déjà vu suite=\n');
  const b64 = await mail('Content-Transfer-Encoding: BASE64\n\naGVsbG8g\nd29ybGQ=\n');
  assert.equal(b64.body, 'hello world');
  const unknown = await mail('Content-Type: text/plain; charset=x-bogus-9\n\nplain');
  assert.equal(unknown.body, 'plain');
  assert.ok(unknown.diagnostics.some((d) => d.ruleId === 'unknown-charset'));
  assert.deepEqual([...decodeQuotedPrintable(enc.encode('=4x=41'))], [61, 52, 120, 65]);
});

test('format=flowed joins soft breaks per quote depth and honours DelSp', () => {
  assert.equal(unflow('one \ntwo\n> a \n> b\n-- \nsig', false), 'one two\n> a b\n-- \nsig');
  assert.equal(unflow('one \ntwo', true), 'onetwo');
});

test('dates: impossible zones, garbage and missing headers are diagnostics', () => {
  const d: { ruleId: string }[] = [];
  assert.equal(decodeDate('Sun, 31 Dec 2023 16:32:40 +9900', d as never), '2023-12-31T16:32:40.000Z');
  assert.equal(decodeDate('not a date', d as never), null);
  assert.equal(decodeDate('Mon, 1 Jan 3099 00:00:00 +0000', d as never), null);
  assert.equal(decodeDate(null, d as never), null);
  assert.deepEqual(d.map((x) => x.ruleId), ['date-invalid-zone', 'date-unparsable', 'date-out-of-range', 'date-missing']);
});

test('a body fragment with no header is a message with a no-headers diagnostic', async () => {
  const m = await mail('>From the beginning\nline two\n');
  assert.equal(m.body, '>From the beginning\nline two\n');
  assert.equal(m.messageId, null);
  assert.deepEqual(m.diagnostics.map((d) => d.ruleId), ['no-headers', 'message-id-missing', 'subject-missing', 'from-missing', 'date-missing']);
});

test('corpus: windows-1252 format=flowed reply and multipart/signed mail', async () => {
  const ext4 = await decodeMessage(readFileSync(resolve(corpus, 'malformed/lists/ext4-legacy-charset.eml')));
  assert.equal(ext4.messageId, '69AB6B2D.6070006@huawei.com');
  assert.equal(ext4.from.name, 'yebin (H)');
  assert.ok(ext4.body.includes('On 2026/3/6 17:55, Ojaswin Mujoo wrote:\n> On Fri, Feb 27, 2026'));
  const file = readFileSync(resolve(corpus, 'mbox/patchwork/mail/0020-multipart-comment.mbox'));
  const multi = await decodeMessage(file.subarray(file.indexOf(10) + 1));
  assert.equal(multi.subject, 'Re: [PATCH] parsemail: ignore html part of multi-part comments');
  assert.ok(multi.body.startsWith('Yup, this looks sensible to me.'), multi.body.slice(0, 80));
  assert.ok(!multi.body.includes('<html'));
});
