//! Large feeds as they arrive (issue 5): the first openings are listed while
//! the rest of the body is still on its way, the count says more is coming
//! until everything is in, a body that breaks off takes its early openings
//! with its error, and the loader asks for the first feed before the
//! board's WebAssembly has even arrived.

import assert from 'node:assert/strict';
import { test, before, after } from 'node:test';
import { createServer } from 'node:http';
import { useHarness, visit, board, eventually, assertHostUnharmed, titles, noteShadowTexts } from './harness.mjs';
import { openSession } from './browser.mjs';

const h = useHarness();

/**
 * FEEDS' /large/600 from a server of this file's own: `/<name>` sends its
 * first part at once and the rest only once the story lets it go
 * (`restOf(name).open()`). FEEDS' `?pause=` counts from the request, which
 * the board sends before its WebAssembly has arrived: a slow machine's
 * start took the pause, and the rest came before the story was ready.
 */
const held = { origin: null, server: null, gates: new Map() };
function restOf(name) {
  if (!held.gates.has(name)) {
    let open;
    const opened = new Promise((ok) => { open = ok; });
    held.gates.set(name, { opened, open });
  }
  return held.gates.get(name);
}
before(async () => {
  held.server = createServer(async (req, res) => {
    const name = new URL(req.url, 'http://x').pathname.slice(1);
    const part = (query) => fetch(`${h.servers.feedsOrigin}/large/600?${query}&held=${name}`).then((r) => r.text());
    try {
      const [first, whole] = await Promise.all([part('cut=1'), part('whole=1')]);
      if (!whole.startsWith(first)) throw new Error('the first part is not the start of the feed');
      res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'application/ld+json; charset=utf-8', 'cache-control': 'no-store' });
      res.write(first);
      await restOf(name).opened;
      if (!res.destroyed) res.end(whole.slice(first.length));
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'access-control-allow-origin': '*', 'content-type': 'text/plain' });
      res.end(`test server error: ${err.message}`);
    }
  });
  await new Promise((ok) => held.server.listen(0, '127.0.0.1', ok));
  held.origin = `http://127.0.0.1:${held.server.address().port}`;
});
after(async () => {
  for (const gate of held.gates.values()) gate.open();
  held.server?.closeAllConnections();
  await new Promise((ok) => (held.server ? held.server.close(ok) : ok()));
});

/** The board's count line and whether it is busy. */
async function count(b) {
  const line = b.locator('.result-count');
  return { text: ((await line.textContent()) ?? '').replace(/\s+/g, ' ').trim(), busy: await line.getAttribute('aria-busy') };
}

test('a large feed lists its first openings while the rest is still on its way', async () => {
  const pause = 6_000;
  const feed = `${h.servers.feedsOrigin}/large/600?pause=${pause}`;
  const s = await visit(h, h.servers.hostPage('board.html', { feed }));
  const b = board(s.page);
  await b.locator('.listing').first().waitFor({ timeout: 15_000 });
  const shownAt = Date.now();
  const asked = h.servers.feedRequests.find((r) => r.url === '/large/600?pause=6000')?.at;
  assert.ok(asked, 'the feed was never requested');
  assert.ok(shownAt - asked < pause, `the first openings came only ${shownAt - asked} ms after the request, not before the rest of the body`);
  const early = await count(b);
  assert.equal(early.busy, 'true', 'the count is not marked busy while more openings arrive');
  assert.match(early.text, /Loading more/, `the count does not say more are coming: ${early.text}`);
  assert.equal(await b.locator('.listing').count(), 20, 'the first page is not full');
  // All from the first third of the feed, the part the server has sent.
  const numbers = (await b.locator('.listing-title').allTextContents()).map((t) => Number(t.trim().replace('Opening ', '')));
  assert.ok(numbers.every((n) => n >= 1 && n <= 200), `openings from beyond the part sent: ${numbers}`);

  await eventually(async () => {
    const done = await count(b);
    assert.equal(done.text, '600 openings');
    assert.equal(done.busy, null);
  }, { timeout: pause + 15_000 });
  await assertHostUnharmed(s);
});

// Proves a feed that is all there at once (small, or from the cache; here
// 300 openings, ~700 kB, fully arrived while the board's WebAssembly was
// held back) is never shown a part of itself as if it were the whole: a
// shared link searching for its last opening finds it at once (no "No
// openings match" first), and every count the board writes says 300. The
// board's every count and every empty-result text are recorded as written.
test('a feed that arrives whole is shown whole, never a part of it', async () => {
  const feed = `${h.servers.feedsOrigin}/large/300?whole=1`;
  const session = await openSession(h.browser);
  try {
    await noteShadowTexts(session.page, '.result-count, .empty');
    const url = `${h.servers.hostPage('board.html', { feed, slowwasm: '1' })}&openings-main=q:299`;
    await session.page.goto(url);
    const b = board(session.page);
    await eventually(async () => assert.equal((await count(b)).text, '1 opening'), { timeout: 20_000 });
    assert.deepEqual(await titles(b), ['Opening 299']);
    const seen = await session.page.evaluate(() => window.seen);
    assert.ok(seen.every((t) => /^1 opening/.test(t)), `the board said: ${seen.join(' | ')}`);
    await assertHostUnharmed(session);
  } finally {
    await session.close();
  }
});

// Proves a feed of megabytes that is all there at once (1,500 openings,
// ~3.4 MB, arrived while the WebAssembly was held back) is still listed a
// page first: the rest would take long to read, as if it were on its way.
test('a feed of megabytes that arrives whole is listed a page first', async () => {
  const feed = `${h.servers.feedsOrigin}/large/1500?whole=1`;
  const session = await openSession(h.browser);
  try {
    await noteShadowTexts(session.page, '.result-count');
    await session.page.goto(h.servers.hostPage('board.html', { feed, slowwasm: '1' }));
    const b = board(session.page);
    await eventually(async () => assert.equal((await count(b)).text, '1,500 openings'), { timeout: 30_000 });
    const seen = await session.page.evaluate(() => window.seen);
    const first = Number((seen[0] ?? '').match(/^([\d,]+) openings/)?.[1]?.replace(/,/g, ''));
    assert.ok(first >= 20 && first < 1_500, `first said: ${seen[0]} (all: ${seen.join(' | ')})`);
    assert.match(seen[0], /Loading more/);
    await assertHostUnharmed(session);
  } finally {
    await session.close();
  }
});

// Proves a shared search on a feed of megabytes that is listed a page first
// (1,500 openings arrived whole) never says that nothing matches while the
// rest is still being read: the one opening it asks for is at the end.
test('a shared search on a feed still being read says it is loading, never that nothing matches', async () => {
  const feed = `${h.servers.feedsOrigin}/large/1500?whole=1&search`;
  const session = await openSession(h.browser);
  try {
    await noteShadowTexts(session.page, '.result-count, .empty, .loading');
    const url = `${h.servers.hostPage('board.html', { feed, slowwasm: '1' })}&openings-main=q:1499`;
    await session.page.goto(url);
    const b = board(session.page);
    await eventually(async () => assert.equal((await count(b)).text, '1 opening'), { timeout: 30_000 });
    assert.deepEqual(await titles(b), ['Opening 1499']);
    const seen = await session.page.evaluate(() => window.seen);
    assert.ok(seen.some((t) => /Loading more/.test(t)), `never listed a part first: ${seen.join(' | ')}`);
    assert.ok(!seen.some((t) => /No openings/.test(t)), `the board said: ${seen.join(' | ')}`);
    await assertHostUnharmed(session);
  } finally {
    await session.close();
  }
});

test('a feed that breaks off after its first openings fails as a whole', async () => {
  const feed = `${h.servers.feedsOrigin}/large/600?cut=1`;
  const s = await visit(h, h.servers.hostPage('board.html', { feed }));
  const b = board(s.page);
  const alert = b.locator('.notice-error');
  await alert.waitFor({ state: 'visible', timeout: 20_000 });
  const said = (await alert.textContent()).replace(/\s+/g, ' ');
  assert.ok(said.includes(`Could not load openings from ${feed}`), said);
  assert.match(said, /cut off/, `the message does not say the body broke off: ${said}`);
  assert.equal(await b.locator('.listing').count(), 0, 'openings of the broken feed are still listed');
  assert.equal((await count(b)).busy, null);
  await assertHostUnharmed(s);
});

test('the first feed is on its way before the board\'s WebAssembly has arrived', async () => {
  const feed = `${h.servers.feedsOrigin}/feeds/museum.json?early=1`;
  const since = Date.now();
  const s = await visit(h, h.servers.hostPage('board.html', { feed, slowwasm: '1' }));
  const b = board(s.page);
  await b.locator('.listing').first().waitFor({ timeout: 20_000 });
  const asked = h.servers.feedRequests.filter((r) => r.url === '/feeds/museum.json?early=1');
  assert.equal(asked.length, 1, `the feed was requested ${asked.length} times`);
  // This story's own WebAssembly (other stories of the file hold it back too).
  const wasm = h.servers.widgetRequests.find((r) => r.path.endsWith('.wasm') && r.answered && r.at >= since);
  assert.ok(wasm, 'the WebAssembly was not loaded from the slow path');
  assert.ok(asked[0].at < wasm.at, `the feed was asked for ${asked[0].at - wasm.at} ms after the WebAssembly arrived`);
  await assertHostUnharmed(s);
});

/** The values of the board's Organization facet, in the order shown. */
function organizations(b) {
  return b.locator('fieldset.facet', { hasText: 'Organization' }).locator('.facet-label').allTextContents();
}

/**
 * Searches the 600-opening board `b` for "Opening 1" and waits until its
 * Organization facet shows the new counts sorted, most first.
 */
async function searchSortsByCount(b, why) {
  await b.getByRole('searchbox').fill('Opening 1');
  await eventually(async () => {
    assert.doesNotMatch((await count(b)).text, /^600/);
    const counts = (await b.locator('fieldset.facet', { hasText: 'Organization' }).locator('.facet-count').allTextContents()).map(Number);
    assert.deepEqual(counts, [...counts].sort((x, y) => y - x), why);
  });
}

// Proves the facets wait while the rest of a large feed arrives, so that
// their values do not re-sort under the reader (and move the page) with
// every part: none while the count says more are coming, then the values
// of the whole feed, most first, in the order they keep. Here the first
// part has Institution 0 before 5 (29 openings each… 28 for both), the
// whole feed 5 before 0 (86 to 85).
test('the facets wait while the rest of a large feed arrives, then come in their final order', async () => {
  const feed = `${h.servers.feedsOrigin}/large/600?pause=500`;
  const s = await visit(h, h.servers.hostPage('board.html', { feed }));
  const b = board(s.page);
  await s.page.evaluate(() => {
    window.facetOrders = [];
    const note = () => {
      const root = document.querySelector('openings-board#main')?.shadowRoot;
      if (!root) return;
      const labels = [...root.querySelectorAll('fieldset.facet')].find((f) => f.textContent.includes('Organization'))?.querySelectorAll('.facet-label');
      const busy = root.querySelector('.result-count')?.getAttribute('aria-busy') === 'true';
      const order = labels ? [...labels].map((l) => l.textContent).join('|') : '';
      if (order && window.facetOrders.at(-1)?.order !== order) window.facetOrders.push({ order, busy });
    };
    new MutationObserver(note).observe(document.querySelector('openings-board#main').shadowRoot, { subtree: true, childList: true, characterData: true });
  });
  await eventually(async () => assert.equal((await count(b)).text, '600 openings'), { timeout: 15_000 });
  const seen = await s.page.evaluate(() => window.facetOrders);
  assert.deepEqual(seen.filter((o) => o.busy), [], 'facets were shown while the rest of the feed was arriving');
  assert.equal(seen.length, 1, `the facet values moved once shown: ${JSON.stringify(seen)}`);
  assert.deepEqual((await organizations(b)).slice(0, 7), [1, 2, 3, 4, 5, 0, 6].map((n) => `Institution ${n}`));
  await assertHostUnharmed(s);
});

// Proves a feed whose rest is slow does not keep the reader from filtering:
// the facets come about a second after the first openings, while the rest
// is still on its way. And a reader in them is not disturbed when it comes:
// by keyboard, their focus stays on the value it was on, which keeps its
// place though the new counts sort it otherwise (it moved, and lost the
// focus); by pointer, the value under it stays there. Once the reader has
// left, the next change sorts them by count again.
for (const reader of ['keyboard', 'pointer', 'phone']) {
  test(`facets shown while a slow feed arrives hold still for a reader in them (${reader})`, async () => {
    // The rest of the feed comes once the reader is in the facets.
    const feed = `${held.origin}/${reader}`;
    const s = await openSession(h.browser, reader === 'phone' ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {});
    await s.page.goto(h.servers.hostPage('board.html', { feed }));
    const b = board(s.page);
    await b.locator('.listing').first().waitFor({ timeout: 15_000 });
    // On a phone the facets are in the panel behind "Filters": opened, the
    // reader has them before them.
    if (reader === 'phone') await b.locator('.filters-toggle').tap();
    const institution0 = b.getByRole('checkbox', { name: /^Institution 0\b/ });
    await institution0.waitFor({ timeout: 3_000 });
    assert.match((await count(b)).text, /Loading more/, 'the facets came only with the whole feed');
    const before = await organizations(b);
    assert.deepEqual(before.slice(0, 7), [1, 2, 3, 4, 0, 5, 6].map((n) => `Institution ${n}`));
    if (reader === 'keyboard') await institution0.focus();
    else if (reader === 'pointer') await institution0.hover();
    restOf(reader).open();
    await eventually(async () => assert.equal((await count(b)).text, '600 openings'), { timeout: 15_000 });
    assert.deepEqual(await organizations(b), before, 'the values moved under the reader');
    if (reader === 'keyboard') {
      assert.ok(await institution0.evaluate((el) => el.getRootNode().activeElement === el), 'the reader\'s focus left the value it was on');
    }
    assert.match(await b.locator('fieldset.facet', { hasText: 'Organization' }).textContent(), /Institution 5\s*86/);
    // The reader leaves for the search box and types: the new counts come
    // sorted, most first.
    if (reader === 'phone') await b.locator('.filters-done').tap();
    else await s.page.mouse.move(1, 1);
    await searchSortsByCount(b, 'not sorted by count after the reader left');
    await assertHostUnharmed(s);
    await s.close();
  });
}

// Proves a value that comes later with more openings than those shown is
// not hidden behind "Show all": a member's feed arrives after the reader
// ticked a value. Ticked with the mouse, the facets are sorted again (the
// checkbox keeps the focus, but the reader has moved on: it used to hold
// them, and the new value went ninth, behind "Show all"); ticked by
// keyboard, the values the reader moves through keep their places and the
// new one shows after them.
for (const reader of ['mouse', 'keyboard']) {
  test(`a value that comes later with the most openings shows, not behind "Show all" (${reader})`, async () => {
    const feeds = h.servers.feedsOrigin;
    const posting = (org, k) => ({
      '@type': 'JobPosting', title: `${org} post ${k}`, identifier: `${org}-${k}`.replace(/\s/g, '-'),
      datePosted: '2026-11-20', hiringOrganization: { '@type': 'Organization', name: org },
      url: `${feeds}/portal/${org.replace(/\s/g, '-')}-${k}`,
    });
    const members = Array.from({ length: 8 }, (_, m) => Array.from({ length: 5 + m }, (_, k) => posting(`Member ${m}`, k))).flat();
    const big = Array.from({ length: 100 }, (_, k) => posting('Consortium Big Org', k));
    let release;
    const gate = new Promise((resolve) => { release = resolve; });
    const s = await openSession(h.browser);
    const headers = { 'access-control-allow-origin': '*', 'content-type': 'application/ld+json' };
    await s.page.route(`${feeds}/later/*`, async (route) => {
      const url = route.request().url();
      if (url.endsWith('/big.json')) await gate;
      await route.fulfill({ status: 200, headers, body: JSON.stringify(url.endsWith('/big.json') ? big : members) });
    });
    await s.page.goto(h.servers.hostPage('board.html', { feed: `${feeds}/later/members.json ${feeds}/later/big.json` }));
    const b = board(s.page);
    const member2 = b.getByRole('checkbox', { name: /^Member 2\b/ });
    await member2.waitFor({ timeout: 15_000 });
    if (reader === 'mouse') {
      await member2.click();
      await s.page.mouse.move(700, 400);
    } else {
      await member2.focus();
      await s.page.keyboard.press('Space');
    }
    await eventually(async () => assert.equal(await member2.isChecked(), true));
    release();
    const organization = b.locator('fieldset.facet', { hasText: 'Organization' });
    await eventually(async () => assert.match(await organization.textContent(), /Consortium Big Org\s*100/), { timeout: 15_000 });
    const labels = (await organization.locator('.facet-label').allTextContents()).map((t) => t.trim());
    if (reader === 'mouse') {
      assert.equal(labels[0], 'Consortium Big Org', `sorted again, the value with the most openings is first: ${labels}`);
    } else {
      assert.deepEqual(labels.slice(0, 8), Array.from({ length: 8 }, (_, m) => `Member ${7 - m}`), 'the values the reader moves through moved');
      assert.equal(labels[8], 'Consortium Big Org', `the new value is not shown after them: ${labels}`);
      assert.ok(await member2.evaluate((el) => el.getRootNode().activeElement === el), 'the focus left the ticked value');
    }
    await assertHostUnharmed(s);
    await s.close();
  });
}

// Proves a narrow board's open filters panel holds the facets only while it
// is a panel: a tablet turned with the panel open makes the board wide, the
// facets a column and the panel's control hidden; they are sorted by count
// again (they stayed held for good, the panel open in the board's state).
test('facets held by an open panel are sorted again once the board is wide', async () => {
  const feed = `${h.servers.feedsOrigin}/large/600?whole=1`;
  const s = await openSession(h.browser, { viewport: { width: 700, height: 900 } });
  await s.page.goto(h.servers.hostPage('board.html', { feed }));
  const b = board(s.page);
  await eventually(async () => assert.equal((await count(b)).text, '600 openings'), { timeout: 15_000 });
  await b.locator('.filters-toggle').click();
  await b.locator('fieldset.facet').first().waitFor();
  await s.page.setViewportSize({ width: 1100, height: 900 });
  await s.page.mouse.move(1, 1);
  await searchSortsByCount(b, 'not sorted by count on the wide board');
  await assertHostUnharmed(s);
  await s.close();
});
