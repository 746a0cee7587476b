// Proves parseBody gets who-says-what right on the five seed pages: depth, kind and speaker of chosen sentences, attribution chains with exact dates, answers, losslessness.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBody } from './parse-body';
import type { Block, BlockKind, Speaker } from './types';

const seeds = path.resolve(process.cwd(), '../shared/seeds');
const read = (name: string): string => readFileSync(path.join(seeds, name), 'utf8');
const author = (name: string): Speaker => ({ name, address: null, date: null });

/** The block whose text contains the sentence (exactly one must). */
function blockOf(blocks: Block[], sentence: string): { block: Block; index: number } {
  const hits = blocks.map((b, i) => ({ block: b, index: i })).filter((x) => x.block.text.replace(/\s+/g, ' ').includes(sentence));
  assert.equal(hits.length, 1, `exactly one block holds "${sentence}" (found ${hits.length})`);
  return hits[0] as { block: Block; index: number };
}

/** Assert kind, depth and speaker name of the block holding a sentence. */
function says(blocks: Block[], sentence: string, kind: BlockKind, depth: number, speaker: string | null): number {
  const { block, index } = blockOf(blocks, sentence);
  assert.deepEqual({ kind: block.kind, depth: block.depth, speaker: block.speaker?.name ?? null }, { kind, depth, speaker }, sentence);
  return index;
}

/** The attribution blocks as [depth, name, date, dateWritten-when-no-date]. */
function chain(blocks: Block[]): [number, string | null, string | null][] {
  return blocks.filter((b) => b.kind === 'attribution').map((b) => [b.depth, b.names?.name ?? null, b.names?.date ?? b.names?.dateWritten ?? null]);
}

const lossless = (body: string, blocks: Block[]): void => {
  assert.equal(blocks.map((b) => b.raw).join(''), body);
  let at = 0;
  for (const b of blocks) {
    assert.equal(b.start, at);
    at += b.raw.length;
  }
};

test('seed 000 (flattened): Dave answers Brian, who answered Dave, who answered Brian', () => {
  const body = read('000_47d84fd9b3284998.txt');
  const { blocks, diagnostics } = parseBody(body, { author: author('Dave Chinner') });
  lossless(body, blocks);
  assert.ok(diagnostics.some((d) => d.ruleId === 'body-flattened'));
  assert.deepEqual(chain(blocks), [
    [0, 'Brian Foster', '2018-11-01T10:17:26-04:00'],
    [1, 'Dave Chinner', '2018-11-01T10:02:25+11:00'],
    [2, 'Brian Foster', '2018-10-31T10:01:55-04:00'],
  ]);
  says(blocks, 'xfs_do_writepage() currently returns errors directly regardless of', 'quote', 3, 'Brian Foster');
  says(blocks, 'That sounds like a bug in write_cache_pages().', 'quote', 2, 'Dave Chinner');
  says(blocks, 'every filesystem that uses write_cache_pages() for data integrity writes is broken', 'quote', 2, 'Dave Chinner');
  const veered = says(blocks, 'I veered away from this approach initially', 'quote', 1, 'Brian Foster');
  const fix = says(blocks, 'We should fix problems in the generic code', 'own', 0, 'Dave Chinner');
  assert.equal(blocks[fix]?.answers, veered);
  says(blocks, 'This can be problematic in cases like unmount.', 'quote', 3, 'Brian Foster');
  says(blocks, 'XFS is probably the only filesystem that leaves detectable state', 'quote', 2, 'Dave Chinner');
  says(blocks, 'XFS explicitly discards delalloc blocks on such writepage failures', 'quote', 3, 'Brian Foster');
  says(blocks, 'needs to continue iterating the range if WB_SYNC_ALL is set', 'quote', 2, 'Dave Chinner');
  says(blocks, 'some kind of means for the callback to signal the caller to stop', 'quote', 1, 'Brian Foster');
  says(blocks, 'The comment on wcp error handling is enlightening', 'own', 0, 'Dave Chinner');
  says(blocks, '"ie it may not be suitable for data integrity writeout" In a nutshell.', 'own', 0, 'Dave Chinner');
  says(blocks, 'OTOH, we could maintain the ability to interrupt the scan', 'quote', 1, 'Brian Foster');
  // Brian's one-word question ends his quoted line; Dave's answer starts after it.
  assert.ok(blockOf(blocks, 'OTOH, we could').block.text.endsWith('existing callers. Thoughts?'));
  says(blocks, "I'm not sure why we'd want \"stop on error\" for data integrity", 'own', 0, 'Dave Chinner');
  says(blocks, '-- Dave Chinner david@xxxxxxxxxxxxx', 'signature', 0, 'Dave Chinner');
  // "a page with three nested attributions has no depth-4 text"
  assert.equal(Math.max(...blocks.map((b) => b.depth)), 3);
});

test('seed 001 (flattened): Darrick answers inline, unquoted, inside a five-level chain', () => {
  const body = read('001_7b98a5be884bdaf1.txt');
  const { blocks } = parseBody(body, { author: author('Darrick J. Wong') });
  lossless(body, blocks);
  assert.deepEqual(chain(blocks), [
    [0, 'Filipe Manana', '2020-06-03T12:32:15+01:00'],
    [1, 'Filipe Manana', '2020-06-03T12:23'],
    [2, 'Goldwyn Rodrigues', '2020-06-01T16:16'],
    [3, 'Darrick J. Wong', '17:23 28/05'],
    [4, 'Goldwyn Rodrigues', '2020-05-28T14:21:03-05:00'],
  ]);
  says(blocks, 'Filesystems such as btrfs are unable to guarantee page invalidation', 'quote', 5, 'Goldwyn Rodrigues');
  says(blocks, 'Locked for what? filemap_write_and_wait_range should have just cleaned', 'quote', 4, 'Darrick J. Wong');
  says(blocks, 'Signed-off-by: Goldwyn Rodrigues <rgoldwyn@xxxxxxxx>', 'trailer', 5, 'Goldwyn Rodrigues');
  // The quoted diff is one patch block, `>>` shifts inside it included.
  const patch = says(blocks, 'diff --git a/fs/iomap/direct-io.c b/fs/iomap/direct-io.c', 'patch', 5, 'Goldwyn Rodrigues');
  assert.ok(blocks[patch]?.text.includes('pos >> PAGE_SHIFT, end >> PAGE_SHIFT);'));
  assert.ok(blocks[patch]?.text.includes('goto out_free_dio;'));
  says(blocks, "XFS doesn't fall back to buffered io when directio fails", 'quote', 4, 'Darrick J. Wong');
  says(blocks, 'What happens if you try to dirty an mmap page at the same time as issuing a directio?', 'own', 0, 'Darrick J. Wong');
  says(blocks, 'happen hypothetically if they do occur? Carry on with the direct I/O?', 'quote', 3, 'Goldwyn Rodrigues');
  says(blocks, 'In the old days, we would only WARN when we encountered collisions like this.', 'own', 0, 'Darrick J. Wong');
  says(blocks, "XFS doesn't implement buffered write fallback, and it never has.", 'own', 0, 'Darrick J. Wong');
  says(blocks, "It doesn't make much to me to emit the warning", 'quote', 2, 'Filipe Manana');
  says(blocks, "Y'all /just/ sent the pull request containing that conversion 2 days ago.", 'own', 0, 'Darrick J. Wong');
  says(blocks, 'This makes generic/547 fail often for example', 'quote', 2, 'Filipe Manana');
  says(blocks, 'Just to make it clear, despite the -EIO error, there was actually no', 'quote', 1, 'Filipe Manana');
  says(blocks, "Now I'm annoyed because I feel like you're trying to strong-arm me", 'own', 0, 'Darrick J. Wong');
});

test('seed 002 (flattened): Dave answers Andreas, who answered Dave, who answered Andreas', () => {
  const body = read('002_b22a03919f532f63.txt');
  const { blocks } = parseBody(body, { author: author('Dave Chinner') });
  lossless(body, blocks);
  assert.deepEqual(chain(blocks), [
    [0, 'Andreas Gruenbacher', '2022-12-02T02:54:00+01:00'],
    [1, 'Dave Chinner', '2022-12-01T22:30'],
    [2, 'Andreas Gruenbacher', '2022-12-01T19:09:54+01:00'],
  ]);
  says(blocks, "we're seeing a race between journaled data writes and the shrinker", 'quote', 3, 'Andreas Gruenbacher');
  says(blocks, 'I doubt that moving page cache operations from the iomap core', 'quote', 2, 'Dave Chinner');
  says(blocks, 'The resulting code is really quite disgusting', 'quote', 1, 'Andreas Gruenbacher');
  says(blocks, 'That would have belonged on the iomap-for-next branch', 'quote', 1, 'Andreas Gruenbacher');
  const damned = says(blocks, "Damned if you do, damned if you don't.", 'own', 0, 'Dave Chinner');
  assert.ok(blocks[damned]?.text.startsWith("Damned if you do, damned if you don't. There were non-trivial cross dependencies"));
  says(blocks, 'To avoid all this, can we simple move the ->page_done() callout', 'quote', 2, 'Dave Chinner');
  says(blocks, 'Can people please scrutinize the math in folio_may_straddle_isize()', 'quote', 1, 'Andreas Gruenbacher');
  const look = says(blocks, "I'll look at it more closely in the next couple of days.", 'own', 0, 'Dave Chinner');
  assert.equal(blocks[look - 1]?.text.includes('Can people please scrutinize'), true);
  assert.equal(blocks[look]?.answers, look - 1);
});

test('seed 003 (mail-archive page): Sterba reviews Chris Mason\'s patch between its quoted hunks', () => {
  const body = read('003_5476306fd0ae2e23.txt');
  const { blocks, diagnostics } = parseBody(body, { author: author('David Sterba') });
  lossless(body, blocks);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(chain(blocks), [[0, 'Chris Mason', '2018-06-20T07:56:12-07:00']]);
  says(blocks, 'For COW, btrfs expects pages dirty pages to have been through a few setup', 'quote', 1, 'Chris Mason');
  const window = says(blocks, '87826df0ec36 added a window where the dirty pages were cleaned', 'quote', 1, 'Chris Mason');
  const ask = says(blocks, 'Can you please be more specific about the window', 'own', 0, 'David Sterba');
  assert.equal(blocks[ask]?.answers, window);
  says(blocks, 'Signed-off-by: Chris Mason <c...@fb.com>', 'trailer', 1, 'Chris Mason');
  const hunk = says(blocks, 'diff --git a/fs/btrfs/inode.c b/fs/btrfs/inode.c', 'patch', 1, 'Chris Mason');
  assert.ok(blocks[hunk]?.text.startsWith('---\n fs/btrfs/inode.c | 67'));
  const hm = says(blocks, 'Hm, so previously the page was dirty, unconditionally calling down to', 'own', 0, 'David Sterba');
  assert.equal(blocks[hm]?.answers, hunk);
  // The hunks quoted after Sterba's interjections are diff too, not prose.
  says(blocks, 'static int btrfs_writepage_start_hook(struct page', 'patch', 1, 'Chris Mason');
  says(blocks, 'So now this will redirty unconditionally in __extent_writepage_io:', 'own', 0, 'David Sterba');
  says(blocks, 'Leaving the Checked bit until the last moment can save some trouble', 'own', 0, 'David Sterba');
  const footer = says(blocks, 'To unsubscribe from this list: send the line "unsubscribe linux-btrfs"', 'footer', 0, 'David Sterba');
  assert.ok(blocks[footer]?.raw.startsWith('--\n'));
  assert.ok(blocks[footer]?.raw.endsWith('Reply via email to'));
  assert.equal(footer, blocks.length - 1);
});

test('seed 004 (lkml.org page, header lines stripped): Willy answers a four-level exchange with Dave', () => {
  const page = read('004_e57b99afb80533ad.txt');
  // The page reader strips "Re: ..." / "From:" / "Date:"; here, minimally, everything before the first attribution.
  const body = page.slice(page.indexOf('On Fri, Jun 05, 2020'));
  const { blocks } = parseBody(body, { author: author('Matthew Wilcox') });
  lossless(body, blocks);
  assert.deepEqual(chain(blocks), [
    [0, 'Dave Chinner', '2020-06-05T09:30:53+10:00'],
    [1, 'Matthew Wilcox', '2020-06-04T16:05:19-07:00'],
    [2, 'Dave Chinner', '2020-06-05T08:57:26+10:00'],
    [3, 'Matthew Wilcox', '2020-06-04T13:23:40-07:00'],
  ]);
  says(blocks, 'From: "Matthew Wilcox (Oracle)" <willy@xxxxxxxxxxxxx>', 'quote', 4, 'Matthew Wilcox');
  says(blocks, 'Test generic/019 often results in:', 'quote', 4, 'Matthew Wilcox');
  says(blocks, 'Just return -EIO, which will be converted to a SIGBUS', 'quote', 4, 'Matthew Wilcox');
  says(blocks, 'Why didn\'t the "read" part of the fault which had the EIO error fail', 'quote', 3, 'Dave Chinner');
  says(blocks, "I have a hypothesis that I don't know how to verify.", 'quote', 2, 'Matthew Wilcox');
  says(blocks, 'First the task does a load from the page', 'quote', 2, 'Matthew Wilcox');
  const sure = says(blocks, "Sure, but that's not really what I was asking", 'quote', 1, 'Dave Chinner');
  const pte = says(blocks, "If there's already a PTE present, then the page fault code doesn't", 'own', 0, 'Matthew Wilcox');
  assert.equal(blocks[pte]?.answers, sure);
  says(blocks, "I don't see anything in there that checked Uptodate.", 'own', 0, 'Matthew Wilcox');
  says(blocks, "What I'm trying to understand is why this needs to be fixed inside", 'quote', 1, 'Dave Chinner');
  says(blocks, 'I think the iomap code is the only filesystem which clears PageUptodate', 'own', 0, 'Matthew Wilcox');
  says(blocks, "I haven't dug through what generic/019 does", 'quote', 2, 'Matthew Wilcox');
  says(blocks, '# Run fsstress and fio(dio/aio and mmap) and simulate disk failure', 'quote', 1, 'Dave Chinner');
  says(blocks, "I don't think it is mixing buffered writes and mmap writes on the", 'quote', 1, 'Dave Chinner');
  says(blocks, "Maybe that's not how we end up with a read-only PTE", 'own', 0, 'Matthew Wilcox');
});
