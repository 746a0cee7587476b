// Proves hostile mail is inert in a real browser: messages carrying <script>, event handlers,
// javascript: URLs, HTML-only bodies, entities, RTL/zero-width characters, invalid UTF-8, NUL
// bytes and header injection import, and their thread pages and raw text render as text with
// nothing executed (no dialog, no window.__pwned, no injected element).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screenshot, startSeededSite, type SeededSite } from './harness';
import { smallHostileMessages, toMboxrd } from '../fixtures/hostile-mail';

let site: SeededSite;
const messages = smallHostileMessages();

before(async () => {
  site = await startSeededSite('hostile', {
    paths: (dir) => {
      const mbox = join(dir, 'hostile.mbox');
      writeFileSync(mbox, toMboxrd(messages));
      return [mbox];
    },
  });
});

after(async () => {
  await site?.stop();
});

test('the fixture set has at least 20 hostile messages', () => {
  assert.ok(messages.length >= 20, String(messages.length));
});

test('every hostile message renders as inert text on its thread page and as raw text', async () => {
  const page = await site.browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  let visited = 0;
  for (const m of messages) {
    const res = await page.goto(site.server.url + `/m/${encodeURIComponent(m.messageId)}`);
    assert.equal(res?.status(), 200, m.name);
    await page.waitForLoadState('load');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0), 0, `${m.name} executed`);
    // No element from mail: scripts, images, iframes, SVG or styles exist only where the app put them.
    const injected = await page.evaluate(() => document.querySelectorAll('main img, main iframe, main svg, main style, main script, main [onerror], main [onload], main a[href^="javascript:"]').length);
    assert.equal(injected, 0, `${m.name} injected markup`);
    if (m.name === 'script-body') {
      assert.ok((await page.locator('main').innerText()).includes('<script>window.__pwned'), 'the script is shown as text');
      await screenshot(page, 'hostile-script-body');
    }
    const raw = await page.goto(site.server.url + `/m/${encodeURIComponent(m.messageId)}/raw`);
    assert.equal(raw?.status(), 200, `${m.name} raw`);
    assert.match(raw?.headers()['content-type'] ?? '', /^text\/plain/);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0), 0, `${m.name} raw executed`);
    visited += 1;
  }
  assert.equal(visited, messages.length);
  assert.deepEqual(dialogs, []);
});

test('a search that hits hostile text shows it as text', async () => {
  const page = await site.browser.newPage();
  await page.goto(site.server.url + '/search?q=' + encodeURIComponent('pwned'));
  assert.ok((await page.locator('ol.hits li').count()) >= 5);
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0), 0);
  assert.equal(await page.evaluate(() => document.querySelectorAll('main img, main script, main svg, main iframe').length), 0);
});
