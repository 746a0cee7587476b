// Proves knowledge-base search in a real browser: /search?q=inv:no-delalloc-at-reclaim and
// sub:iomap show the Threads, Claims and Scenarios groups with exactly what `threadlab search
// --json` returns for the same database, claim results open the claim's card on its thread page,
// scenario results open the scenario page, and a malformed filter is a message, not an error page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { runCli, screenshot, startSeededSite, type SeededSite } from './harness';

let site: SeededSite;
const THREAD = 'write-cache-pages-stop-on-error';

before(async () => {
  site = await startSeededSite('search-kb');
});

after(async () => {
  await site?.stop();
});

interface Groups {
  threads: { slug: string }[];
  claims: { thread: string; id: string }[];
  scenarios: { thread: string; id: string; verdicts: { variant: string; verdict: string }[] }[];
}

/** What the CLI finds in the site's own database. */
function cliGroups(query: string): { threads: string[]; claims: string[]; scenarios: string[] } {
  const r = runCli(['search', '--json', '--limit', '50', query], site.db);
  assert.equal(r.status, 0, r.stderr);
  const g = JSON.parse(r.stdout) as Groups;
  return { threads: g.threads.map((t) => t.slug), claims: g.claims.map((c) => `${c.thread}#${c.id}`), scenarios: g.scenarios.map((s) => `${s.thread}/${s.id}`) };
}

async function pageGroups(page: Page): Promise<{ threads: string[]; claims: string[]; scenarios: string[] }> {
  return {
    threads: await page.locator('ul.kb-threads li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-slug') ?? '')),
    claims: await page.locator('ol.kb-claims li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-claim') ?? '')),
    scenarios: await page.locator('ol.kb-scenarios li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-scenario') ?? '')),
  };
}

test('inv:no-delalloc-at-reclaim lists its thread, claims and scenarios; a claim opens its card, a scenario its page', async () => {
  const page = await site.browser.newPage();
  const res = await page.goto(site.server.url + '/search?q=' + encodeURIComponent('inv:no-delalloc-at-reclaim'));
  assert.equal(res?.status(), 200);
  const groups = await pageGroups(page);
  assert.deepEqual(groups, cliGroups('inv:no-delalloc-at-reclaim'));
  assert.deepEqual(groups.threads, [THREAD]);
  assert.deepEqual(groups.scenarios, [`${THREAD}/single-failing-page-unmount`, `${THREAD}/unmount-drops-overwrite-pages`, `${THREAD}/unmount-leaks-delalloc`]);
  for (const id of ['c2', 'c3', 'c9']) assert.ok(groups.claims.includes(`${THREAD}#${id}`), id);
  assert.deepEqual(await page.locator('h2').allTextContents(), [`Threads (1)`, `Claims (${groups.claims.length})`, 'Scenarios (3)']);
  assert.equal(await page.locator('p.empty').textContent(), 'No message matches.');
  // Only the verdicts of the invariant: v4.19 always breaks it in unmount-leaks-delalloc.
  const verdicts = await page.locator(`ol.kb-scenarios li[data-scenario="${THREAD}/unmount-leaks-delalloc"] [data-variant]`).evaluateAll((els) => els.map((e) => `${e.getAttribute('data-variant')}=${e.getAttribute('data-verdict')}`));
  assert.deepEqual(verdicts, ['v4.19=always', 'xfs-ctx-deferred=never', 'landed-3fa750dcf29e=never']);
  await screenshot(page, 'search-kb-inv');

  await page.locator(`ol.kb-claims li[data-claim="${THREAD}#c2"] a`).click();
  await page.waitForURL(/\/t\/.+#claim-c2$/);
  assert.equal(await page.locator('#claim-c2').count(), 1);
  assert.equal(await page.locator('#claim-c2').getAttribute('data-claim'), 'c2');

  await page.goto(site.server.url + '/search?q=' + encodeURIComponent('inv:no-delalloc-at-reclaim'));
  await page.locator(`ol.kb-scenarios li[data-scenario="${THREAD}/unmount-leaks-delalloc"] a`).click();
  await page.waitForURL(`${site.server.url}/s/${THREAD}/unmount-leaks-delalloc`);
  assert.equal(await page.locator('h1').textContent(), 'Unmount reclaims an XFS inode with delalloc blocks after write_cache_pages stops on error');
});

test('sub:iomap lists the same groups as the CLI, across threads', async () => {
  const page = await site.browser.newPage();
  const res = await page.goto(site.server.url + '/search?q=' + encodeURIComponent('sub:iomap'));
  assert.equal(res?.status(), 200);
  const groups = await pageGroups(page);
  assert.deepEqual(groups, cliGroups('sub:iomap'));
  assert.ok(groups.threads.includes('iomap-mkwrite-not-uptodate') && groups.threads.includes('iomap-dio-invalidation-eio'), groups.threads.join());
  assert.ok(groups.scenarios.includes('iomap-mkwrite-not-uptodate/teleport-backwards'), groups.scenarios.join());
  await screenshot(page, 'search-kb-sub');
  const first = groups.scenarios[0]!;
  await page.locator(`ol.kb-scenarios li[data-scenario="${first}"] a`).click();
  await page.waitForURL(`${site.server.url}/s/${first}`);
  assert.equal(await page.locator('h1').count(), 1);
});

test('a malformed filter is a message on the page', async () => {
  const page = await site.browser.newPage();
  const res = await page.goto(site.server.url + '/search?q=' + encodeURIComponent('verdict:maybe'));
  assert.equal(res?.status(), 200);
  assert.match((await page.locator('p.query-error').textContent()) ?? '', /^cannot read verdict "maybe"; write verdict:never/);
});
