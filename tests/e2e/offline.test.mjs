//! Offline and flaky networks (issue 6): the last good copy of each feed is
//! kept in the host page's localStorage (`openings:feed:<url>`, its fetch
//! time and body) and shown, with a notice naming when it was fetched and a
//! Retry, when the server fails or the network is down; an unchanged feed is
//! revalidated (ETag) instead of downloaded again; `cache="off"` turns both
//! off. Feed requests never carry the host's cookies.

import assert from 'node:assert/strict';
import { test, before, after } from 'node:test';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feedsDir, isoDate } from './servers.mjs';
import { useHarness, visit, waitForTitles, assertHostUnharmed, eventually, framesLater, titles, posting } from './harness.mjs';

const h = useHarness();
const MUSEUM_TITLES = ['Collections Registrar', 'Visitor Experience Associate', 'Digital Collections Developer'];
const switchUrl = () => `${h.servers.feedsOrigin}/switch/museum`;
const KEY = (url) => `openings:feed:${url}`;

/** The saved copies in the page's localStorage: `{url: {at, body}}`. */
function savedCopies(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
    .filter((k) => k.startsWith('openings:feed:'))
    .map((k) => {
      const value = localStorage.getItem(k);
      const cut = value.indexOf('\n');
      return [k.slice('openings:feed:'.length), { at: Number(value.slice(0, cut)), body: value.slice(cut + 1) }];
    })));
}

/** How the board (in English) writes the moment a copy was saved. */
function savedOn(page, at) {
  return page.evaluate((at) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(at), at);
}

/**
 * A feed server of its own that does what a good server does: sends an
 * ETag, answers 304 to a request that has it already, and notes each
 * request's If-None-Match and Cookie headers.
 */
let etagServer;
before(async () => {
  const requests = [];
  const server = createServer((req, res) => {
    const body = readFileSync(join(feedsDir, 'museum.json'), 'utf8')
      .replace(/\{\{date:([+-]?\d+)\}\}/g, (_, d) => isoDate(Number(d)))
      .replaceAll('{{feeds}}', 'https://portal.example.org');
    const etag = '"museum-v1"';
    const headers = { 'access-control-allow-origin': '*', etag, 'cache-control': 'no-cache' };
    const fresh = req.headers['if-none-match'] === etag;
    requests.push({ ifNoneMatch: req.headers['if-none-match'], cookie: req.headers.cookie, status: fresh ? 304 : 200 });
    if (fresh) {
      res.writeHead(304, headers);
      res.end();
    } else {
      res.writeHead(200, { ...headers, 'content-type': 'application/ld+json' });
      res.end(body);
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  etagServer = { server, requests, url: `http://127.0.0.1:${server.address().port}/museum.json` };
});
after(async () => {
  etagServer?.server.closeAllConnections();
  await new Promise((ok) => etagServer?.server.close(ok) ?? ok());
});

// Proves the reader still sees the openings when the feed's server breaks:
// the copy saved on the last good load, with a notice that names the feed,
// why and when the copy was saved; Retry brings the fresh feed back.
test('a server error shows the saved copy, dated, and Retry loads the fresh feed', { timeout: 60_000 }, async () => {
  h.servers.setSwitch('museum', 'ok');
  const url = switchUrl();
  const started = Date.now();
  const s = await visit(h, h.servers.hostPage('attributes.html', { feed: url }));
  const b = s.page.locator('openings-board');
  try {
    await waitForTitles(b, MUSEUM_TITLES);
    // The copy is saved once the board has drawn the feed.
    let copies;
    await eventually(async () => {
      copies = await savedCopies(s.page);
      assert.deepEqual(Object.keys(copies), [url], 'the feed was not saved under its absolute URL');
    });
    const { at, body } = copies[url];
    assert.ok(at >= started - 1000 && at <= Date.now(), `saved at ${at}, not when it was fetched`);
    assert.equal(JSON.parse(body)['@type'], 'ItemList', 'the saved body is not the feed');
    assert.equal(await b.locator('.notice-saved').count(), 0, 'a fresh feed is marked as a saved copy');

    h.servers.setSwitch('museum', '500');
    await s.page.reload();
    await waitForTitles(b, MUSEUM_TITLES);
    const notice = b.locator('.notice-saved');
    await notice.waitFor();
    const said = (await notice.textContent()).replace(/\s+/g, ' ');
    assert.ok(said.includes(`Could not load openings from ${url} (`), `the notice does not name the feed: ${said}`);
    assert.match(said, /\(.*500.*\)/, `the notice does not say why: ${said}`);
    assert.ok(said.includes(`Showing the copy saved on ${await savedOn(s.page, at)}.`), `the notice does not date the copy: ${said}`);
    assert.equal(await b.locator('.notice-error').count(), 0, 'the saved copy is shown as an error too');
    assert.ok(s.boardMessages().some((m) => m.type === 'warning' && m.text.includes('saved')), 'the console does not say a saved copy is shown');

    h.servers.setSwitch('museum', 'ok');
    await notice.getByRole('button', { name: 'Retry' }).click();
    await waitForTitles(b, MUSEUM_TITLES);
    await b.locator('.notice-saved').waitFor({ state: 'detached' });
    // Retry marks the feed as loading at once (the notice goes then): the
    // fresh copy is saved once it has arrived.
    await eventually(async () => {
      assert.ok((await savedCopies(s.page))[url].at > at, 'the fresh copy was not saved');
    });
    await assertHostUnharmed(s);
  } finally {
    h.servers.setSwitch('museum', 'ok');
    await s.close();
  }
});

// Proves a network that is down (not a server error) shows the saved copy
// too, and that the notice names the day the copy was fetched, not today.
test('with the network down, a copy saved three days ago shows, dated three days ago', { timeout: 60_000 }, async () => {
  const url = `${h.servers.feedsOrigin}/feeds/museum.json`;
  const s = await visit(h, h.servers.hostPage('attributes.html', { feed: url }));
  const b = s.page.locator('openings-board');
  await waitForTitles(b, MUSEUM_TITLES);
  await eventually(async () => assert.deepEqual(Object.keys(await savedCopies(s.page)), [url]));
  const threeDaysAgo = Date.now() - 3 * 86_400_000;
  await s.page.evaluate(([key, at]) => {
    const value = localStorage.getItem(key);
    localStorage.setItem(key, `${at}${value.slice(value.indexOf('\n'))}`);
  }, [KEY(url), threeDaysAgo]);

  await s.context.route((u) => u.href.startsWith(h.servers.feedsOrigin), (route) => route.abort('internetdisconnected'));
  await s.page.reload();
  await waitForTitles(b, MUSEUM_TITLES);
  const said = (await b.locator('.notice-saved').textContent()).replace(/\s+/g, ' ');
  assert.ok(said.includes(`Showing the copy saved on ${await savedOn(s.page, threeDaysAgo)}.`), `wrong date: ${said}`);
  assert.match(said, /network|reach|connect/i, `the notice does not say the network failed: ${said}`);
  await assertHostUnharmed(s);
  await s.close();
});

// Proves cache="off" keeps nothing and shows nothing kept: no copy is
// saved, and when the feed fails the reader gets the error, even though
// another board on the same site saved a copy of that feed earlier.
test('with cache="off" nothing is saved, and a failing feed shows the error', { timeout: 60_000 }, async () => {
  h.servers.setSwitch('museum', 'ok');
  const url = switchUrl();
  const s = await visit(h, h.servers.hostPage('attributes.html', { feed: url, cache: 'off' }));
  const b = s.page.locator('openings-board');
  try {
    await waitForTitles(b, MUSEUM_TITLES);
    await framesLater(s.page); // when a board with caching on would have saved its copy
    assert.deepEqual(await savedCopies(s.page), {}, 'cache="off" saved a copy');

    // A board with caching on saves a copy on this site…
    await s.page.goto(h.servers.hostPage('attributes.html', { feed: url }));
    await waitForTitles(b, MUSEUM_TITLES);
    await eventually(async () => assert.deepEqual(Object.keys(await savedCopies(s.page)), [url]));

    // …which the cache="off" board does not use when the feed fails.
    h.servers.setSwitch('museum', '500');
    await s.page.goto(h.servers.hostPage('attributes.html', { feed: url, cache: 'off' }));
    const error = b.locator('.notice-error');
    await error.waitFor({ timeout: 20_000 });
    assert.ok((await error.textContent()).includes(`Could not load openings from ${url}`));
    assert.equal(await b.locator('.notice-saved').count(), 0, 'cache="off" showed a saved copy');
    assert.equal(await b.locator('.listing').count(), 0, 'cache="off" showed saved openings');
    await assertHostUnharmed(s);
  } finally {
    h.servers.setSwitch('museum', 'ok');
    await s.close();
  }
});

// Proves an unchanged feed is not downloaded again: the second load asks
// with If-None-Match, the server answers 304, and the board shows the
// openings; with cache="off" the board asks for the whole feed every time.
// And no request carries the host site's cookies.
test('an unchanged feed is revalidated with its ETag (304), never with the host\'s cookies', { timeout: 60_000 }, async () => {
  const s = await visit(h, 'about:blank');
  await s.context.addCookies([{ name: 'host_session', value: 'secret', domain: '127.0.0.1', path: '/' }]);
  const page = h.servers.hostPage('attributes.html', { feed: etagServer.url });
  await s.page.goto(page);
  const b = s.page.locator('openings-board');
  await waitForTitles(b, MUSEUM_TITLES);
  await s.page.reload();
  await waitForTitles(b, MUSEUM_TITLES);
  assert.deepEqual(etagServer.requests.map((r) => [r.ifNoneMatch, r.status]), [[undefined, 200], ['"museum-v1"', 304]]);
  assert.equal(await b.locator('.notice-saved').count(), 0, 'a 304 is shown as a saved copy');
  const withCookies = etagServer.requests.filter((r) => r.cookie);

  etagServer.requests.length = 0;
  await s.page.goto(h.servers.hostPage('attributes.html', { feed: etagServer.url, cache: 'off' }));
  await waitForTitles(b, MUSEUM_TITLES);
  assert.deepEqual(etagServer.requests.map((r) => [r.ifNoneMatch, r.status]), [[undefined, 200]],
    'cache="off" revalidated from the browser cache');

  assert.ok((await s.context.cookies(h.servers.hostOrigin)).some((c) => c.name === 'host_session'));
  withCookies.push(...etagServer.requests.filter((r) => r.cookie));
  assert.deepEqual(withCookies, [], 'a feed request carried the host\'s cookies');
  // The control: a request that asks for credentials does carry the cookie here.
  etagServer.requests.length = 0;
  await s.page.evaluate((url) => fetch(url, { credentials: 'include', cache: 'no-store' }).catch(() => null), etagServer.url);
  assert.equal(etagServer.requests[0]?.cookie, 'host_session=secret', 'the cookie check cannot see cookies');
  await assertHostUnharmed(s);
  await s.close();
});

/** A promise and the function that settles it. */
function gate() {
  let open;
  const opened = new Promise((ok) => { open = ok; });
  return { opened, open };
}

// Proves a board whose feed comes late keeps the copies other boards of the
// site saved meanwhile: a reader with two tabs of the site, the first
// waiting for a slow feed while the second shows and saves another; the
// first then saves its own copy and the second's is still there (it was
// taken for a copy "from the future", and removed).
test('a board whose feed comes late keeps the copies other tabs saved meanwhile', { timeout: 60_000 }, async () => {
  const slow = `${h.servers.feedsOrigin}/feeds/museum.json`;
  const library = `${h.servers.feedsOrigin}/feeds/library.json`;
  const held = gate();
  const s = await visit(h, 'about:blank');
  try {
    await s.page.route(slow, async (route) => {
      await held.opened;
      await route.continue();
    });
    await s.page.goto(h.servers.hostPage('attributes.html', { feed: slow }));
    await s.page.locator('openings-board p.loading').waitFor(); // its request is on its way
    const other = await s.context.newPage();
    await other.goto(h.servers.hostPage('attributes.html', { feed: library }));
    await eventually(async () => assert.deepEqual(Object.keys(await savedCopies(other)), [library]));
    held.open();
    await eventually(async () => assert.deepEqual(Object.keys(await savedCopies(s.page)).sort(), [library, slow].sort()));
    await framesLater(s.page);
    assert.deepEqual(Object.keys(await savedCopies(s.page)).sort(), [library, slow].sort(), 'a copy saved meanwhile was removed');
    await assertHostUnharmed(s);
  } finally {
    held.open();
    await s.close();
  }
});

// Proves a feed that fails after a long wait shows the copy another tab
// saved of it while this one waited (it was removed as a copy "from the
// future", and the reader got the error).
test('a feed that fails after a long wait shows the copy another tab saved meanwhile', { timeout: 60_000 }, async () => {
  const url = `${h.servers.feedsOrigin}/feeds/museum.json`;
  const held = gate();
  const s = await visit(h, 'about:blank');
  try {
    await s.page.route(url, async (route) => {
      await held.opened;
      await route.abort('internetdisconnected');
    });
    await s.page.goto(h.servers.hostPage('attributes.html', { feed: url }));
    await s.page.locator('openings-board p.loading').waitFor(); // its request is on its way
    const other = await s.context.newPage();
    await other.goto(h.servers.hostPage('attributes.html', { feed: url }));
    await waitForTitles(other.locator('openings-board'), MUSEUM_TITLES);
    await eventually(async () => assert.deepEqual(Object.keys(await savedCopies(other)), [url]));
    held.open();
    const b = s.page.locator('openings-board');
    await waitForTitles(b, MUSEUM_TITLES);
    await b.locator('.notice-saved').waitFor();
    assert.equal(await b.locator('.notice-error').count(), 0);
    assert.deepEqual(Object.keys(await savedCopies(s.page)), [url], 'the copy was removed');
    await assertHostUnharmed(s);
  } finally {
    held.open();
    await s.close();
  }
});

/** A schema.org feed of openings with these titles. */
function feedOf(...names) {
  return JSON.stringify(names.map((title) => posting('https://portal.example.org', title)));
}

/**
 * A session whose feed FEEDS/changing/<name> answers `s.answer` ({ body } or
 * { down: true }), showing that feed's saved copy of Alpha and Beta Keeper
 * (saved on a first visit, shown on a reload with the network down): the
 * session, the feed's URL and the board.
 */
async function onSavedCopy(name) {
  const s = await visit(h, 'about:blank');
  const url = `${h.servers.feedsOrigin}/changing/${name}`;
  s.answer = { body: feedOf('Alpha Keeper', 'Beta Keeper') };
  await s.context.route(url, (route) => (s.answer.down
    ? route.abort('internetdisconnected')
    : route.fulfill({ status: 200, headers: { 'access-control-allow-origin': '*', 'content-type': 'application/ld+json' }, body: s.answer.body })));
  await s.page.goto(h.servers.hostPage('attributes.html', { feed: url }));
  const b = s.page.locator('openings-board');
  await waitForTitles(b, ['Alpha Keeper', 'Beta Keeper']);
  await eventually(async () => assert.deepEqual(Object.keys(await savedCopies(s.page)), [url]));
  s.answer = { down: true };
  await s.page.reload();
  await b.locator('.notice-saved').waitFor();
  await waitForTitles(b, ['Alpha Keeper', 'Beta Keeper']);
  return { s, url, b };
}

/** The text of the board's notices, white space folded. */
const noticesOf = async (b) => (await b.locator('.notices').textContent()).replace(/\s+/g, ' ').trim();

// Proves Retry replaces a saved copy with the fresh feed: an opening
// withdrawn since the copy was saved goes (it stayed, beside the fresh ones,
// with a notice that the feed "repeats" openings already listed: the
// copy's own).
test('Retry on a saved copy lists the fresh feed, without the openings withdrawn since', { timeout: 60_000 }, async () => {
  const { s, b } = await onSavedCopy('withdrawn.json');
  try {
    s.answer = { body: feedOf('Alpha Keeper', 'Gamma Keeper') };
    await b.locator('.notice-saved').getByRole('button', { name: 'Retry' }).click();
    await b.locator('.notice-saved').waitFor({ state: 'detached' });
    await waitForTitles(b, ['Alpha Keeper', 'Gamma Keeper']);
    await framesLater(s.page);
    assert.deepEqual((await titles(b)).sort(), ['Alpha Keeper', 'Gamma Keeper']);
    assert.equal(await noticesOf(b), '', 'the board has something to say after a good Retry');
    await assertHostUnharmed(s);
  } finally {
    await s.close();
  }
});

// Proves Retry with the feed still down shows the copy once (the board said
// the copy repeated itself), and that a copy gone meanwhile (too old by
// now, or removed) takes its openings with it: they stayed, unmarked, under
// the error, as if they were live.
test('Retry on a saved copy with the feed still down: the copy once, or nothing once it is gone', { timeout: 60_000 }, async () => {
  const { s, url, b } = await onSavedCopy('still-down.json');
  try {
    await b.locator('.notice-saved').getByRole('button', { name: 'Retry' }).click();
    await framesLater(s.page);
    await b.locator('.notice-saved').waitFor();
    await waitForTitles(b, ['Alpha Keeper', 'Beta Keeper']);
    assert.equal(await b.locator('.notice-info').count(), 0, `the copy repeats itself: ${await noticesOf(b)}`);

    await s.page.evaluate(([key, at]) => {
      const value = localStorage.getItem(key);
      localStorage.setItem(key, `${at}${value.slice(value.indexOf('\n'))}`);
    }, [KEY(url), Date.now() - 8 * 86_400_000]);
    await b.locator('.notice-saved').getByRole('button', { name: 'Retry' }).click();
    await b.locator('.notice-error').waitFor();
    await framesLater(s.page);
    assert.deepEqual(await titles(b), [], 'the copy\'s openings stayed, unmarked, under the error');
    assert.equal(await b.locator('.notice-saved').count(), 0);
    await assertHostUnharmed(s);
  } finally {
    await s.close();
  }
});

// Proves a board showing a saved copy tries the feed again by itself, as a
// board with nothing to show does, and lists the fresh feed when it comes
// (the reader stayed on the copy until they reloaded or pressed Retry).
test('a board on a saved copy tries the feed again by itself', { timeout: 60_000 }, async () => {
  const { s, b } = await onSavedCopy('back-soon.json');
  try {
    s.answer = { body: feedOf('Alpha Keeper', 'Gamma Keeper') };
    await waitForTitles(b, ['Alpha Keeper', 'Gamma Keeper'], 15_000);
    await b.locator('.notice-saved').waitFor({ state: 'detached' });
    assert.equal(await noticesOf(b), '');
    assert.ok(s.boardMessages().some((m) => /Showing the copy saved at .*\. Trying again in 5 s\./.test(m.text)),
      `the console does not say it tries again: ${JSON.stringify(s.boardMessages())}`);
    await assertHostUnharmed(s);
  } finally {
    await s.close();
  }
});

// Proves an answer that was slow to come does not replace a newer copy
// another tab saved meanwhile: the older body went back into storage,
// marked as fetched before the newer one.
test('a slow answer does not replace the newer copy another tab saved of the same feed', { timeout: 60_000 }, async () => {
  const url = `${h.servers.feedsOrigin}/changing/versions.json`;
  const held = gate();
  const s = await visit(h, 'about:blank');
  try {
    const headers = { 'access-control-allow-origin': '*', 'content-type': 'application/ld+json' };
    await s.page.route(url, async (route) => {
      const body = feedOf('Old Version Role');
      await held.opened;
      await route.fulfill({ status: 200, headers, body });
    });
    await s.page.goto(h.servers.hostPage('attributes.html', { feed: url }));
    await s.page.locator('openings-board p.loading').waitFor(); // its request is on its way
    const other = await s.context.newPage();
    await other.route(url, (route) => route.fulfill({ status: 200, headers, body: feedOf('New Version Role') }));
    await other.goto(h.servers.hostPage('attributes.html', { feed: url }));
    await waitForTitles(other.locator('openings-board'), ['New Version Role']);
    await eventually(async () => assert.match((await savedCopies(other))[url]?.body ?? '', /New Version Role/));
    held.open();
    await waitForTitles(s.page.locator('openings-board'), ['Old Version Role']);
    await framesLater(s.page);
    await framesLater(s.page);
    assert.match((await savedCopies(s.page))[url].body, /New Version Role/, 'the older answer replaced the newer copy');
    await assertHostUnharmed(s);
  } finally {
    held.open();
    await s.close();
  }
});

// Proves a feed's URL with a fragment (`#jobs`, never sent to the server)
// is saved as the same feed: a board naming it without the fragment shows
// that copy when the feed fails (it found none, and the same body could be
// stored twice).
test('a feed named with a #fragment saves the copy a board naming it without one shows', { timeout: 60_000 }, async () => {
  const url = `${h.servers.feedsOrigin}/feeds/museum.json`;
  const s = await visit(h, h.servers.hostPage('attributes.html', { feed: `${url}#jobs` }));
  const b = s.page.locator('openings-board');
  try {
    await waitForTitles(b, MUSEUM_TITLES);
    await eventually(async () => assert.deepEqual(Object.keys(await savedCopies(s.page)), [url]));
    await s.context.route(url, (route) => route.abort('internetdisconnected'));
    await s.page.goto(h.servers.hostPage('attributes.html', { feed: url }));
    await b.locator('.notice-saved').waitFor();
    await waitForTitles(b, MUSEUM_TITLES);
    await assertHostUnharmed(s);
  } finally {
    await s.close();
  }
});

// Proves an opening a reader has open stays open while the fresh feed
// that replaces its saved copy arrives in parts: the board tries again by
// itself, the feed's first part comes 4 s before the rest. The first part
// replaced the copy at once: the opening (in the rest) went, "no longer
// listed", and came back when the rest came, taking the focus.
test('an opening open on a saved copy stays open while the fresh feed arrives in parts', { timeout: 90_000 }, async () => {
  const url = `${h.servers.feedsOrigin}/large/150?pause=4000`;
  const s = await visit(h, 'about:blank');
  let down = false;
  await s.context.route((u) => u.href === url, (route) => (down ? route.abort('internetdisconnected') : route.continue()));
  const page = h.servers.hostPage('attributes.html', { feed: url });
  try {
    await s.page.goto(page);
    const b = s.page.locator('openings-board');
    await eventually(async () => assert.match((await b.locator('.result-count').textContent()).trim(), /^150 openings$/), { timeout: 20_000 });
    await eventually(async () => assert.deepEqual(Object.keys(await savedCopies(s.page)), [url]));
    down = true;
    await s.page.goto(`${page}&openings-main=open:large-140`);
    await b.locator('.notice-saved').waitFor();
    await b.locator('.detail-title', { hasText: 'Opening 140' }).waitFor();
    await b.locator('.detail a.apply').focus();
    await s.page.evaluate(() => {
      const root = document.querySelector('openings-board').shadowRoot;
      window.detailGone = 0;
      new MutationObserver(() => { if (!root.querySelector('.detail')) window.detailGone += 1; })
        .observe(root, { subtree: true, childList: true });
    });
    down = false;
    await b.locator('.notice-saved').waitFor({ state: 'detached', timeout: 20_000 }); // the board's own retry, 5 s on
    await eventually(async () => assert.equal(await s.page.evaluate(() => window.detailGone), 0));
    await framesLater(s.page);
    assert.equal(await s.page.evaluate(() => window.detailGone), 0, 'the open opening went while the fresh feed arrived');
    assert.equal((await b.locator('.detail-title').textContent()).trim(), 'Opening 140');
    assert.match(await b.evaluate((el) => el.shadowRoot.activeElement?.className ?? ''), /apply/, 'the focus left the Apply link');
    await assertHostUnharmed(s);
  } finally {
    await s.close();
  }
});
