// Proves threadlab's fast decoder for single-part text mail agrees with postal-mime, the maintained
// MIME library it stands in for (for speed; postal-mime still decodes every multipart message):
// on every single-part, non-flowed message of the real-mail corpus the decoded body, subject and
// sender are exactly postal-mime's. format=flowed bodies are not compared: postal-mime joins a
// soft-broken quoted line with the following line even when that line has another quote depth,
// which RFC 3676 section 4.5 forbids and which moves a replier's own words into the quote; the
// second test pins that case on a real message, where threadlab keeps the RFC's reading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import PostalMime from 'postal-mime';
import { decodeMessage } from './decode-message';
import { headerValue } from './decode-headers';
import { splitMbox } from '../archive';

const corpus = resolve(process.cwd(), '../shared/corpus/mbox');
const DIRS = ['lists', 'threads'];

function trimEnd(s: string): string {
  return s.replace(/\s+$/, '');
}

test('single-part mail: every corpus body, subject and sender equals postal-mime', async () => {
  let compared = 0;
  let flowed = 0;
  const bodyDiffs: string[] = [];
  const headerDiffs: string[] = [];
  for (const dir of DIRS) {
    for (const f of readdirSync(resolve(corpus, dir)).filter((x) => x.endsWith('.mbox')).sort()) {
      for (const m of splitMbox(new Uint8Array(readFileSync(resolve(corpus, dir, f))), 'mboxrd')) {
        const ours = await decodeMessage(m.bytes);
        const ct = headerValue(ours.headers, 'content-type') ?? '';
        if (/^\s*multipart\//i.test(ct) || (ct.includes('/') && !/^\s*text\/plain/i.test(ct))) continue; // postal-mime decodes these itself
        const pm = await PostalMime.parse(m.bytes);
        if ((ours.subject ?? '') !== (pm.subject ?? '') || (ours.from.address ?? '') !== (pm.from?.address ?? '')) headerDiffs.push(`${dir}/${f}:${m.line}`);
        const theirs = (pm.text ?? '').replace(/\r\n/g, '\n').replace(/\0/g, '\uFFFD');
        if (/format\s*=\s*"?flowed/i.test(ct)) {
          flowed += 1;
          continue;
        }
        compared += 1;
        if (trimEnd(ours.body) !== trimEnd(theirs)) bodyDiffs.push(`${dir}/${f}:${m.line}`);
      }
    }
  }
  assert.ok(compared > 6_900, `only ${compared} single-part messages compared`);
  assert.ok(flowed > 300, `only ${flowed} flowed messages compared`);
  assert.deepEqual(headerDiffs, []);
  assert.deepEqual(bodyDiffs.slice(0, 20), []);
});

test('format=flowed: a soft-broken quoted line does not swallow the unquoted reply after it (RFC 3676 4.5)', async () => {
  // Qu Wenruo's reply in linux-btrfs: the quote ends with "> " (a flowed line at depth 1), then a
  // blank line and his own words at depth 0. Lines of different depth never join.
  const mbox = new Uint8Array(readFileSync(resolve(corpus, 'lists/linux-btrfs-2025-10.mbox')));
  const m = splitMbox(mbox, 'mboxrd').find((x) => x.line === 12070);
  assert.ok(m !== undefined);
  const ours = await decodeMessage(m.bytes);
  assert.ok(ours.body.includes("> (full dump attached).\n>\n\nOverall you shouldn't trust chunk-recovery tool that much.\n"));
  const pm = await PostalMime.parse(m.bytes);
  // postal-mime quotes the reply ("> Overall ..."): the reason flowed mail is not checked against it.
  assert.ok((pm.text ?? '').includes("> (full dump attached).\n> Overall you shouldn't trust"));
});
