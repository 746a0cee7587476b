// Proves parseAttribution reads every attribution shape kernel mail uses (dates to exact ISO 8601 with their zone) and refuses prose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAttribution } from './parse-attribution';

const cases: [string, { name: string | null; address: string | null; date: string | null }][] = [
  ['On Thu, Nov 01, 2018 at 10:17:26AM -0400, Brian Foster wrote:', { name: 'Brian Foster', address: null, date: '2018-11-01T10:17:26-04:00' }],
  ['On Mon 11-05-26 15:23:29, Jan Kara wrote:', { name: 'Jan Kara', address: null, date: '2026-05-11T15:23:29' }],
  ['On Thu, 2023-01-19 at 09:44 +1100, Dave Chinner wrote:', { name: 'Dave Chinner', address: null, date: '2023-01-19T09:44+11:00' }],
  ['On Jul 15, 2024, at 4:03 PM, Wengang Wang <wen.gang.wang@oracle.com> wrote:', { name: 'Wengang Wang', address: 'wen.gang.wang@oracle.com', date: '2024-07-15T16:03' }],
  ['* Ingo Molnar <mingo@kernel.org> [2020-06-04 12:00]:', { name: 'Ingo Molnar', address: 'mingo@kernel.org', date: '2020-06-04T12:00' }],
  ['* Andrew Morton <akpm@linux-foundation.org> wrote:', { name: 'Andrew Morton', address: 'akpm@linux-foundation.org', date: null }],
  ['Christoph Hellwig <hch@lst.de> writes:', { name: 'Christoph Hellwig', address: 'hch@lst.de', date: null }],
  ['Dave Chinner wrote:', { name: 'Dave Chinner', address: null, date: null }],
  ['Quoting Stephen Boyd (2020-06-04 12:00:00)', { name: 'Stephen Boyd', address: null, date: '2020-06-04T12:00:00' }],
  ['在 2025/4/9 20:40, Mark Harmstone 写道:', { name: 'Mark Harmstone', address: null, date: '2025-04-09T20:40' }],
  ['Am Do., 1. Dez. 2022 um 22:30 Uhr schrieb Dave Chinner <david@fromorbit.com>:', { name: 'Dave Chinner', address: 'david@fromorbit.com', date: '2022-12-01T22:30' }],
  ['Le jeu. 1 déc. 2022 à 22:30, Dave Chinner <david@fromorbit.com> a écrit :', { name: 'Dave Chinner', address: 'david@fromorbit.com', date: '2022-12-01T22:30' }],
  ['El jue, 1 dic 2022 a las 22:30, Dave Chinner (<david@fromorbit.com>) escribió:', { name: 'Dave Chinner', address: 'david@fromorbit.com', date: '2022-12-01T22:30' }],
  ['On Wed, Jun 3, 2020 at 12:23 PM Filipe Manana <fdmanana@xxxxxxxxx> wrote:', { name: 'Filipe Manana', address: null, date: '2020-06-03T12:23' }],
  ['On 17:23 28/05, Darrick J. Wong wrote:', { name: 'Darrick J. Wong', address: null, date: null }],
  ['On 14.07.22 09:32, Qu Wenruo wrote:', { name: 'Qu Wenruo', address: null, date: '2022-07-14T09:32' }],
  ['On 14/07/2022 09.46, Johannes Thumshirn wrote:', { name: 'Johannes Thumshirn', address: null, date: '2022-07-14T09:46' }],
  ['On 2022/5/16 22:31, Johannes Thumshirn wrote:', { name: 'Johannes Thumshirn', address: null, date: '2022-05-16T22:31' }],
  ['On 14/06/2025 12.42 am, Boris Burkov wrote:', { name: 'Boris Burkov', address: null, date: '2025-06-14T00:42' }],
  ['On 12/1/22 10:30 PM, Jens Axboe wrote:', { name: 'Jens Axboe', address: null, date: '2022-12-01T22:30' }],
  ['On Thu, 1 Dec 2022 10:30:00 +0100, Jan Kara <jack@suse.cz> wrote:', { name: 'Jan Kara', address: 'jack@suse.cz', date: '2022-12-01T10:30:00+01:00' }],
  ['Qu Wenruo kirjoitti 5.10.2025 klo 1.41:', { name: 'Qu Wenruo', address: null, date: '2025-10-05T01:41' }],
  ['Op do 1 dec. 2022 om 22:30 schreef Dave Chinner <david@fromorbit.com>:', { name: 'Dave Chinner', address: 'david@fromorbit.com', date: '2022-12-01T22:30' }],
  ['Em qui., 1 de dez. de 2022 às 22:30, Dave Chinner <david@fromorbit.com> escreveu:', { name: 'Dave Chinner', address: 'david@fromorbit.com', date: '2022-12-01T22:30' }],
  ['Chris Mason <c...@fb.com> wrote:', { name: 'Chris Mason', address: null, date: null }],
  ['On Thursday, December 1st, 2022, Dave wrote:', { name: 'Dave', address: null, date: null }],
];

test('every attribution shape gives name, address and exact ISO date', () => {
  for (const [line, want] of cases) {
    const got = parseAttribution(line);
    assert.ok(got, line);
    assert.deepEqual({ name: got.name, address: got.address, date: got.date }, want, line);
  }
});

test('attributions wrapped over two lines parse once joined', () => {
  const got = parseAttribution('On Thu, Nov 01, 2018 at 10:17:26AM -0400, Brian Foster\nwrote:');
  assert.equal(got?.name, 'Brian Foster');
  assert.equal(got?.date, '2018-11-01T10:17:26-04:00');
  const gmail = parseAttribution('On Thu, Dec 1, 2022 at 10:30 PM Dave Chinner <\ndavid@fromorbit.com> wrote:');
  assert.equal(gmail?.address, 'david@fromorbit.com');
});

test('obfuscated addresses and undated attributions keep what was written', () => {
  const got = parseAttribution('On Wed, Jun 3, 2020 at 12:23 PM Filipe Manana <fdmanana@xxxxxxxxx> wrote:');
  assert.equal(got?.addressWritten, 'fdmanana@xxxxxxxxx');
  assert.equal(got?.dateWritten, 'Wed, Jun 3, 2020 at 12:23 PM');
  assert.equal(parseAttribution('On 17:23 28/05, Darrick J. Wong wrote:')?.dateWritten, '17:23 28/05');
});

test('prose that ends in "wrote:" is not an attribution', () => {
  for (const line of ['As Dave wrote:', 'which is what I wrote:', 'On the other hand, I wrote:', 'This is what the patch wrote:', 'wrote:', `On ${'x'.repeat(500)} wrote:`]) {
    assert.equal(parseAttribution(line), null, line);
  }
});
