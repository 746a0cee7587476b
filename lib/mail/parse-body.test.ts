// Proves the line parser's block kinds, depths, speakers and answers on small exact bodies, that flattened bodies are detected, and the structural rules of flattened depth recovery (own patches, soft breaks, trailers, compiler gutters, log lines, operators).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isFlattened } from './is-flattened';
import { flattenBody, measureDepthAgreement } from './measure-depth-agreement';
import { parseBody } from './parse-body';
import { segment, tokenize } from './flattened-segments';
import { quotedLineWidth } from './split-choices';
import type { Block } from './types';

const me = { name: 'Me', address: 'me@example.org', date: null };

/** Blocks as [kind, depth, speaker, text] rows for exact comparison. */
const rows = (blocks: Block[]): [string, number, string | null, string][] => blocks.map((b) => [b.kind, b.depth, b.speaker?.name ?? null, b.text]);

test('the door exports the mail API the importer calls', async () => {
  const door: Record<string, unknown> = await import('./index');
  for (const name of ['parseBody', 'parseAttribution', 'deobfuscateAddress', 'parseLooseDate', 'isFlattened', 'quotePrefix', 'linkAnswers']) {
    assert.equal(typeof door[name], 'function', name);
  }
  const parsed = (door.parseBody as typeof parseBody)('x\n', { author: null });
  assert.deepEqual(parsed, { blocks: [{ kind: 'own', depth: 0, speaker: null, text: 'x', raw: 'x\n', start: 0, confidence: 1, answers: null }], diagnostics: [] });
});

test('attribution chain names the speaker of each depth; own text answers the passage above', () => {
  const body = [
    'On Mon, Jun 01, 2020 at 10:00:00AM +0200, Bob wrote:',
    '> On Sun, May 31, 2020 at 09:00:00PM -0700, Alice <alice@example.org> wrote:',
    '> > Alice said this.',
    '> ',
    '> Bob said that.',
    '',
    'I say this.',
    '',
    '> Bob again.',
    'And I answer again.',
    '',
  ].join('\n');
  const { blocks, diagnostics } = parseBody(body, { author: me });
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(rows(blocks), [
    ['attribution', 0, 'Me', 'On Mon, Jun 01, 2020 at 10:00:00AM +0200, Bob wrote:'],
    ['attribution', 1, 'Bob', 'On Sun, May 31, 2020 at 09:00:00PM -0700, Alice <alice@example.org> wrote:'],
    ['quote', 2, 'Alice', 'Alice said this.'],
    ['blank', 1, 'Bob', ''],
    ['quote', 1, 'Bob', 'Bob said that.'],
    ['blank', 0, 'Me', ''],
    ['own', 0, 'Me', 'I say this.'],
    ['blank', 0, 'Me', ''],
    ['quote', 1, 'Bob', 'Bob again.'],
    ['own', 0, 'Me', 'And I answer again.'],
  ]);
  assert.equal(blocks[6]?.answers, 4);
  assert.equal(blocks[9]?.answers, 8);
  assert.deepEqual(blocks[1]?.names, { name: 'Alice', address: 'alice@example.org', date: '2020-05-31T21:00:00-07:00' });
  assert.equal(blocks.map((b) => b.raw).join(''), body);
});

test('a new attribution at a shallower depth resets the deeper speakers', () => {
  const body = 'Bob wrote:\n> > deep one\n> Bob\n\nCarol wrote:\n> > deep two\n';
  const { blocks } = parseBody(body, { author: me });
  assert.deepEqual(rows(blocks).map(([k, d, s]) => [k, d, s]), [
    ['attribution', 0, 'Me'],
    ['quote', 2, null],
    ['quote', 1, 'Bob'],
    ['blank', 0, 'Me'],
    ['attribution', 0, 'Me'],
    ['quote', 2, null],
  ]);
});

test('an attribution wrapped over two lines is one attribution block', () => {
  const body = '> On Thu, Nov 01, 2018 at 10:02:25AM +1100, Dave Chinner\n> wrote:\n> > text\n';
  const { blocks } = parseBody(body, { author: me });
  assert.deepEqual(rows(blocks), [
    ['attribution', 1, null, 'On Thu, Nov 01, 2018 at 10:02:25AM +1100, Dave Chinner wrote:'],
    ['quote', 2, 'Dave Chinner', 'text'],
  ]);
});

test('a diff inside > quotes stays one patch block at its depth, then the reply', () => {
  const body = [
    '> Signed-off-by: A Person <a@example.org>',
    '> ---',
    '>  fs/x.c | 2 +-',
    '>  1 file changed, 1 insertion(+), 1 deletion(-)',
    '> ',
    '> diff --git a/fs/x.c b/fs/x.c',
    '> index 1234567..89abcde 100644',
    '> --- a/fs/x.c',
    '> +++ b/fs/x.c',
    '> @@ -1,3 +1,3 @@',
    '>  int x;',
    '>',
    '> -int y;',
    '> +int z;',
    '',
    'Why z?',
    '',
  ].join('\n');
  const { blocks } = parseBody(body, { author: me });
  assert.deepEqual(rows(blocks).map(([k, d]) => [k, d]), [
    ['trailer', 1],
    ['patch', 1],
    ['blank', 0],
    ['own', 0],
  ]);
  assert.equal(blocks[1]?.text.split('\n').length, 13);
  assert.equal(blocks[3]?.answers, 1);
});

test('trailers, elisions, signatures and list footers', () => {
  const body = [
    '> [...]',
    '> <snip>',
    'Looks good.',
    '',
    'Reviewed-by: Me <me@example.org>',
    'Acked-by: Other <o@example.org>',
    '',
    '-- ',
    'Me',
    'Some Company',
    '',
    '-- ',
    'You received this message because you are subscribed to the Google Groups "x" group.',
    'To unsubscribe from this group and stop receiving emails from it, send an email to x+unsubscribe@googlegroups.com.',
    '',
  ].join('\n');
  const { blocks } = parseBody(body, { author: me });
  assert.deepEqual(rows(blocks).map(([k, d]) => [k, d]), [
    ['elision', 1],
    ['own', 0],
    ['blank', 0],
    ['trailer', 0],
    ['blank', 0],
    ['signature', 0],
    ['blank', 0],
    ['footer', 0],
  ]);
  const mailman = parseBody('text\n_______________________________________________\nLinux-nvme mailing list\nLinux-nvme@lists.infradead.org\n', { author: me });
  assert.deepEqual(rows(mailman.blocks).map(([k]) => k), ['own', 'footer']);
  const vger = parseBody('text\n--\nTo unsubscribe from this list: send the line "unsubscribe linux-btrfs" in\nthe body of a message to majordomo@vger.kernel.org\n', { author: me });
  assert.deepEqual(rows(vger.blocks).map(([k]) => k), ['own', 'footer']);
});

test('CRLF bodies keep their bytes and get the same kinds', () => {
  const body = 'Bob wrote:\r\n> quoted\r\n\r\nreply\r\n';
  const { blocks } = parseBody(body, { author: me });
  assert.deepEqual(rows(blocks), [
    ['attribution', 0, 'Me', 'Bob wrote:'],
    ['quote', 1, 'Bob', 'quoted'],
    ['blank', 0, 'Me', ''],
    ['own', 0, 'Me', 'reply'],
  ]);
  assert.equal(blocks.map((b) => b.raw).join(''), body);
});

test('flattened bodies are detected; wrapped mail and code with > are not', () => {
  assert.equal(isFlattened(`On Mon, Jun 1, 2020, Bob wrote: > one line of quoted text here > > and deeper > > still more > back ${'x '.repeat(120)}`), true);
  assert.equal(isFlattened('> short\n> lines\nreply\n'), false);
  assert.equal(isFlattened(`if (a > b && c > d) return e > f; ${'y'.repeat(300)}`), false);
  assert.equal(isFlattened(''), false);
});

test('a flattened body gets depths from inline markers, with confidence below 1 and exact slices', () => {
  const body = 'On Mon, Jun 01, 2020 at 10:00:00AM +0200, Bob wrote: > On Sun, May 31, 2020 at 09:00:00PM -0700, Alice wrote: > > Alice wrote this sentence which is fairly long and > > continues here. > > Bob answers Alice in his own words, > and goes on. This is what I answer to both of you, and it is a long reply that goes on.';
  const { blocks } = parseBody(body, { author: me, flattened: true });
  assert.deepEqual(rows(blocks), [
    ['attribution', 0, 'Me', 'On Mon, Jun 01, 2020 at 10:00:00AM +0200, Bob wrote:'],
    ['attribution', 1, 'Bob', 'On Sun, May 31, 2020 at 09:00:00PM -0700, Alice wrote:'],
    ['quote', 2, 'Alice', 'Alice wrote this sentence which is fairly long and continues here.'],
    ['blank', 1, 'Bob', ''],
    ['quote', 1, 'Bob', 'Bob answers Alice in his own words, and goes on.'],
    ['own', 0, 'Me', 'This is what I answer to both of you, and it is a long reply that goes on.'],
  ]);
  assert.equal(blocks.map((b) => b.raw).join(''), body);
  // The empty quoted line's marker is its own blank block; the quote starts at its own marker.
  assert.equal(blocks[3]?.raw, '> ');
  assert.ok(blocks[4]?.raw.startsWith('> Bob answers'));
  assert.ok(blocks.slice(1).every((b) => b.confidence > 0 && b.confidence < 1));
  assert.equal(blocks[5]?.answers, 4);
});

test('flattened pages find attributions in other languages', () => {
  const body = 'El jue, 1 dic 2022 a las 22:30, Dave Chinner (<david@fromorbit.com>) escribió: > Le jeu. 1 déc. 2022 à 22:30, Jan Kara <jack@suse.cz> a écrit : > > Jan wrote this sentence, which is long and > > continues on this line. > Dave wrote that. My reply is long enough to be my own words and nothing else here.';
  const { blocks } = parseBody(body, { author: me, flattened: true });
  assert.deepEqual(blocks.filter((b) => b.kind === 'attribution').map((b) => [b.depth, b.names?.name, b.names?.date]), [
    [0, 'Dave Chinner', '2022-12-01T22:30'],
    [1, 'Jan Kara', '2022-12-01T22:30'],
  ]);
  assert.equal(blocks.find((b) => b.text.startsWith('Jan wrote this sentence'))?.speaker?.name, 'Jan Kara');
  assert.equal(blocks.find((b) => b.text.startsWith('Jan wrote this sentence'))?.depth, 2);
});

test('flattened: an own patch keeps its `>` as diff content (heredocs, comparisons), not as markers', () => {
  const body = 'Test heredocs in the shell tests.\n\ndiff --git a/t/x.t b/t/x.t\n--- a/t/x.t\n+++ b/t/x.t\n@@ -1,3 +1,4 @@\n   $ cat > x.diff << EOF\n+  > # HG changeset patch\n   > if (a > b) return;\n   > EOF\n';
  assert.deepEqual(measureDepthAgreement(body), { words: 33, quotedWords: 0, agreeLines: 33, agreeFlattened: 33 });
  const { blocks } = parseBody(flattenBody(body), { author: me, flattened: true });
  assert.deepEqual(blocks.map((b) => b.depth), [0]);
});

test('flattened: an undecoded quoted-printable soft break ends the quoted line, and the next marked line keeps its depth', () => {
  const body = 'On Mon, Jun 01, 2020 at 10:00:00AM +0200, Bob wrote:\n> The device extent at 19977638903808 length 1073741824 did not find its=\n relative chunk, so the check fails.\n> Is that =3D expected?\n\nYes.\n';
  assert.deepEqual(measureDepthAgreement(body), { words: 32, quotedWords: 15, agreeLines: 32, agreeFlattened: 32 });
  // Without escapes in the body, a break at the encoder's 76th column still counts.
  const bare = 'On Mon, Jun 01, 2020 at 10:00:00AM +0200, Bob wrote:\n>>> Personally I think that the ZFS variable stripe size, may be interesti=\nng\n>>> to evaluate, because the disk format is quite flexible.\n\nAgreed.\n';
  assert.deepEqual(measureDepthAgreement(bare), { words: 33, quotedWords: 21, agreeLines: 33, agreeFlattened: 33 });
});

test('flattened: a compiler source-context gutter ends the kernel test robot\'s >>-flagged error line', () => {
  const body = '>> block/ioctl.c:791:2: error: call to undeclared function IO_URING_CMD_TASK_WORK; ISO C99 and later do not support implicit function declarations\n     791 |         Io_uring_cmd_do_in_task_lazy(cmd, blk_cmd_complete);\n         |         ^\n>> block/ioctl.c:783:13: error: parameter named bio_cmd_bio_end_io is missing\n     783 | Static void bio_cmd_bio_end_io(struct bio *bio)\n';
  const { blocks } = parseBody(flattenBody(body), { author: me, flattened: true });
  assert.deepEqual(blocks.map((b) => [b.depth, b.text.slice(0, 12)]), [
    [2, 'block/ioctl.'],
    [0, '791 | Io_uri'],
    [2, 'block/ioctl.'],
    [0, '783 | Static'],
  ]);
});

test('flattened: a quoted trailer is one line ending at its address; after a lone `>` it is the replier\'s own', () => {
  const quoted = 'On Mon, Jun 01, 2020 at 10:00:00AM +0200, Bob wrote:\n>> This is a simple trailer parsing test.\n> \n> Reviewed-by: Followup Reviewer1 <reviewer1@example.com>\n\nTested-by: Followup Reviewer2 <followup-reviewer2@example.com>\n';
  assert.deepEqual(measureDepthAgreement(quoted), { words: 25, quotedWords: 11, agreeLines: 25, agreeFlattened: 25 });
  const own = 'On Mon, Jun 01, 2020 at 10:00:00AM +0200, Bob wrote:\n>   void xsk_map_put(struct xsk_map *map)\n>\n\nAcked-by: Björn Töpel <bjorn.topel@intel.com>\n\nThanks for the patch!\n';
  assert.deepEqual(measureDepthAgreement(own), { words: 22, quotedWords: 4, agreeLines: 22, agreeFlattened: 22 });
  // Unless the quoted line before announced it.
  const announced = 'On Mon, Jun 01, 2020 at 10:00:00AM +0200, syzbot wrote:\n> IMPORTANT: if you fix the issue, please add the following tag to the commit:\n> Reported-by: syzbot+b0e66d3779134f468156@syzkaller.appspotmail.com\n\nThis one injects an -ENOMEM at a critical path.\n';
  assert.deepEqual(measureDepthAgreement(announced), { words: 35, quotedWords: 16, agreeLines: 35, agreeFlattened: 35 });
});

test('flattened: prose around inline `>` comparisons does not widen the quoted-line estimate', () => {
  // "bs > ps cases, because ..." looks like a line continued after a marker, but a wrapped line
  // is never 160+ characters long, so the estimate stays at the usual width.
  const prose = `Encoded send is disabled ${'for bs > ps cases, because they use regular pages or kvmalloc memory as buffers, which do not meet the folio size requirement of the checksum code as a whole, and so on, '.repeat(5)}and we stop.`;
  assert.equal(quotedLineWidth(prose, segment(prose, tokenize(prose))), 80);
  const wrapped = 'On Mon, Jun 01, 2020, Bob wrote: > one quoted line that goes on for a while and > continues on the next line of the same > sentence which again is cut in the > middle of a thought.';
  assert.equal(quotedLineWidth(wrapped, segment(wrapped, tokenize(wrapped))), 80);
});

test('flattened: a comparison in the author\'s code before any quote is an operator, not a marker', () => {
  const body = 'The caller retries the send:\n\n        err = dev_queue_xmit(skb);\n        if (err > 0)\n                err = net_xmit_errno(err);\n\nso a positive return is turned into an errno before it is seen.\n';
  assert.deepEqual(measureDepthAgreement(body), { words: 27, quotedWords: 0, agreeLines: 27, agreeFlattened: 27 });
});

test('flattened: a long kernel log line between two quoted log lines stays one quoted line', () => {
  // "Modules linked in: ..." runs far past the quoted-line width; the reply after the last log
  // line is still the author's. One word misses: the last line splits after "stamp:" before a number.
  const body = 'On Mon, Jun 01, 2020 at 10:00:00AM +0200, Bob wrote:\n> [ 4606.053701] watchdog: BUG: soft lockup - CPU#23 stuck for 26s! [xfs_io:1139165]\n> [ 4606.061022] Modules linked in: dm_snapshot dm_bufio ext4 mbcache jbd2 loop dm_flakey dm_mod rfkill intel_rapl_msr intel_rapl_common. Intel_uncore_frequency intel_uncore_frequency_common i10nm_edac nfit\n> [ 4606.139091] irq event stamp: 606146\n\nThat is the lockup. Have you tried without compression?\n';
  assert.deepEqual(measureDepthAgreement(body), { words: 57, quotedWords: 38, agreeLines: 57, agreeFlattened: 56 });
});

test('flattened: a lone ">=" is a comparison, not a marker', () => {
  const body = 'Fix build error with Linux kernel >= v4.7 by using the new helper.\n\nSigned-off-by: A Developer <dev@example.org>\n';
  assert.deepEqual(measureDepthAgreement(body), { words: 17, quotedWords: 0, agreeLines: 17, agreeFlattened: 17 });
});

test('flattened: "bs > ps" in the author\'s prose before any quote is a comparison', () => {
  const body = 'Previously encoded send is disabled for bs > ps cases,\nbecause they use regular pages as buffers.\n\nFor bs > ps cases, we now accept an array of paddrs.\n\nOn Mon, Jun 01, 2020 at 10:00:00AM +0200, Bob wrote:\n> Does this cover read repair?\n\nYes.\n';
  assert.deepEqual(measureDepthAgreement(body), { words: 43, quotedWords: 5, agreeLines: 43, agreeFlattened: 43 });
});
