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
    trs.map((tr) => [tr.querySelector('td a')?.textContent ?? '', tr.querySelector('td.num')?.textContent ?? '']),
  );
  // Each seed page yields its own message plus the earlier messages rebuilt from its quotes.
  assert.deepEqual(Object.fromEntries(rows), {
    '[PATCH] iomap: Handle I/O errors gracefully in page_mkwrite': '5',
    '[PATCH] iomap: return zero if page cache invalidation fails in iomap_dio_rw': '6',
    '[RFC v2 0/3] Turn iomap_page_ops into iomap_folio_ops': '4',
    '[PATCH] btrfs: keep pages dirty when using btrfs_writepage_fixup_worker': '2',
    '(no subject)': '4',
  });
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
