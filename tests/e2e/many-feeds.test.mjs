//! Many institutions in one board (issue 3): twenty feeds, some failing and
//! one slow, fetched at once; openings show as soon as the first feeds land,
//! the slow one never holds the others back, the same opening listed by two
//! feeds appears once, and each failing feed gets its own notice.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useHarness, visit, board, eventually, assertHostUnharmed } from './harness.mjs';

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
