// Proves format detection and page reading for each archive style (as text after HTML-to-text):
// lore, hypermail (lkml.iu.edu), lkml.org, MHonArc/spinics, mail-archive.com, pipermail,
// openwall, patchwork, flattened pages, mbox, mboxrd and eml, with the evidence named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { detectFormat } from './detect-format';
import { readPage } from './read-page';

const BODY = 'On Thu, Nov 01, 2018 at 10:17:26AM -0400, Brian Foster wrote:\n> quoted line\n\nown reply\n';

const PAGES: Record<string, { text: string; format: string; subject: string | null; name: string | null; address: string | null; asWritten: string | null; date: string | null; id: string | null }> = {
  lore: {
    text: `From: Dave Chinner\nTo: Brian Foster\nCc: linux-xfs@vger.kernel.org\nSubject: Re: [PATCH] xfs: stop on error\nDate: Fri, 2 Nov 2018 09:26:27 +1100\t[thread overview]\nMessage-ID: <20181101222627.GD19305@dastard> (raw)\nIn-Reply-To: <20181101141726.GA25003@bfoster>\n\n${BODY}\n^ permalink raw reply\t[flat|nested] 12+ messages in thread\n\nThread overview: 12+ messages\n`,
    format: 'lore-page', subject: 'Re: [PATCH] xfs: stop on error', name: 'Dave Chinner', address: null, asWritten: null, date: 'Fri, 2 Nov 2018 09:26:27 +1100', id: '20181101222627.GD19305@dastard',
  },
  hypermail: {
    text: `Re: [PATCH] xfs: stop on error\n\nFrom: Dave Chinner\nDate: Thu Nov 01 2018 - 18:26:27 EST\n\nNext message: Brian Foster: "Re: ..."\nPrevious message: Jan Kara: "..."\nIn reply to: Brian Foster: "Re: ..."\nMessages sorted by: [ date ] [ thread ] [ subject ] [ author ]\n\n${BODY}`,
    format: 'hypermail-page', subject: 'Re: [PATCH] xfs: stop on error', name: 'Dave Chinner', address: null, asWritten: null, date: 'Thu Nov 01 2018 - 18:26:27 EST', id: null,
  },
  lkmlOrg: {
    text: `Date\tFri, 2 Nov 2018 09:26:27 +1100\nFrom\tDave Chinner <>\nSubject\tRe: [PATCH] xfs: stop on error\n\n${BODY}`,
    format: 'lkml-org-page', subject: 'Re: [PATCH] xfs: stop on error', name: 'Dave Chinner', address: null, asWritten: null, date: 'Fri, 2 Nov 2018 09:26:27 +1100', id: null,
  },
  spinics: {
    text: `[Date Prev][Date Next][Thread Prev][Thread Next][Date Index][Thread Index]\n\nSubject: Re: [PATCH] xfs: stop on error\nFrom: Dave Chinner <david@xxxxxxxxxxxxx>\nDate: Fri, 2 Nov 2018 09:26:27 +1100\nCc: linux-xfs@xxxxxxxxxxxxxxx\n\n${BODY}\n* Follow-Ups:\n  * Re: [PATCH] xfs: stop on error\n    * From: Brian Foster\n* Prev by Date: foo\n`,
    format: 'mhonarc-page', subject: 'Re: [PATCH] xfs: stop on error', name: 'Dave Chinner', address: null, asWritten: 'david@xxxxxxxxxxxxx', date: 'Fri, 2 Nov 2018 09:26:27 +1100', id: null,
  },
  pipermail: {
    text: `[Linux-xfs] Re: [PATCH] xfs: stop on error\nDave Chinner david at fromorbit.com\nFri Nov 2 09:26:27 AEDT 2018\n\n    * Previous message: [PATCH] xfs: ...\n    * Next message: Re: ...\n    * Messages sorted by: [ date ] [ thread ] [ subject ] [ author ]\n\n${BODY}`,
    format: 'pipermail-page', subject: 'Re: [PATCH] xfs: stop on error', name: 'Dave Chinner', address: null, asWritten: 'david at fromorbit.com', date: 'Fri Nov 2 09:26:27 AEDT 2018', id: null,
  },
  openwall: {
    text: `[] [] [thread-prev] [thread-next] [day] [month] [year] [list]\nDate: Fri, 2 Nov 2018 09:26:27 +1100\nFrom: Dave Chinner <david@fromorbit.com>\nTo: oss-security@lists.openwall.com\nSubject: Re: stop on error\n\n${BODY}`,
    format: 'openwall-page', subject: 'Re: stop on error', name: 'Dave Chinner', address: 'david@fromorbit.com', asWritten: 'david@fromorbit.com', date: 'Fri, 2 Nov 2018 09:26:27 +1100', id: null,
  },
  mailArchive: {
    text: `${BODY}--\nTo unsubscribe from this list: send the line "unsubscribe linux-btrfs" in\nthe body of a message to majord...@vger.kernel.org\n\nReply via email to\n`,
    format: 'mail-archive-page', subject: null, name: null, address: null, asWritten: null, date: null, id: null,
  },
  patchwork: {
    text: `[v2] xfs: stop on error\n\nSubmitter\tBrian Foster\nDate\tOct. 31, 2018, 2:01 p.m.\nMessage ID\t<20181031140155.17996-1-bfoster@redhat.com>\n\n${BODY}`,
    format: 'patchwork-page', subject: '[v2] xfs: stop on error', name: 'Brian Foster', address: null, asWritten: null, date: 'Oct. 31, 2018, 2:01 p.m.', id: '20181031140155.17996-1-bfoster@redhat.com',
  },
};

for (const [name, p] of Object.entries(PAGES)) {
  test(`${name}: detected as ${p.format}; headers and body read`, () => {
    const d = detectFormat(p.text);
    assert.equal(d.format, p.format, d.evidence.join('; '));
    assert.ok(d.evidence.length > 0);
    const page = readPage(p.text, d.format);
    assert.deepEqual([page.subject, page.from.name, page.from.address, page.from.asWritten, page.dateText, page.messageId], [p.subject, p.name, p.address, p.asWritten, p.date, p.id]);
    assert.ok(page.body.startsWith('On Thu, Nov 01, 2018 at 10:17:26AM -0400, Brian Foster wrote:\n> quoted line\n\nown reply\n'), JSON.stringify(page.body.slice(0, 120)));
    assert.ok(!page.body.includes('permalink') && !page.body.includes('Follow-Ups') && !page.body.includes('Reply via email'), page.body);
    assert.equal(page.flattened, false);
  });
}

test('flattened pages, mbox flavours and eml are told apart', () => {
  const seed = readFileSync(resolve('../shared/seeds/000_47d84fd9b3284998.txt'), 'utf8');
  assert.equal(detectFormat(seed).format, 'flattened-page');
  const flat = readPage(seed, 'flattened-page');
  assert.equal(flat.flattened, true);
  assert.equal(flat.body, seed.trim());
  assert.equal(detectFormat('From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: a\n\nx').format, 'mboxrd');
  assert.equal(detectFormat('From nobody Mon Sep 17 00:00:00 2001\nFrom: a\n\n>>From x').format, 'mboxrd');
  assert.equal(detectFormat('From nobody Mon Sep 17 00:00:00 2001\nFrom: a\n\nx').format, 'mbox');
  assert.equal(detectFormat('Return-Path: <a@b>\nFrom: a <a@b>\nSubject: x\n\nbody').format, 'eml');
  assert.equal(detectFormat('just some words\nand more').format, 'text-page');
});

test('a flattened spinics page that kept its header block gives subject, sender and date', () => {
  const text = '[Date Prev][Date Next][Thread Prev][Thread Next][Date Index][Thread Index] Subject: Re: [PATCH] xfs: stop on error From: Dave Chinner <david@xxxxxxxxxxxxx> Date: Fri, 2 Nov 2018 09:26:27 +1100 ' +
    'On Thu, Nov 01, 2018 at 10:17:26AM -0400, Brian Foster wrote: > quoted line own reply. '.repeat(8) + '* Follow-Ups: * Re: [PATCH] xfs: stop on error * From: Brian Foster';
  const page = readPage(text, detectFormat(text).format);
  assert.equal(page.flattened, true);
  assert.deepEqual([page.subject, page.from.name, page.from.asWritten, page.dateText], ['Re: [PATCH] xfs: stop on error', 'Dave Chinner', 'david@xxxxxxxxxxxxx', 'Fri, 2 Nov 2018 09:26:27 +1100']);
  assert.ok(page.body.startsWith('On Thu, Nov 01, 2018 at 10:17:26AM -0400, Brian Foster wrote:'));
  assert.ok(page.body.endsWith('own reply.'), page.body.slice(-40));
});
