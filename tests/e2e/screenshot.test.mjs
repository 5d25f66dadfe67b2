//! The README's picture: the demo page (`dist/index.html`, served from the
//! widget's origin) in headless Chromium, saved to `target/screenshot.png`,
//! or to `$SCREENSHOT` (`cargo xtask screenshot` writes `docs/screenshot.png`
//! with it). A test run leaves the checkout as it was.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSession } from './browser.mjs';
import { useHarness, eventually } from './harness.mjs';

const h = useHarness();
const screenshotPath = process.env.SCREENSHOT
  || join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'target', 'screenshot.png');

// Proves the demo page shows openings out of the box, and records what it looks like.
test('the demo page shows openings, and its screenshot is taken', { timeout: 60_000 }, async () => {
  const s = await openSession(h.browser, { viewport: { width: 1200, height: 900 } });
  await s.page.goto(`${h.servers.widgetOrigin}/index.html`);
  const listing = s.page.locator('openings-board .listing');
  await eventually(async () => assert.ok((await listing.count()) > 0, 'the demo shows no openings'), { timeout: 20_000 });
  await s.page.evaluate(() => document.fonts.ready);
  await s.page.waitForTimeout(300); // let the last frame paint
  await mkdir(dirname(screenshotPath), { recursive: true });
  await s.page.screenshot({ path: screenshotPath });
  assert.ok((await stat(screenshotPath)).size > 10_000, 'the screenshot is suspiciously small');
  assert.deepEqual(s.pageErrors, []);
  await s.close();
});
