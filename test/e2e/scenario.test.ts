// Proves the replay journey in a real browser: a scenario page shows the old code breaking
// no-delalloc-at-reclaim at the exact step, the player steps with buttons and arrow keys and keeps
// ?v=&step= in the URL, the landed fix keeps every invariant green, the citation is copied, the
// content-hash permalink resolves, and without JavaScript the full trace is on the page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, startSeededSite, type SeededSite } from './harness';

let site: SeededSite;
const PATH = '/s/write-cache-pages-stop-on-error/unmount-leaks-delalloc';

before(async () => {
  site = await startSeededSite('scenario');
});

after(async () => {
  await site?.stop();
});

async function light(page: import('playwright-core').Page, invariant: string): Promise<string | null> {
  return await page.locator(`.lights li[data-invariant="${invariant}"]`).getAttribute('data-state');
}

test('v4.19: no-delalloc-at-reclaim turns red at step 10, not before; the player steps by keys and buttons', async () => {
  const page = await site.browser.newPage();
  const res = await page.goto(site.server.url + PATH + '?v=v4.19&step=0');
  assert.equal(res?.status(), 200);
  await page.waitForFunction(() => document.querySelector('.player')?.getAttribute('data-step') === '0');
  assert.equal(await light(page, 'no-delalloc-at-reclaim'), 'holds');
  assert.equal(await page.locator('.player .step-label').textContent(), 'step 0 / 10');
  for (let i = 1; i <= 9; i += 1) await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('.player').getAttribute('data-step'), '9');
  assert.equal(await light(page, 'no-delalloc-at-reclaim'), 'holds');
  assert.equal(await light(page, 'integrity-writeback-visits-all-dirty-pages'), 'violated');
  await page.getByRole('button', { name: 'next step' }).click();
  assert.equal(await page.locator('.player').getAttribute('data-step'), '10');
  assert.equal(await light(page, 'no-delalloc-at-reclaim'), 'violated');
  assert.match(await page.locator('.current-step').innerText(), /xfs_fs_destroy_inode/);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('v'), 'v4.19');
  assert.equal(url.searchParams.get('step'), '10');
  await screenshot(page, 'scenario-v4.19-step10');
  await page.keyboard.press('ArrowLeft');
  assert.equal(new URL(page.url()).searchParams.get('step'), '9');
});

test('switching to the landed fix keeps every invariant green to the last step', async () => {
  const page = await site.browser.newPage();
  await page.goto(site.server.url + PATH + '?v=v4.19');
  await page.locator('table.variants a', { hasText: 'landed-3fa750dcf29e' }).click();
  await page.waitForURL(/v=landed-3fa750dcf29e/);
  await page.getByRole('button', { name: 'last step' }).click();
  const states = await page.locator('.lights li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-state')));
  assert.deepEqual(states, ['holds', 'holds', 'holds']);
  await screenshot(page, 'scenario-landed');
});

test('the citation is copied, and its content-hash permalink opens the same scenario', async () => {
  await site.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
  const page = await site.browser.newPage();
  await page.goto(site.server.url + PATH + '?v=v4.19');
  const trailer = (await page.locator('.cite code.trailer').textContent()) ?? '';
  assert.match(trailer, /^Link: http:\/\/127\.0\.0\.1:\d+\/s\/[0-9a-f]{16} # unmount-leaks-delalloc: v4\.19 violates no-delalloc-at-reclaim at step 10$/);
  await page.getByRole('button', { name: 'copy trailer' }).click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), trailer);
  const hash = /\/s\/([0-9a-f]{16})/.exec(trailer)?.[1] ?? '';
  const byHash = await page.goto(site.server.url + `/s/${hash}`);
  assert.equal(byHash?.status(), 200);
  assert.match((await page.locator('h1').textContent()) ?? '', /Unmount reclaims an XFS inode with delalloc blocks/);
});

test('without JavaScript the trace is on the page as text', async () => {
  const nojs = await launchBrowser({ javaScriptEnabled: false });
  try {
    const page = await nojs.newPage();
    await page.goto(site.server.url + PATH + '?v=v4.19&step=10');
    const trace = await page.locator('pre.trace').innerText();
    assert.match(trace, /^\s+1 U\s+/m);
    assert.match(trace, /VIOLATES no-delalloc-at-reclaim/);
    assert.equal(await page.locator('.lights li[data-invariant="no-delalloc-at-reclaim"]').getAttribute('data-state'), 'violated');
  } finally {
    await nojs.close();
  }
});

test('unknown scenarios and hashes are 404s', async () => {
  for (const p of ['/s/no-such-scenario', '/s/0000000000000000', '/s/a/b/c', '/s/write-cache-pages-stop-on-error/nope']) {
    assert.equal((await fetch(site.server.url + p)).status, 404, p);
  }
});

test('a mistyped variant shows the first one and says so', async () => {
  const page = await site.browser.newPage();
  const res = await page.goto(site.server.url + PATH + '?v=v4.91');
  assert.equal(res?.status(), 200);
  assert.equal(await page.locator('.unknown-variant').innerText(), 'This scenario has no variant "v4.91"; showing v4.19, the first of v4.19, xfs-ctx-deferred, landed-3fa750dcf29e.');
  assert.equal(await page.locator('h2', { hasText: 'Replay under' }).innerText(), 'Replay under v4.19');
  await page.goto(site.server.url + PATH + '?v=v4.19');
  assert.equal(await page.locator('.unknown-variant').count(), 0);
});

test('the scenario page quotes the claims it replays and links each back to its place in the thread', async () => {
  const page = await site.browser.newPage();
  await page.goto(site.server.url + PATH);
  const c1 = page.locator('ul.replayed-claims li[data-claim="c1"]');
  assert.match(await c1.innerText(), /^c1 bug-report · Brian Foster: an integrity writeback \(i\.e\., sync\), for example, returns before all associated pages have been processed$/);
  await c1.locator('a').click();
  await page.waitForURL(/\/t\/.*#claim-c1$/);
  assert.equal(await page.locator('details.claim-card[data-claim="c1"]').count(), 1);
});
