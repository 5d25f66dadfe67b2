//! Many institutions in one board (issue 3): twenty feeds, some failing and
//! one slow, fetched at once; openings show once the feeds are in or a
//! second after the first one landed (in their final order, not re-sorted
//! on screen as each arrives), a slow one holds the others back no longer
//! than that, the same opening listed by two feeds appears once, and each
//! failing feed gets its own notice.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useHarness, visit, board, eventually, assertHostUnharmed, framesLater, titles } from './harness.mjs';

const h = useHarness();
const GOOD = 15;

/** A schema.org feed of one member institution with two openings. */
function memberFeed(n) {
  const org = `Member Library ${n}`;
  const posting = (k) => ({
    '@type': 'JobPosting',
    identifier: `m${n}-${k}`,
    title: `Archivist ${n}.${k}`,
    hiringOrganization: { '@type': 'Organization', name: org },
    datePosted: new Date().toISOString().slice(0, 10),
    url: `https://jobs.member${n}.example/${k}`,
  });
  return { '@context': 'https://schema.org', '@type': 'ItemList', itemListElement: [posting(1), posting(2)] };
}

// Proves 20 feeds merge into one board: 15 good ones (30 openings), one
// slow one that arrives later and re-lists an opening already shown (it
// appears once), and four that fail, each reported on its own.
test('a board of twenty feeds shows what arrives, merges duplicates and reports each failure', async () => {
  const feeds = h.servers.feedsOrigin;
  const urls = [];
  for (let n = 1; n <= GOOD; n += 1) urls.push(`${feeds}/many/member-${n}.json`);
  urls.push(`${feeds}/many/slow.json`);
  urls.push(`${feeds}/fault/404`, `${feeds}/fault/500`, `${feeds}/fault/html`, `${feeds}/fault/not-a-feed`);
  assert.equal(urls.length, 20);

  const s = await visit(h, h.servers.hostPage('no-board.html'));
  let releaseSlow;
  const slowGate = new Promise((resolve) => { releaseSlow = resolve; });
  await s.page.route(`${feeds}/many/*`, async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    const headers = { 'access-control-allow-origin': '*', 'content-type': 'application/ld+json' };
    if (name === 'slow.json') {
      await slowGate;
      // The slow member re-lists member 1's first opening, and adds one of its own.
      const feed = memberFeed(1);
      feed.itemListElement[1] = { ...feed.itemListElement[1], identifier: 'slow-1', title: 'Conservator (slow feed)', url: 'https://jobs.slow.example/1' };
      return route.fulfill({ status: 200, headers, body: JSON.stringify(feed) });
    }
    const n = Number(name.match(/member-(\d+)/)[1]);
    return route.fulfill({ status: 200, headers, body: JSON.stringify(memberFeed(n)) });
  });
  await s.page.evaluate((feedList) => {
    const el = document.createElement('openings-board');
    el.id = 'main';
    el.setAttribute('feed', feedList.join('\n'));
    el.setAttribute('page-size', '50');
    document.body.append(el);
  }, urls);
  const b = board(s.page);

  // Everything but the slow feed is in, while the slow one is still held back.
  await eventually(async () => {
    assert.equal((await b.locator('.result-count').textContent()).trim(), `${GOOD * 2} openings`);
  }, { timeout: 20_000 });
  assert.equal(await b.locator('.listing', { hasText: 'Conservator (slow feed)' }).count(), 0);
  await eventually(async () => {
    assert.equal(await b.locator('.notice-error').count(), 4, 'each failing feed has its own notice');
  }, { timeout: 20_000 });

  releaseSlow();
  await eventually(async () => {
    assert.equal((await b.locator('.result-count').textContent()).trim(), `${GOOD * 2 + 1} openings`,
      'the slow feed added only its new opening');
  }, { timeout: 20_000 });
  assert.equal(await b.locator('.listing', { hasText: 'Archivist 1.1' }).count(), 1, 'a duplicate shows once');
  // Every member institution is a value of the organization facet.
  assert.ok((await b.locator('fieldset.facet legend', { hasText: 'Organization' }).count()) === 1);
  await assertHostUnharmed(s);
});

/** A member's feed of `count` openings, each posted `daysAgo + k` days ago. */
function datedFeed(n, count, daysAgo) {
  const day = (k) => new Date(Date.now() - (daysAgo + k) * 86_400_000).toISOString().slice(0, 10);
  const itemListElement = Array.from({ length: count }, (_, k) => ({
    '@type': 'JobPosting',
    identifier: `d${n}-${k}`,
    title: `Curator ${n}.${k}${k % 2 ? ' of Prints, Drawings and Photographs in the Study Room' : ''}`,
    hiringOrganization: { '@type': 'Organization', name: `Member Museum ${n}` },
    datePosted: day(k * 3),
    url: `https://jobs.museum${n}.example/${k}`,
  }));
  return { '@context': 'https://schema.org', '@type': 'ItemList', itemListElement };
}

/**
 * Serves `feeds` (name → [feed, delay in ms, or a promise to wait for]) from
 * the feeds' origin and adds a board of them to the page; notes the titles
 * on screen at every frame from then (`window.framesSeen`).
 */
async function boardOfMembers(s, feeds, pageSize = 20) {
  const origin = h.servers.feedsOrigin;
  await s.page.route(`${origin}/members/*`, async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    const [feed, wait] = feeds[name];
    await (typeof wait === 'number' ? new Promise((ok) => setTimeout(ok, wait)) : wait);
    const headers = { 'access-control-allow-origin': '*', 'content-type': 'application/ld+json' };
    return route.fulfill({ status: 200, headers, body: JSON.stringify(feed) });
  });
  await s.page.evaluate(({ urls, pageSize }) => {
    window.framesSeen = [];
    const el = document.createElement('openings-board');
    el.id = 'main';
    el.setAttribute('feed', urls.join(' '));
    el.setAttribute('page-size', String(pageSize));
    document.body.append(el);
    const tick = () => {
      const rows = [...(el.shadowRoot?.querySelectorAll('.listing .listing-title') ?? [])].map((t) => t.textContent.trim());
      const last = window.framesSeen[window.framesSeen.length - 1];
      if (rows.length && (!last || last.join('|') !== rows.join('|'))) window.framesSeen.push(rows);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, { urls: Object.keys(feeds).map((name) => `${origin}/members/${name}`), pageSize });
  return board(s.page);
}

// Proves a board of several feeds lists its openings once, in their final
// order, when the members' feeds arrive within a second of the first: each
// later feed has newer openings, which sorted in front of those shown and
// moved the whole list under the reader (and the host page: a layout shift
// of 0.2 to 0.3 on a page of 20 or 100 member feeds).
test('a board of several feeds lists its openings once they are in, never re-sorting them on screen', async () => {
  const s = await visit(h, h.servers.hostPage('no-board.html'));
  const b = await boardOfMembers(s, {
    'old.json': [datedFeed(1, 5, 20), 0],
    'newer.json': [datedFeed(2, 5, 10), 250],
    'newest.json': [datedFeed(3, 5, 0), 500],
  });
  await eventually(async () => {
    assert.equal((await b.locator('.result-count').textContent()).trim(), '15 openings');
  }, { timeout: 20_000 });
  await framesLater(s.page);
  const seen = await s.page.evaluate(() => window.framesSeen);
  assert.equal(seen[0][0], 'Curator 3.0', `the newest opening first, from the first frame: ${JSON.stringify(seen)}`);
  // The first frame may hold the first screen only; after it, what was
  // shown only grows, each row keeping its title.
  for (let i = 1; i < seen.length; i += 1) {
    assert.deepEqual(seen[i].slice(0, seen[i - 1].length), seen[i - 1], `re-sorted on screen: ${JSON.stringify(seen)}`);
  }
  assert.equal(seen[seen.length - 1].length, 15);
  await assertHostUnharmed(s);
});

// Proves the wait is bounded: a member's feed that stalls keeps the others'
// openings off the board for a second at most, then they are listed, the
// count saying more are on their way; the stalled feed's are added when
// it comes.
test('a stalled member feed holds the others back for a second at most', async () => {
  const s = await visit(h, h.servers.hostPage('no-board.html'));
  let release;
  const stalled = new Promise((ok) => { release = ok; });
  const b = await boardOfMembers(s, {
    'quick.json': [datedFeed(1, 3, 5), 0],
    'stalled.json': [datedFeed(2, 2, 0), stalled],
  });
  await eventually(async () => {
    assert.equal(await b.locator('.listing').count(), 3);
    assert.match((await b.locator('.result-count').textContent()).trim(), /^3 openings\s*Loading more/);
  }, { timeout: 10_000 });
  release();
  await eventually(async () => {
    assert.equal((await b.locator('.result-count').textContent()).trim(), '5 openings');
  }, { timeout: 10_000 });
  assert.deepEqual((await titles(b)).slice(0, 2), ['Curator 2.0', 'Curator 2.1 of Prints, Drawings and Photographs in the Study Room']);
  await assertHostUnharmed(s);
});
