// Proves a reader can follow the seed thread about write_cache_pages() in a real browser: the
// thread page shows who said what at which quote depth, permalinks and raw text resolve by
// Message-ID, the mbox download is mboxrd, unknown ids are 404s, and the page reads with
// JavaScript disabled.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, startSeededSite, type SeededSite } from './harness';
import { getThread, listThreads, openStore } from '../../lib/store';

let site: SeededSite;
let wcpRoot = '';
let wcpPageMessage = '';

before(async () => {
  site = await startSeededSite('thread');
  // Find the write_cache_pages thread and the page's own (non-reconstructed) message in the store.
  const store = openStore(site.db, { readonly: true });
  for (const t of listThreads(store)) {
    const tree = getThread(store, t.rootId);
    const stack = tree === null ? [] : [tree.root];
    while (stack.length > 0) {
      const n = stack.pop()!;
      stack.push(...n.children);
      if (n.message?.derived === false && n.message.copies.some((c) => c.path.endsWith('000_47d84fd9b3284998.txt'))) {
        wcpRoot = t.rootId;
        wcpPageMessage = n.messageId;
      }
    }
  }
  store.close();
  assert.notEqual(wcpPageMessage, '', 'the seed 000 page was not imported');
});

after(async () => {
  await site?.stop();
});

test('home -> the write_cache_pages thread: Dave Chinner and Brian Foster at their depths', async () => {
  const page = await site.browser.newPage();
  await page.goto(site.server.url + '/');
  await page.locator(`a[href="/t/${encodeURIComponent(wcpRoot)}"]`).first().click();
  await page.waitForURL(/\/t\//);
  const own = page.locator(`article[id="m-${wcpPageMessage}"]`);
  assert.equal(await own.locator('header .from').textContent(), 'Dave Chinner');
  const generic = own.locator('.block', { hasText: 'We should fix problems in the generic code' });
  assert.equal(await generic.getAttribute('data-depth'), '0');
  assert.equal(await generic.getAttribute('data-kind'), 'own');
  const detectable = own.locator('details.block', { hasText: 'XFS is probably the only filesystem that leaves detectable state' });
  assert.equal(await detectable.getAttribute('data-depth'), '2');
  assert.match((await detectable.locator('summary .speaker').textContent()) ?? '', /^Dave Chinner, 2018-11-01/);
  const report = own.locator('details.block', { hasText: 'an integrity writeback (i.e., sync), for example, returns before all' });
  assert.equal(await report.getAttribute('data-depth'), '3');
  assert.match((await report.locator('summary .speaker').textContent()) ?? '', /^Brian Foster, 2018-10-31/);
  await screenshot(page, 'thread-write-cache-pages');
});

test('quoted passages fold and unfold, and folded text stays in the page', async () => {
  const page = await site.browser.newPage();
  await page.goto(site.server.url + `/t/${encodeURIComponent(wcpRoot)}`);
  // The archive page lost the thread's subject; the annotation's title stands in, in the tab too.
  assert.equal(await page.locator('h1').innerText(), 'xfs_do_writepage() errors stop write_cache_pages() during WB_SYNC_ALL');
  assert.equal(await page.title(), 'xfs_do_writepage() errors stop write_cache_pages() during WB_SYNC_ALL · threadlab');
  const own = page.locator(`article[id="m-${wcpPageMessage}"]`);
  const q = own.locator('details.block', { hasText: 'XFS is probably the only filesystem' });
  assert.equal(await q.evaluate((d) => (d as HTMLDetailsElement).open), true);
  await q.locator('summary').click();
  assert.equal(await q.evaluate((d) => (d as HTMLDetailsElement).open), false);
  assert.match((await q.textContent()) ?? '', /XFS is probably the only filesystem/);
});

test('/m/<Message-ID> resolves to the thread position and /m/<id>/raw serves the archived text', async () => {
  const page = await site.browser.newPage();
  await page.goto(site.server.url + `/m/${encodeURIComponent(wcpPageMessage)}`);
  assert.equal(new URL(page.url()).pathname, `/t/${encodeURIComponent(wcpRoot)}`);
  assert.equal(decodeURIComponent(new URL(page.url()).hash), `#m-${wcpPageMessage}`);
  const raw = await fetch(site.server.url + `/m/${encodeURIComponent(wcpPageMessage)}/raw`);
  assert.equal(raw.status, 200);
  assert.match(raw.headers.get('content-type') ?? '', /^text\/plain/);
  const text = await raw.text();
  assert.ok(text.startsWith('On Thu, Nov 01, 2018 at 10:17:26AM -0400, Brian Foster wrote: >'));
  assert.ok(text.includes('We should fix problems in the generic code'));
  await page.goto(site.server.url + `/m/${encodeURIComponent(wcpPageMessage)}/raw`);
  await screenshot(page, 'raw-write-cache-pages');
});

test('/t/<id>.mbox downloads the thread as mboxrd', async () => {
  const r = await fetch(site.server.url + `/t/${encodeURIComponent(wcpRoot)}.mbox`);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type') ?? '', /^application\/mbox/);
  const mbox = await r.text();
  assert.match(mbox, /^From \S+ \w{3} \w{3} \d\d \d\d:\d\d:\d\d \d{4}\n/);
  assert.ok(mbox.includes(`Message-ID: <${wcpPageMessage}>`));
  assert.equal((mbox.match(/^From /gm) ?? []).length, 1, 'only the archived message, not reconstructed ones');
});

test('unknown threads, messages and raw texts are 404s', async () => {
  for (const path of ['/t/no-such-thread@example.org', '/m/no-such-message@example.org', '/m/no-such@example.org/raw', '/t/nothing.mbox']) {
    const r = await fetch(site.server.url + path);
    assert.equal(r.status, 404, path);
  }
  // A broken percent-encoding is refused by Next itself as a bad request: still not a server error.
  assert.equal((await fetch(site.server.url + '/t/%E0%A4%A')).status, 400);
});

test('with JavaScript disabled the thread page shows the full text', async () => {
  const nojs = await launchBrowser({ javaScriptEnabled: false });
  try {
    const page = await nojs.newPage();
    await page.goto(site.server.url + `/t/${encodeURIComponent(wcpRoot)}`);
    const text = await page.locator('main').innerText();
    assert.ok(text.includes('We should fix problems in the generic code'));
    assert.ok(text.includes('XFS is probably the only filesystem that leaves detectable state'));
    assert.ok(text.includes('That sounds like a bug in write_cache_pages()'));
    await screenshot(page, 'thread-nojs');
  } finally {
    await nojs.close();
  }
});

test('search finds write_cache_pages and a malformed query gets a message, not an error page', async () => {
  const page = await site.browser.newPage();
  const ok = await page.goto(site.server.url + '/search?q=write_cache_pages');
  assert.equal(ok?.status(), 200);
  const hits = page.locator('ol.hits li');
  assert.ok((await hits.count()) >= 1);
  assert.ok((await page.locator('ol.hits mark').first().textContent())?.toLowerCase().includes('write_cache_pages'));
  // Messages of the seed 000 page have no subject; their thread's title stands in.
  const titles = await page.locator('ol.hits:not(.kb-claims):not(.kb-scenarios) > li > a').allTextContents();
  assert.ok(titles.length >= 1 && titles.every((t) => t === 'xfs_do_writepage() errors stop write_cache_pages() during WB_SYNC_ALL'), titles.join(' | '));
  await screenshot(page, 'search-write-cache-pages');
  await hits.first().locator('a').first().click();
  await page.waitForURL(/\/t\//);
  for (const q of ['"unbalanced', '((((', 'NEAR(a b', 'x'.repeat(5000), 'zz:unknown']) {
    const r = await page.goto(site.server.url + '/search?q=' + encodeURIComponent(q));
    assert.equal(r?.status(), 200, q.slice(0, 20));
  }
});

test('journey: click the claim that integrity writeback stops at the first error, watch it go red, switch to the fix, cite it', async () => {
  await site.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
  const page = await site.browser.newPage();
  await page.goto(site.server.url + `/t/${encodeURIComponent(wcpRoot)}`);
  // The claim is marked where Brian Foster said it, in his own (reconstructed) message of Oct 31.
  const mark = page.locator('mark.claim[data-claim="c1"]');
  assert.equal(await mark.count(), 1);
  assert.match((await mark.textContent()) ?? '', /^an integrity writeback \(i\.e\., sync\), for example, returns before all associated pages have been processed/);
  const card = page.locator('details.claim-card[data-claim="c1"]');
  assert.match((await card.locator('summary').innerText()) ?? '', /c1 · bug-report/);
  await mark.locator('a.claim-ref').click();
  await card.locator('summary').click();
  const player = card.locator('.player');
  await player.waitFor();
  // Under v4.19 the invariant breaks at step 9, where write_cache_pages returns with page 3 unvisited.
  assert.equal(await player.getAttribute('data-step'), '9');
  assert.equal(await card.locator('.lights li[data-invariant="integrity-writeback-visits-all-dirty-pages"]').getAttribute('data-state'), 'violated');
  await card.getByRole('button', { name: 'previous step' }).click();
  assert.equal(await card.locator('.lights li[data-invariant="integrity-writeback-visits-all-dirty-pages"]').getAttribute('data-state'), 'holds');
  await screenshot(page, 'journey-claim-c1-v4.19');
  // The landed fix (3fa750dcf29e) keeps it green to the last step.
  await card.getByRole('button', { name: 'landed-3fa750dcf29e' }).click();
  await card.locator('.player[data-step]').waitFor();
  await page.waitForFunction(() => document.querySelector('details.claim-card[data-claim="c1"] .variant-switch button.current')?.textContent === 'landed-3fa750dcf29e');
  await card.getByRole('button', { name: 'last step' }).click();
  assert.equal(await card.locator('.lights li[data-invariant="integrity-writeback-visits-all-dirty-pages"]').getAttribute('data-state'), 'holds');
  const trailer = (await card.locator('code.trailer').textContent()) ?? '';
  assert.match(trailer, /^Link: http:\/\/127\.0\.0\.1:\d+\/s\/[0-9a-f]{16} # unmount-leaks-delalloc: landed-3fa750dcf29e keeps integrity-writeback-visits-all-dirty-pages$/);
  await card.getByRole('button', { name: 'copy trailer' }).click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), trailer);
  await screenshot(page, 'journey-claim-c1-landed');
});

test('every claim of the write_cache_pages annotation is placed on the thread page', async () => {
  const page = await site.browser.newPage();
  await page.goto(site.server.url + `/t/${encodeURIComponent(wcpRoot)}`);
  const listed = await page.locator('details.claims-index li').count();
  const cards = await page.locator('details.claim-card').count();
  assert.ok(listed >= 14, `only ${listed} claims listed`);
  assert.equal(cards, listed);
});
