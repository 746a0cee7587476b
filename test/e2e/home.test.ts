// Proves the path from a fresh database to a served page: `threadlab import content` fills the
// real SQLite file, the production server reads it, and Chromium shows the bundled threads.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, startSeededSite, type SeededSite } from './harness';

let site: SeededSite;

before(async () => {
  site = await startSeededSite('home');
});

after(async () => {
  await site?.stop();
});

test('the home page lists the five bundled threads and their archive files from the database', async () => {
  const page = await site.browser.newPage();
  const res = await page.goto(site.server.url + '/');
  assert.equal(res?.status(), 200);
  const rows = await page.locator('table.threads tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.getAttribute('data-slug'), tr.querySelector('td.num')?.textContent ?? '', Number(tr.querySelector('td.claims-count')?.textContent ?? 'NaN')]),
  );
  // Each seed page yields its own message plus the earlier messages rebuilt from its quotes.
  assert.deepEqual(Object.fromEntries(rows.map(([slug, messages]) => [slug, messages])), {
    'iomap-mkwrite-not-uptodate': '5',
    'iomap-dio-invalidation-eio': '6',
    'gfs2-page-done-shrinker': '4',
    'btrfs-fixup-worker-migration': '2',
    'write-cache-pages-stop-on-error': '4',
  });
  // Every thread shows its annotated claims: at least 40 in all.
  const claims = rows.map(([, , n]) => n as number);
  assert.ok(claims.every((n) => n >= 8), JSON.stringify(rows));
  assert.ok(claims.reduce((a, b) => a + b, 0) >= 40);
  const subjects = await page.locator('table.threads tbody tr td:first-child > a').allTextContents();
  assert.ok(subjects.includes('[PATCH] iomap: Handle I/O errors gracefully in page_mkwrite'));
  assert.ok(subjects.includes('[RFC v2 0/3] Turn iomap_page_ops into iomap_folio_ops'));
  // The scenario, invariant and subsystem indexes link to their pages.
  assert.ok((await page.locator('ul.scenario-index li').count()) >= 20);
  assert.equal(await page.locator('ul.scenario-index a[href="/s/write-cache-pages-stop-on-error/unmount-leaks-delalloc"]').count(), 1);
  assert.equal(await page.locator('.indexes a[href="/inv/no-delalloc-at-reclaim"]').count(), 1);
  assert.equal(await page.locator('.indexes a[href="/sub/iomap"]').count(), 1);
  const files = await page.locator('table.sources tbody tr td:first-child').allTextContents();
  assert.deepEqual(
    files.map((f) => f.split('/').pop()),
    ['003_5476306fd0ae2e23.txt', '002_b22a03919f532f63.txt', '001_7b98a5be884bdaf1.txt', '004_e57b99afb80533ad.txt', '000_47d84fd9b3284998.txt'],
  );
  await screenshot(page, 'home');
});

test('an unknown address is a 404 page, not a server error', async () => {
  const page = await site.browser.newPage();
  const res = await page.goto(site.server.url + '/no/such/page');
  assert.equal(res?.status(), 404);
  assert.match(await page.locator('h1').textContent() ?? '', /Not found/);
});
