// Proves readSource's owned option (the parse worker reads past the items the main thread
// parsed while it loaded): the items after the ones not owned are exactly those of a full read,
// for an mbox and for a page with derived ancestors, each item is asked about once and in
// order, and an mbox with no header anywhere is still refused as not mail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readSource, SourceError, type SourceItem } from './parse-source';

async function read(path: string, skip?: number): Promise<unknown[]> {
  const out: unknown[] = [];
  const asked: number[] = [];
  const owned = (i: number) => {
    asked.push(i);
    return i >= (skip ?? 0);
  };
  for await (const it of readSource(path, skip === undefined ? {} : { owned })) out.push(shape(it));
  if (skip !== undefined) assert.deepEqual(asked, asked.map((_, i) => i));
  return out;
}

function shape(it: SourceItem): unknown {
  return it.kind === 'decoded' ? [it.item.ordinal, it.item.line, it.item.decoded.messageId, it.item.decoded.body.length] : [it.copy.ordinal, it.copy.format, it.copy.message.messageId];
}

test('owning all but the first k items yields the rest of a full read, for an mbox and a page', async () => {
  for (const file of [resolve('../shared/corpus/mbox/threads/xfs-2025-07-iomap-writeback-refactor-v4.mbox'), resolve('content/threads/iomap-mkwrite-not-uptodate/004_e57b99afb80533ad.txt')]) {
    const all = await read(file);
    assert.ok(all.length > 3, file);
    for (const k of [0, 1, 3, all.length - 1, all.length, all.length + 5]) assert.deepEqual(await read(file, k), all.slice(k), `${file} skip ${k}`);
  }
});

test('an mbox without a header anywhere is not mail, whatever is skipped', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadlab-skip-'));
  try {
    const file = join(dir, 'fragments.mbox');
    writeFileSync(file, 'From a@b Thu Jan  1 00:00:00 1970\njust a body line\n\nFrom a@b Thu Jan  1 00:00:00 1970\nanother fragment\n\nFrom a@b Thu Jan  1 00:00:00 1970\nand a third\n');
    for (const skip of [0, 1, 2, 3]) await assert.rejects(read(file, skip), (err: unknown) => err instanceof SourceError && /not mail/.test(err.message), `skip ${skip}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
