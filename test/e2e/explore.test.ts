// Proves "explore all interleavings" in a real browser: on unmount-leaks-delalloc under v4.19 the
// worker finds the same states, transitions and verdicts as the engine in Node (no-delalloc-at-reclaim
// always violated, with a shortest counterexample whose link replays it on the scenario page),
// and Cancel stops a long exploration: the worker is terminated and no result ever appears.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { exploreScenario, validateScenario } from '../../lib/scenario';
import { projectRoot, screenshot, startSeededSite, type SeededSite } from './harness';

let site: SeededSite;
const FILE = join(projectRoot, 'content/scenarios/write-cache-pages-stop-on-error/fsync-races-background-writeback.json');
const PATH = '/s/write-cache-pages-stop-on-error/unmount-leaks-delalloc';

before(async () => {
  site = await startSeededSite('explore');
});

after(async () => {
  await site?.stop();
});

/** Six flushers and fsyncs over eight failing delalloc pages: more than the 2,000,000-state budget, so tens of seconds of exploring. */
function hugeScenario(): string {
  const s = JSON.parse(readFileSync(FILE, 'utf8'));
  s.id = 'six-writers';
  delete s.schedule;
  s.setup.pages = 8;
  s.setup.disk = Array(8).fill(0);
  s.setup.blocks = Array(8).fill('delalloc');
  s.setup.cached = Array.from({ length: 8 }, (_, i) => ({ index: i, data: 1, flags: ['PG_uptodate', 'PG_dirty'] }));
  s.actors = Array.from({ length: 6 }, (_, i) => ({ name: `W${i}`, program: [{ op: 'writeback', sync: 'none', nr: 8 }, { op: 'fsync', fd: 'A' }, { op: 'writeback', sync: 'none', nr: 8 }] }));
  return JSON.stringify(s, null, 2);
}

test('v4.19: the worker judges no-delalloc-at-reclaim always violated, as the engine does, and its counterexample replays', async () => {
  const file = join(projectRoot, 'content/scenarios/write-cache-pages-stop-on-error/unmount-leaks-delalloc.json');
  const want = exploreScenario(validateScenario(JSON.parse(readFileSync(file, 'utf8'))).scenario!, { variant: 'v4.19' });
  const page = await site.browser.newPage();
  await page.goto(site.server.url + PATH + '?v=v4.19');
  await page.getByRole('button', { name: 'Explore all interleavings' }).click();
  await page.waitForSelector('.explore[data-status="done"]');
  const counts = await page.locator('.explore-counts').innerText();
  assert.match(counts, new RegExp(`^${want.states.toLocaleString('en-US')} distinct states · ${want.transitions.toLocaleString('en-US')} transitions · `));
  const rows = await page.locator('table.explore-verdicts tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.getAttribute('data-invariant'), tr.getAttribute('data-verdict'), tr.querySelector('.schedule')?.textContent ?? null]),
  );
  assert.deepEqual(rows, want.verdicts.map((v) => [v.id, v.verdict, v.counterexample === null ? null : v.counterexample.join(',')]));
  const row = rows.find((r) => r[0] === 'no-delalloc-at-reclaim')!;
  assert.equal(row[1], 'always');
  assert.ok(typeof row[2] === 'string' && row[2].length > 0, 'a counterexample schedule is shown');
  assert.match(await page.locator('tr[data-invariant="no-delalloc-at-reclaim"]').innerText(), /always\s+always ✓/);
  await screenshot(page, 'explore-unmount-v4.19');
  await page.locator('tr[data-invariant="no-delalloc-at-reclaim"] a', { hasText: 'replay' }).click();
  await page.waitForURL((u) => u.searchParams.get('schedule') === row[2]);
  assert.equal(new URL(page.url()).searchParams.get('v'), 'v4.19');
  assert.match(await page.locator('.replay-schedule').innerText(), new RegExp(`^Replaying the schedule from the address: ${row[2]}, then the default policy\\.`));
  const steps = want.verdicts.find((v) => v.id === 'no-delalloc-at-reclaim')!.counterexample!.length;
  assert.equal(await page.locator('.player .step-label').textContent(), `step ${steps} / ${steps}`);
  assert.equal(await page.locator('.lights li[data-invariant="no-delalloc-at-reclaim"]').getAttribute('data-state'), 'violated');
  assert.equal(await page.locator('p.query-error').count(), 0, 'the schedule was followed');
});

test('Cancel stops a long exploration: the worker is terminated and no result appears', async () => {
  const text = hugeScenario();
  const payload = deflateRawSync(Buffer.from(text)).toString('base64url');
  const page = await site.browser.newPage();
  await page.goto(site.server.url + `/playground#s=${payload}&v=v4.19`);
  await page.waitForFunction((t) => (document.querySelector('#scenario-json') as HTMLTextAreaElement | null)?.value === t, text);
  const started = Date.now();
  await page.getByRole('button', { name: 'Explore all interleavings' }).click();
  await page.waitForSelector('.explore[data-status="running"]');
  await page.waitForFunction(() => /… [1-9]\d*\.\d s$/.test(document.querySelector('.explore-elapsed')?.textContent ?? ''));
  // The engine's progress reaches the page: a count of states that grows while it runs.
  const progress = async (): Promise<number> => {
    const m = /^([\d,]+) states of at most 2,000,000, [\d,]+ terminal$/.exec(await page.locator('.explore-progress').innerText());
    assert.ok(m !== null, 'progress text');
    return Number(m[1]!.replace(/,/g, ''));
  };
  await page.waitForFunction(() => /^[\d,]+ states/.test(document.querySelector('.explore-progress')?.textContent ?? ''));
  const first = await progress();
  await page.waitForFunction((n) => Number((/^([\d,]+) states/.exec(document.querySelector('.explore-progress')?.textContent ?? '') ?? [])[1]?.replace(/,/g, '') ?? 0) > n, first);
  assert.ok((await progress()) > first);
  await screenshot(page, 'explore-running');
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await page.locator('.explore').getAttribute('data-status'), 'cancelled');
  assert.match(await page.locator('.explore-cancelled').innerText(), /^cancelled after \d+\.\d s; nothing was judged$/);
  await page.waitForTimeout(3_000);
  assert.equal(await page.locator('.explore').getAttribute('data-status'), 'cancelled');
  assert.equal(await page.locator('.explore-result').count(), 0);
  assert.ok(Date.now() - started < 20_000, 'cancelled well before the exploration could have finished');
});

test('without JavaScript the panel gives the offline command instead', async () => {
  const context = await site.browser.context.browser()?.newContext({ javaScriptEnabled: false });
  assert.ok(context !== undefined && context !== null, 'a second browser context');
  const page = await context.newPage();
  await page.goto(site.server.url + PATH + '?v=v4.19');
  assert.equal(
    await page.locator('.explore noscript p, .explore > p').first().innerText(),
    'Exploring runs in your browser and needs JavaScript. Offline: npx threadlab scenario explore unmount-leaks-delalloc --variant v4.19',
  );
  await context.close();
});
