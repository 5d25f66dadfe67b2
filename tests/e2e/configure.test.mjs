//! The configurator (issue 13): a site editor pastes a feed address and sees
//! what it is (the board's own reader and rules), a live preview, and a
//! snippet that, pasted into a fresh page, shows the same board. A feed
//! other sites may not read is explained. Keyboard and axe clean.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openSession } from './browser.mjs';
import { useHarness, titles, waitForTitles, eventually, assertHostUnharmed } from './harness.mjs';

const h = useHarness();
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const MUSEUM_TITLES = ['Collections Registrar', 'Visitor Experience Associate', 'Digital Collections Developer'];

async function axeViolations(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target).join(', ')}`);
  });
}

// Proves the whole path a site editor takes: paste a feed, see what it is and
// the board it makes, choose an option, copy the snippet, and the snippet,
// pasted into another page, shows that board.
test('paste a feed, see it and its board, and the snippet shows the same board elsewhere', { timeout: 90_000 }, async () => {
  const s = await openSession(h.browser);
  await s.page.goto(`${h.servers.widgetOrigin}/configure.html`);
  const feed = `${h.servers.feedsOrigin}/feeds/museum.json`;
  await s.page.getByLabel('Feed addresses, one per line').fill(feed);
  await s.page.getByRole('button', { name: 'Check the feeds' }).click();
  const report = s.page.locator('#report');
  await eventually(async () => assert.match(await report.textContent(), /schema\.org.*3 openings to show/s), { timeout: 20_000 });
  // What `openings validate` would say, entry by entry.
  assert.match(await report.textContent(), /Search engines would take every posting|warning/);

  const preview = s.page.locator('#preview openings-board');
  await waitForTitles(preview, MUSEUM_TITLES);
  await s.page.getByLabel('Order').selectOption('title');
  await eventually(async () => assert.deepEqual(await titles(preview), [...MUSEUM_TITLES].sort()));

  const snippet = await s.page.locator('#snippet').textContent();
  assert.match(snippet, /^<script src="http:\/\/127\.0\.0\.1:\d+\/openings\.js" integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous" defer><\/script>\n/);
  assert.match(snippet, /<openings-board feed="[^"]+museum\.json" sort="title"><\/openings-board>$/);
  assert.deepEqual(await axeViolations(s.page), [], 'axe-core finds nothing on the configurator');
  assert.deepEqual(s.pageErrors, []);
  await s.close();

  // The snippet, on a page of another origin.
  h.servers.setRendered(snippet);
  const host = await openSession(h.browser);
  await host.page.goto(h.servers.hostPage('rendered.html', { nowidget: '1' }));
  const pasted = host.page.locator('openings-board');
  await eventually(async () => assert.deepEqual(await titles(pasted), [...MUSEUM_TITLES].sort()), { timeout: 20_000 });
  await assertHostUnharmed(host);
  assert.deepEqual(host.pageErrors, []);
  await host.close();
});

// Proves a feed other sites may not read is explained, with what to do.
test('a feed without CORS permission is explained with the convert recipe', { timeout: 60_000 }, async () => {
  const s = await openSession(h.browser);
  await s.page.goto(`${h.servers.widgetOrigin}/configure.html`);
  await s.page.getByLabel('Feed addresses, one per line').fill(`${h.servers.feedsOrigin}/fault/no-cors`);
  await s.page.getByRole('button', { name: 'Check the feeds' }).click();
  await eventually(async () => {
    const said = await s.page.locator('#report').textContent();
    assert.match(said, /does not let other websites read the feed/);
    assert.match(said, /openings convert/);
  }, { timeout: 20_000 });
  await s.close();
});

// Proves a body that is no feed is said so, in the board's own words.
test('a feed the board cannot read says why', { timeout: 60_000 }, async () => {
  const s = await openSession(h.browser);
  await s.page.goto(`${h.servers.widgetOrigin}/configure.html`);
  await s.page.getByLabel('Feed addresses, one per line').fill(`${h.servers.feedsOrigin}/fault/not-a-feed`);
  await s.page.getByRole('button', { name: 'Check the feeds' }).click();
  await eventually(async () => assert.match(await s.page.locator('#report').textContent(), /The board cannot read it/), { timeout: 20_000 });
  await s.close();
});
