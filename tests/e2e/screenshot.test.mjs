//! The README's pictures: the demo page (`dist/index.html`, served from the
//! widget's origin) in headless Chromium, on a desktop and on a phone, saved
//! as `screenshot.png` and `screenshot-phone.png` in `target/`, or in
//! `$SCREENSHOTS` (`cargo xtask screenshot` writes them into `docs/`). A
//! test run leaves the checkout as it was.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSession } from './browser.mjs';
import { useHarness, eventually } from './harness.mjs';

const h = useHarness();
const folder = process.env.SCREENSHOTS
  || join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'target');
const screenshotPath = join(folder, 'screenshot.png');
const phonePath = join(folder, 'screenshot-phone.png');

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

// Proves the demo on a phone shows openings on the first screen, the
// filters folded behind their control, and records what it looks like.
test('the demo page on a phone shows openings first, and its screenshot is taken', { timeout: 60_000 }, async () => {
  const s = await openSession(h.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await s.page.goto(`${h.servers.widgetOrigin}/index.html`);
  const board = s.page.locator('openings-board').first();
  const listing = board.locator('.listing');
  await eventually(async () => assert.ok((await listing.count()) > 0, 'the demo shows no openings'), { timeout: 20_000 });
  await board.scrollIntoViewIfNeeded();
  assert.ok(await board.locator('.filters-toggle').isVisible(), 'the filters are behind their control');
  await s.page.evaluate(() => document.fonts.ready);
  await s.page.waitForTimeout(300);
  await mkdir(dirname(phonePath), { recursive: true });
  await s.page.screenshot({ path: phonePath });
  assert.ok((await stat(phonePath)).size > 10_000, 'the screenshot is suspiciously small');
  assert.deepEqual(s.pageErrors, []);
  await s.close();
});
