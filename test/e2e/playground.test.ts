// Proves the playground in a real browser: it starts from a chosen scenario (linked from every
// scenario page), validates as you type with the JSON path of each problem, runs the scenario in
// the browser into the site's player, and a share link carries the edited text and its content
// hash exactly (a link whose hash was altered is flagged, not trusted).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, startSeededSite, type SeededSite } from './harness';

let site: SeededSite;
const KEY = 'write-cache-pages-stop-on-error/unmount-leaks-delalloc';

before(async () => {
  site = await startSeededSite('playground');
});

after(async () => {
  await site?.stop();
});

async function hashOf(id: string): Promise<string> {
  const r = (await (await fetch(site.server.url + '/api/scenarios')).json()) as { scenarios: { id: string; hash: string }[] };
  return r.scenarios.find((s) => s.id === id)!.hash;
}

test('from a scenario page to the playground: a wrong type names its path; fixed, Run shows the trace', async () => {
  const page = await site.browser.newPage();
  await page.goto(site.server.url + '/s/' + KEY + '?v=v4.19');
  await page.getByRole('link', { name: 'Edit this scenario in the playground' }).click();
  await page.waitForURL((u) => u.pathname === '/playground' && u.searchParams.get('from') === KEY);
  const editor = page.locator('#scenario-json');
  const original = await editor.inputValue();
  assert.equal(JSON.parse(original).id, 'unmount-leaks-delalloc');
  assert.equal(await page.locator('.content-hash').textContent(), await hashOf('unmount-leaks-delalloc'));
  await editor.fill(original.replace('"pages": 4,', '"pages": "4",'));
  assert.equal(await editor.getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await page.locator('ul.problems li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-path'))), ['setup.pages']);
  assert.match(await page.locator('ul.problems li').innerText(), /^setup\.pages: .*number/);
  await editor.fill(original.replace('"op": "umount"', '"op": "unmount"'));
  assert.deepEqual(await page.locator('ul.problems li').allInnerTexts(), ['actors[0].program[0].op: unknown operation "unmount"']);
  await screenshot(page, 'playground-problem');
  await editor.fill(original);
  assert.equal(await editor.getAttribute('aria-invalid'), 'false');
  await page.getByRole('button', { name: 'Run' }).click();
  assert.equal(await page.locator('.playground-run .step-label').textContent(), 'step 10 / 10');
  assert.equal(await page.locator('.lights li[data-invariant="no-delalloc-at-reclaim"]').getAttribute('data-state'), 'violated');
  await page.getByLabel('variant').selectOption('landed-3fa750dcf29e');
  await page.getByRole('button', { name: 'Run' }).click();
  assert.deepEqual(await page.locator('.lights li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-state'))), ['holds', 'holds', 'holds']);
  await screenshot(page, 'playground-run');
});

test('a share link round-trips the edited text, variant and content hash; an altered hash is flagged', async () => {
  const page = await site.browser.newPage();
  await page.goto(site.server.url + '/playground?from=' + encodeURIComponent(KEY));
  const editor = page.locator('#scenario-json');
  const edited = (await editor.inputValue()).replace('"times": "always"', '"times": 1').replace(/"title": "[^"]*"/, '"title": "edited: ünïcode ✓ and \\"quotes\\""');
  await editor.fill(edited);
  await page.getByLabel('variant').selectOption('xfs-ctx-deferred');
  const hash = (await page.locator('.content-hash').textContent()) ?? '';
  assert.match(hash, /^[0-9a-f]{16}$/);
  assert.notEqual(hash, await hashOf('unmount-leaks-delalloc'));
  await page.getByRole('button', { name: 'Share' }).click();
  const url = (await page.locator('a.share-url').getAttribute('href')) ?? '';
  assert.match(url, new RegExp(`^${site.server.url}/playground#s=[A-Za-z0-9_-]+&h=${hash}&v=xfs-ctx-deferred$`));
  assert.equal(new URL(page.url()).hash, new URL(url).hash, 'the address bar holds the share link too');
  const other = await site.browser.newPage();
  await other.goto(url);
  await other.waitForSelector('.load-note');
  assert.equal(await other.locator('#scenario-json').inputValue(), edited);
  assert.equal(await other.getByLabel('variant').inputValue(), 'xfs-ctx-deferred');
  assert.equal(await other.locator('.load-note').textContent(), `Loaded the shared scenario; content hash ${hash} matches the link.`);
  await screenshot(other, 'playground-shared');
  const altered = await site.browser.newPage();
  await altered.goto(url.replace(`&h=${hash}`, '&h=0000000000000000'));
  await altered.waitForSelector('.load-note');
  assert.equal(
    await altered.locator('.load-note').textContent(),
    `Loaded the shared scenario, but its content hash is ${hash} and the link says 0000000000000000: it was made with another model version or the link was altered.`,
  );
  const broken = await site.browser.newPage();
  await broken.goto(url.replace(/#s=[A-Za-z0-9_-]{8}/, '#s=AAAAAAAA'));
  await broken.waitForSelector('.load-note');
  assert.match((await broken.locator('.load-note').textContent()) ?? '', /^the link's scenario cannot be read \(truncated or altered\?\)/);
});

test('an unknown starting scenario says so; without JavaScript the JSON is still on the page', async () => {
  const page = await site.browser.newPage();
  const res = await page.goto(site.server.url + '/playground?from=nope/nothing');
  assert.equal(res?.status(), 200);
  assert.match(await page.locator('[role="alert"]').first().innerText(), /^No scenario nope\/nothing; starting from an empty text\.$/);
  const noJs = await site.browser.context.browser()?.newContext({ javaScriptEnabled: false });
  assert.ok(noJs !== undefined && noJs !== null, 'a second browser context');
  const p = await noJs.newPage();
  await p.goto(site.server.url + '/playground?from=' + encodeURIComponent(KEY));
  assert.equal(JSON.parse(await p.locator('#scenario-json').inputValue()).id, 'unmount-leaks-delalloc');
  assert.match(await p.locator('.playground p.empty').innerText(), /^Running needs JavaScript\. Without it, POST the JSON to \/api\/scenarios\/run\?v=<variant>/);
  await noJs.close();
});
