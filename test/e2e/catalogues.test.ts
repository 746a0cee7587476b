// Proves the catalogue pages in a real browser: /inv/no-delalloc-at-reclaim shows the statement,
// the engine's predicate, its claims (the three the catalogue names, then those linked by scenario) linked to their cards on the thread page and exactly the
// scenarios that check it, with the verdicts their files expect per variant (v4.19 always breaks it
// in unmount-leaks-delalloc); /sub/iomap lists exactly the scenarios that model an iomap file or
// check one of its four invariants; the header links both indexes; unknown names are 404 pages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAnnotations, loadInvariants } from '../../lib/kb/node';
import { projectRoot, screenshot, startSeededSite, type SeededSite } from './harness';

let site: SeededSite;
const THREAD = 'write-cache-pages-stop-on-error';

interface ScenarioFile { id: string; thread: string; subsystems: string[]; invariants: string[]; expect: Record<string, Record<string, string>> }

/** The claims of no-delalloc-at-reclaim: those its catalogue file names, then every annotated claim with a scenario link judging it. */
function expectedClaims(): string[] {
  const named = loadInvariants(join(projectRoot, 'content')).entries.find((i) => i.id === 'no-delalloc-at-reclaim')!.claims;
  const linked = loadAnnotations(join(projectRoot, 'content')).flatMap((a) =>
    (a.annotation?.claims ?? []).filter((c) => c.scenarios.some((l) => l.invariant === 'no-delalloc-at-reclaim')).map((c) => `${a.slug}#${c.id}`),
  );
  return [...new Set([...named, ...linked])];
}

/** Every scenario file as written (the engine helper adds scenarios, so the expected lists are read, not pinned). */
function scenarioFiles(): ScenarioFile[] {
  const dir = join(projectRoot, 'content/scenarios');
  return readdirSync(dir)
    .sort()
    .flatMap((t) => readdirSync(join(dir, t)).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, t, f), 'utf8')) as ScenarioFile));
}

before(async () => {
  site = await startSeededSite('catalogues');
});

after(async () => {
  await site?.stop();
});

test('the invariant page lists the claims and scenarios of no-delalloc-at-reclaim, with verdicts per variant', async () => {
  const page = await site.browser.newPage();
  const res = await page.goto(site.server.url + '/inv/no-delalloc-at-reclaim');
  assert.equal(res?.status(), 200);
  assert.equal(await page.locator('h1').textContent(), 'No delalloc blocks left when an XFS inode is destroyed');
  assert.match(await page.locator('.catalogue').innerText(), /When xfs_fs_destroy_inode\(\) runs, the inode's i_delayed_blks is zero/);
  assert.equal(
    await page.locator('.engine-predicate').innerText(),
    'no-delalloc-at-reclaim (checked by the step that does the thing): at xfs_fs_destroy_inode, i_delayed_blks == 0 unless the filesystem is shut down',
  );
  const claims = await page.locator('table.catalogue-claims tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.getAttribute('data-claim'), tr.querySelector('a')?.getAttribute('href') ?? null]),
  );
  assert.deepEqual(claims.map((c) => c[0]), expectedClaims());
  assert.deepEqual(claims.slice(0, 3).map((c) => c[0]), [`${THREAD}#c2`, `${THREAD}#c3`, `${THREAD}#c9`], 'the catalogue names these three first');
  for (const [label, href] of claims) assert.match(href ?? '', new RegExp(`^/t/[^#]+#claim-${label?.split('#')[1]}$`));
  const verdicts = await page.locator('table.catalogue-scenarios tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [
      tr.getAttribute('data-scenario'),
      [...tr.querySelectorAll('li')].map((li) => `${li.getAttribute('data-variant')}=${li.querySelector('[data-verdict]')?.getAttribute('data-verdict')}`).join(' '),
    ]),
  );
  const expected = scenarioFiles()
    .filter((f) => f.invariants.includes('no-delalloc-at-reclaim'))
    .map((f) => [`${f.thread}/${f.id}`, Object.entries(f.expect).map(([v, t]) => `${v}=${t['no-delalloc-at-reclaim']}`).join(' ')]);
  assert.deepEqual(verdicts, expected, 'exactly the scenarios that check the predicate, with the verdicts their files expect');
  assert.deepEqual(verdicts.find((v) => v[0] === `${THREAD}/unmount-leaks-delalloc`), [`${THREAD}/unmount-leaks-delalloc`, 'v4.19=always xfs-ctx-deferred=never landed-3fa750dcf29e=never']);
  assert.deepEqual(await page.locator('ul.catalogue-threads li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-thread'))), [THREAD]);
  await screenshot(page, 'invariant-no-delalloc-at-reclaim');
  // The claim link lands on the claim's card on the thread page.
  await page.locator(`tr[data-claim="${THREAD}#c9"] a`).click();
  await page.waitForURL(/\/t\/.+#claim-c9$/);
  assert.equal(await page.locator('#claim-c9').count(), 1);
  // The scenario's variant link opens the replay under that variant.
  await page.goBack();
  await page.locator(`tr[data-scenario="${THREAD}/unmount-leaks-delalloc"] li[data-variant="v4.19"] a`).click();
  await page.waitForURL(/\/s\/write-cache-pages-stop-on-error\/unmount-leaks-delalloc\?v=v4\.19$/);
  assert.equal(await page.locator('.lights li[data-invariant="no-delalloc-at-reclaim"]').getAttribute('data-state'), 'violated');
});

test('the iomap subsystem page lists its scenarios and invariants', async () => {
  const page = await site.browser.newPage();
  const res = await page.goto(site.server.url + '/sub/iomap');
  assert.equal(res?.status(), 200);
  assert.equal(await page.locator('h1').textContent(), 'iomap');
  const scenarios = await page.locator('table.catalogue-scenarios tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-scenario')));
  const iomapInvariants = ['dirty-page-has-backing', 'mkwrite-only-on-uptodate', 'no-folio-lock-across-trans-end', 'no-pte-for-non-uptodate-page'];
  // A scenario concerns iomap when it models a path holding an iomap file, or checks an iomap invariant.
  const expected = scenarioFiles()
    .filter((f) => f.subsystems.some((p) => p === 'fs/iomap' || p.startsWith('fs/iomap/')) || f.invariants.some((i) => iomapInvariants.includes(i)))
    .map((f) => `${f.thread}/${f.id}`)
    .sort();
  assert.deepEqual([...scenarios].sort(), expected);
  assert.ok(scenarios.includes('iomap-mkwrite-not-uptodate/teleport-backwards'));
  assert.ok(scenarios.includes('iomap-dio-invalidation-eio/xfs-zero-length-dio'));
  assert.ok(scenarios.every((s) => !String(s).startsWith('btrfs-fixup-worker-migration/')), 'btrfs fixup scenarios model no iomap file');
  assert.deepEqual(await page.locator('ul.catalogue-invariants li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-invariant'))), iomapInvariants);
  const teleport = await page.locator('tr[data-scenario="iomap-mkwrite-not-uptodate/teleport-backwards"]').innerText();
  assert.match(teleport, /models fs\/iomap/);
  await screenshot(page, 'subsystem-iomap');
});

test('the header links the indexes, every catalogue entry is listed, and unknown names are 404 pages', async () => {
  const page = await site.browser.newPage();
  await page.goto(site.server.url + '/');
  await page.locator('.site-header nav a', { hasText: 'invariants' }).click();
  await page.waitForURL(/\/inv$/);
  const invariantFiles = readdirSync(join(projectRoot, 'content/invariants')).filter((f) => f.endsWith('.md') && f !== 'README.md');
  assert.equal(await page.locator('table.invariants tbody tr').count(), invariantFiles.length);
  const checking = scenarioFiles().filter((f) => f.invariants.includes('no-delalloc-at-reclaim')).length;
  assert.deepEqual(await page.locator('tr[data-invariant="no-delalloc-at-reclaim"] td.num').allTextContents(), [String(expectedClaims().length), String(checking)]);
  await screenshot(page, 'invariants-index');
  await page.locator('.site-header nav a', { hasText: 'subsystems' }).click();
  await page.waitForURL(/\/sub$/);
  assert.equal(await page.locator('table.subsystems tbody tr').count(), readdirSync(join(projectRoot, 'content/subsystems')).filter((f) => f.endsWith('.md') && f !== 'README.md').length);
  for (const path of ['/inv/no-such-invariant', '/sub/no-such-subsystem']) {
    const res = await page.goto(site.server.url + path);
    assert.equal(res?.status(), 404, path);
    assert.equal(await page.locator('h1').textContent(), 'Not found');
  }
});
