//! Iframe mode, for host pages whose Content-Security-Policy cannot allow
//! 'wasm-unsafe-eval': the element frames frame.html from the widget's own
//! host, sizes the frame to the board, and passes the board's events on.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useHarness, visit, eventually, assertHostUnharmed } from './harness.mjs';

const h = useHarness();

// Proves the framed board lists the feed's openings, the frame grows to the
// board's height (no inner scroll bar), and Apply reaches the host page as an
// openings:apply event on the element.
test('a board in iframe mode lists openings, fits its content and reports Apply', async () => {
  const s = await visit(h, h.servers.hostPage('iframe.html'));
  await s.page.evaluate(() => {
    window.applied = [];
    document.addEventListener('openings:apply', (e) => window.applied.push(e.detail.title));
  });
  const frameElement = s.page.locator('openings-board#main iframe');
  await frameElement.waitFor();
  assert.equal(new URL(await frameElement.getAttribute('src')).origin, h.servers.widgetOrigin);
  const inside = s.page.frameLocator('openings-board#main iframe');
  await inside.locator('.listing').first().waitFor({ timeout: 15_000 });
  assert.equal((await inside.locator('.listing').count()), 3);

  await eventually(async () => {
    const frameHeight = await frameElement.evaluate((f) => f.getBoundingClientRect().height);
    const contentHeight = await inside.locator('body').evaluate(() => document.documentElement.scrollHeight);
    assert.ok(frameHeight > 400, `frame height ${frameHeight}`);
    assert.ok(Math.abs(frameHeight - contentHeight) <= 2, `frame ${frameHeight} vs content ${contentHeight}`);
  });

  const [portal] = await Promise.all([
    s.context.waitForEvent('page'),
    inside.locator('.listing a.apply').first().click(),
  ]);
  await portal.close();
  await eventually(async () => {
    assert.equal((await s.page.evaluate(() => window.applied.length)), 1);
  });
  await assertHostUnharmed(s);
});
