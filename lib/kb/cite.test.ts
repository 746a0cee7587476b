// Proves the exact citation strings: the scenario trailer in its violates and keeps forms, the claim trailer with a lore-style Message-ID permalink, markdown links, and offline commands quoted only when needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { citeScenario } from './cite-scenario';
import { citeClaim, messageIdPath } from './cite-claim';

test('a violated invariant cites the step', () => {
  assert.deepEqual(
    citeScenario({ siteUrl: 'https://threadlab.example/', hash: '9f2c1a7be04d', scenarioId: 'unmount-leaks-delalloc', variant: 'v4.19', invariant: 'no-delalloc-at-reclaim', step: 17 }),
    {
      url: 'https://threadlab.example/s/9f2c1a7be04d',
      trailer: 'Link: https://threadlab.example/s/9f2c1a7be04d # unmount-leaks-delalloc: v4.19 violates no-delalloc-at-reclaim at step 17',
      markdown: '[unmount-leaks-delalloc: v4.19 violates no-delalloc-at-reclaim at step 17](https://threadlab.example/s/9f2c1a7be04d)',
      command: 'npx threadlab scenario run unmount-leaks-delalloc --variant v4.19',
    },
  );
});

test('a kept invariant says keeps, and odd variant names are shell-quoted', () => {
  const c = citeScenario({ siteUrl: 'https://threadlab.example', hash: '00ff00ff00ff', scenarioId: 'btrfs-spurious-eio', variant: "enotblk (Hellwig's)", invariant: 'fsync-eio-only-on-data-loss', step: null });
  assert.equal(c.trailer, "Link: https://threadlab.example/s/00ff00ff00ff # btrfs-spurious-eio: enotblk (Hellwig's) keeps fsync-eio-only-on-data-loss");
  assert.equal(c.command, "npx threadlab scenario run btrfs-spurious-eio --variant 'enotblk (Hellwig'\\''s)'");
});

test('bad hashes and steps are programmer errors', () => {
  const base = { siteUrl: 'https://t.example', scenarioId: 's', variant: 'v', invariant: 'i' };
  assert.throws(() => citeScenario({ ...base, hash: 'XYZ', step: 1 }), /not a content hash/);
  assert.throws(() => citeScenario({ ...base, hash: 'abcdef012345', step: 0 }), /whole number from 1/);
});

test('a claim cites its message permalink', () => {
  assert.deepEqual(
    citeClaim({ siteUrl: 'https://threadlab.example', messageId: '<20221205230408.GQ3600936@dread.disaster.area>', thread: 'gfs2-page-done-shrinker', claimId: 'c11', speaker: 'Dave Chinner', title: 'Just call ->page_done() before unlocking the folio' }),
    {
      url: 'https://threadlab.example/m/20221205230408.GQ3600936@dread.disaster.area',
      trailer: 'Link: https://threadlab.example/m/20221205230408.GQ3600936@dread.disaster.area # gfs2-page-done-shrinker#c11: Dave Chinner: Just call ->page_done() before unlocking the folio',
      markdown: '[gfs2-page-done-shrinker#c11: Dave Chinner: Just call ->page_done() before unlocking the folio](https://threadlab.example/m/20221205230408.GQ3600936@dread.disaster.area)',
      command: "npx threadlab claim show 'gfs2-page-done-shrinker#c11'",
    },
  );
});

test('Message-IDs keep @ and escape what a path cannot hold', () => {
  assert.equal(messageIdPath('20200604202340.29170-1-willy@infradead.org'), '20200604202340.29170-1-willy@infradead.org');
  assert.equal(messageIdPath('<a/b c?d@x>'), 'a%2Fb%20c%3Fd@x');
});
