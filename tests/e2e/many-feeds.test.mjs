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
    employmentType: k % 2 ? 'PART_TIME' : 'FULL_TIME',
    datePosted: day(k * 3),
    url: `https://jobs.museum${n}.example/${k}`,
  }));
  return { '@context': 'https://schema.org', '@type': 'ItemList', itemListElement };
}

/**
 * Serves `feeds` (name → [feed, delay in ms, or a promise to wait for]) from
 * the feeds' origin and adds a board of them (or of those named `first`) to
 * the page; notes the titles on screen at every frame from then
 * (`window.framesSeen`), and the frames with facets but no list
 * (`window.facetsWithoutList`).
 */
async function boardOfMembers(s, feeds, { pageSize = 20, first = Object.keys(feeds) } = {}) {
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
    window.facetsWithoutList = 0;
    const el = document.createElement('openings-board');
    el.id = 'main';
    el.setAttribute('feed', urls.join(' '));
    el.setAttribute('page-size', String(pageSize));
    document.body.append(el);
    const tick = () => {
      const rows = [...(el.shadowRoot?.querySelectorAll('.listing .listing-title') ?? [])].map((t) => t.textContent.trim());
      const last = window.framesSeen[window.framesSeen.length - 1];
      if (rows.length && (!last || last.join('|') !== rows.join('|'))) window.framesSeen.push(rows);
      if (!rows.length && el.shadowRoot?.querySelector('fieldset.facet')) window.facetsWithoutList += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, { urls: first.map((name) => memberUrl(name)), pageSize });
  return board(s.page);
}

const memberUrl = (name) => `${h.servers.feedsOrigin}/members/${name}`;

/**
 * The board's parameter in the address once it names an opening (other
 * than `not`): the address follows the board a moment after the opening
 * shows, and a slow machine read it first.
 */
async function openedLink(s, not = null) {
  let link = null;
  await eventually(async () => {
    link = new URL(s.page.url()).searchParams.get('openings-main');
    assert.ok(link && link.startsWith('open:') && link !== not, `the address does not name the opening: ${link}`);
  });
  return link;
}

/** The text of what has the keyboard focus in board `b` (null: nothing in it). */
const focusedIn = (b) => b.evaluate((el) => el.shadowRoot.activeElement?.textContent.trim() ?? null);

/**
 * In a board of `members` (the first with Curator 1.0), opens Curator 1.0
 * and closes it by keyboard, and waits for the focus to be back on its
 * title: the session and the board.
 */
async function closedByKeyboard(members) {
  const s = await visit(h, h.servers.hostPage('no-board.html'));
  const b = await boardOfMembers(s, members);
  await b.locator('.listing-title a', { hasText: 'Curator 1.0' }).press('Enter', { timeout: 15_000 });
  await b.locator('.detail-back').press('Enter');
  await eventually(async () => assert.equal(await focusedIn(b), 'Curator 1.0'));
  return { s, b };
}

/** A session on a phone's screen (390 × 844) with a board of `members`: the session and the board. */
async function onPhone(members, options) {
  const s = await visit(h, h.servers.hostPage('no-board.html'));
  await s.page.setViewportSize({ width: 390, height: 844 });
  return { s, b: await boardOfMembers(s, members, options) };
}

/** Asserts that the rows once shown only grew, each keeping its title. */
function assertNeverResorted(seen) {
  // The first frame may hold the first screen only; after it, what was
  // shown only grows, each row keeping its title.
  for (let i = 1; i < seen.length; i += 1) {
    assert.deepEqual(seen[i].slice(0, seen[i - 1].length), seen[i - 1], `re-sorted on screen: ${JSON.stringify(seen)}`);
  }
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
  assertNeverResorted(seen);
  assert.equal(seen[seen.length - 1].length, 15);
  // Nor the filters: held with the list, not drawn beside "Loading" with
  // the first feed's values, to change when the list comes.
  assert.equal(await s.page.evaluate(() => window.facetsWithoutList), 0, 'facets were drawn while the list was held');
  await assertHostUnharmed(s);
});

// Proves a board its host points to other feeds waits for them as for the
// first: the new members' openings are listed once, in their final order.
test('a board pointed to other feeds lists them once they are in, never re-sorting them on screen', async () => {
  const s = await visit(h, h.servers.hostPage('no-board.html'));
  const b = await boardOfMembers(s, {
    'a.json': [datedFeed(1, 3, 20), 0],
    'b.json': [datedFeed(2, 3, 10), 0],
    'later-old.json': [datedFeed(4, 5, 20), 0],
    'later-newer.json': [datedFeed(5, 5, 10), 250],
    'later-newest.json': [datedFeed(6, 5, 0), 500],
  }, { first: ['a.json', 'b.json'] });
  await eventually(async () => assert.equal((await b.locator('.result-count').textContent()).trim(), '6 openings'), { timeout: 20_000 });
  await framesLater(s.page);
  await s.page.evaluate((urls) => {
    window.framesSeen = [];
    document.querySelector('openings-board#main').setAttribute('feed', urls.join(' '));
  }, ['later-old.json', 'later-newer.json', 'later-newest.json'].map(memberUrl));
  await eventually(async () => assert.equal((await b.locator('.result-count').textContent()).trim(), '15 openings'), { timeout: 20_000 });
  await framesLater(s.page);
  const seen = (await s.page.evaluate(() => window.framesSeen)).filter((rows) => !rows.some((t) => /^Curator [12]\./.test(t)));
  assert.equal(seen[0][0], 'Curator 6.0', `the newest opening first, from the first frame: ${JSON.stringify(seen)}`);
  assertNeverResorted(seen);
  await assertHostUnharmed(s);
});

// Proves the list, coming after a reader closed a shared opening while the
// feeds settled, does not take the keyboard focus back from the search box
// they went on to: what they type goes into it.
test('the list coming late leaves the focus where the reader put it', { timeout: 30_000 }, async () => {
  const s = await visit(h, h.servers.hostPage('no-board.html', { 'openings-main': 'open:d1-0' }));
  // The slow member comes once the reader is in the search box (2 s could
  // be over before a slow machine had them there: nothing came late).
  const slow = gate();
  const b = await boardOfMembers(s, {
    'first.json': [datedFeed(1, 3, 5), 0],
    'slow.json': [datedFeed(2, 3, 0), slow.opened],
  });
  await b.locator('.detail-back').click({ timeout: 15_000 });
  await b.getByRole('searchbox').click();
  slow.open();
  await eventually(async () => assert.equal((await b.locator('.result-count').textContent()).trim(), '6 openings'), { timeout: 20_000 });
  await framesLater(s.page);
  await s.page.keyboard.type('curator 2');
  assert.equal(await b.getByRole('searchbox').inputValue(), 'curator 2', 'the focus left the search box');
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

// Proves the keyboard focus the board gave back to the opening a reader
// closed goes with that opening when a member's feed slower than the wait
// sorts newer openings in front of it: it stayed on the row, which then
// showed another opening (Enter opened that one).
test('the focus given back to a closed opening follows it when later openings come', { timeout: 30_000 }, async () => {
  // The slower member comes once the focus is back on the closed opening's
  // title (3 s could be over before a slow machine had it there).
  const slow = gate();
  const { s, b } = await closedByKeyboard({
    'first.json': [datedFeed(1, 3, 5), 0],
    'slow.json': [datedFeed(2, 3, 0), slow.opened],
  });
  slow.open();
  await eventually(async () => assert.equal(await b.locator('.listing').count(), 6), { timeout: 10_000 });
  await framesLater(s.page);
  assert.notEqual((await titles(b))[0], 'Curator 1.0', 'the slower member\'s openings came first');
  assert.equal(await focusedIn(b), 'Curator 1.0', 'the focus stayed on a row now showing another opening');
  await assertHostUnharmed(s);
});

// Proves the list coming late after a Back leaves alone a focus the reader
// put in the host page meanwhile (it took it back, and scrolled to it).
test('the list coming late leaves a focus in the host page alone', { timeout: 30_000 }, async () => {
  const s = await visit(h, h.servers.hostPage('no-board.html', { 'openings-main': 'open:d1-0' }));
  // The slow member comes once the reader is in the host page's field.
  const slow = gate();
  const b = await boardOfMembers(s, {
    'first.json': [datedFeed(1, 3, 5), 0],
    'slow.json': [datedFeed(2, 3, 30), slow.opened],
  });
  await s.page.evaluate(() => {
    const field = document.createElement('input');
    field.id = 'host-search';
    field.setAttribute('style', 'display: inline-block !important'); // the host's theme hides inputs
    document.querySelector('h1').after(field);
  });
  await b.locator('.detail-back').click({ timeout: 15_000 });
  await s.page.locator('#host-search').click();
  slow.open();
  await eventually(async () => assert.equal((await b.locator('.result-count').textContent()).trim(), '6 openings'), { timeout: 20_000 });
  await framesLater(s.page);
  await s.page.keyboard.type('museum');
  assert.equal(await s.page.locator('#host-search').inputValue(), 'museum', 'the board took the host page\'s focus');
  await assertHostUnharmed(s);
});

// Proves a phone reader who opens the Filters panel while the feeds settle
// is told they are loading, not shown the first feed's values, which
// changed (a whole facet came above them) when the list came.
test('on a phone, the Filters panel opened while the feeds settle says they are loading', { timeout: 30_000 }, async () => {
  // The panel is open when the first feed comes, and what it shows is
  // looked at in every frame while the board holds the list (a second at
  // most once the first is in: less than a slow machine took to open the
  // panel, or to look); the slow feed comes once the list has.
  const first = gate();
  const slow = gate();
  const { s, b } = await onPhone({
    'first.json': [datedFeed(1, 3, 5), first.opened],
    'slow.json': [datedFeed(2, 3, 0), slow.opened],
  });
  await b.locator('.filters-toggle').click({ timeout: 15_000 });
  await s.page.evaluate(() => {
    const root = document.querySelector('openings-board#main').shadowRoot;
    window.panelSaidLoading = 0;
    const look = () => {
      const panel = root.querySelector('.filters-panel');
      if (panel && !root.querySelector('.listing') && /Loading openings/.test(panel.innerText)) window.panelSaidLoading += 1;
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  first.open();
  await eventually(async () => assert.ok(await b.locator('.listing').count() > 0), { timeout: 10_000 });
  assert.ok(await s.page.evaluate(() => window.panelSaidLoading) > 0, 'the open panel never said the openings are loading');
  // (Counted from the board's start, frame by frame: facets, and no list.)
  assert.equal(await s.page.evaluate(() => window.facetsWithoutList), 0, 'the first feed\'s values were shown');
  slow.open();
  await eventually(async () => assert.equal(await b.locator('.filters-panel fieldset.facet').count(), 2), { timeout: 10_000 });
  assert.doesNotMatch(await b.locator('.filters-panel').innerText(), /Loading openings/);
  await assertHostUnharmed(s);
});

// Proves a keyboard focus on a phone's Filters control, or in the panel it
// opened while the board loaded, stays there when the first openings come,
// and the panel stays open with their values: the board draws its layout
// anew for its first openings (so that a slow phone paints the list and
// its filters in one frame), which would drop a focus in it, and close a
// panel whose state was the old layout's.
test('on a phone, a focus on the Filters control or in its panel stays there when the first openings come', { timeout: 40_000 }, async () => {
  for (const where of ['filters-toggle', 'filters-panel']) {
    const feed = gate();
    const { s, b } = await onPhone({ 'one.json': [datedFeed(1, 4, 5), feed.opened] });
    const control = b.locator('.filters-toggle');
    await control.focus({ timeout: 15_000 });
    if (where === 'filters-panel') {
      await s.page.keyboard.press('Enter');
      await eventually(async () => assert.equal((await focusedControl(b))?.is, 'filters-panel'));
    }
    assert.equal(await b.locator('.listing').count(), 0, 'the feed came before the focus was put');
    feed.open();
    await eventually(async () => assert.ok(await b.locator('.listing').count() > 0), { timeout: 10_000 });
    await framesLater(s.page);
    assert.equal((await focusedControl(b))?.is, where, `the focus was on the ${where}`);
    if (where === 'filters-panel') {
      assert.equal(await b.locator('.filters-open').count(), 1, 'the panel closed');
      assert.ok(await b.locator('.filters-panel fieldset.facet').count() > 0, 'no values to pick in the panel');
    }
    await assertHostUnharmed(s);
  }
});

// Proves a shared link's opening in a member's feed slower than the wait
// does not open over the list a reader has started searching meanwhile
// (it did, and the rest of their typing was lost).
test('a shared opening still on its way does not open over a search the reader began', { timeout: 30_000 }, async () => {
  const s = await visit(h, h.servers.hostPage('no-board.html', { 'openings-main': 'open:d2-0' }));
  // The slower member (with the shared opening) comes once the reader has
  // begun their search: at 3 s it came with the first on a slow machine,
  // the list held for both, and the opening opened before the reader was
  // there to search.
  const slow = gate();
  const b = await boardOfMembers(s, {
    'first.json': [datedFeed(1, 3, 5), 0],
    'slow.json': [datedFeed(2, 3, 0), slow.opened],
  });
  await eventually(async () => assert.equal(await b.locator('.listing').count(), 3), { timeout: 15_000 });
  await b.getByRole('searchbox').fill('curator');
  slow.open();
  await eventually(async () => assert.match((await b.locator('.result-count').textContent()).trim(), /^6 openings/), { timeout: 15_000 });
  await framesLater(s.page);
  assert.equal(await b.locator('.detail').count(), 0, 'the shared opening opened over the search');
  assert.equal(await b.getByRole('searchbox').inputValue(), 'curator');
  await assertHostUnharmed(s);
});

// Proves the board gives the focus back to a closed opening once: a reader
// who went on to the next opening keeps their focus on that one when later
// feeds move both (the board took it back to the closed opening, and Enter
// opened that one; then it was left on the row, another opening's).
test('the focus given back to a closed opening is not taken back once the reader went on', { timeout: 40_000 }, async () => {
  // The later members come once the reader has gone on, one after the
  // other (at 3 s and 6 s the newer one came before a slow machine had the
  // reader there, and sorted its openings in front of the next title).
  const newer = gate();
  const between = gate();
  const { s, b } = await closedByKeyboard({
    'first.json': [datedFeed(1, 3, 5), 0],
    'newer.json': [datedFeed(2, 3, 0), newer.opened],
    'between.json': [datedFeed(3, 1, 4), between.opened],
  });
  const focused = () => focusedIn(b);
  await s.page.keyboard.press('Tab'); // its Apply
  await s.page.keyboard.press('Tab'); // the next opening's title
  const mine = await focused();
  assert.match(mine, /^Curator 1\.1/);
  newer.open();
  await eventually(async () => assert.equal(await b.locator('.listing').count(), 6), { timeout: 10_000 });
  await framesLater(s.page);
  assert.notEqual((await titles(b))[1], mine, 'the newer feed did not move the openings');
  assert.equal(await focused(), mine, 'the focus did not stay with the reader\'s opening');
  between.open();
  await eventually(async () => assert.equal(await b.locator('.listing').count(), 7), { timeout: 10_000 });
  await framesLater(s.page);
  assert.equal(await focused(), mine, 'the focus did not stay with the reader\'s opening');
  await assertHostUnharmed(s);
});

// Proves the focus given back to a closed opening still follows it after
// the reader switched to another tab and back (the window's blur, which
// leaves the focus where it is, ended the following: the focus stayed on
// the row, which a later feed gave to another opening).
test('the focus given back follows the closed opening across a switch of tabs', { timeout: 40_000 }, async () => {
  // The newer member comes once the reader has switched tabs and back.
  const newer = gate();
  const { s, b } = await closedByKeyboard({
    'first.json': [datedFeed(1, 3, 5), 0],
    'newer.json': [datedFeed(2, 3, 0), newer.opened],
  });
  const focused = () => focusedIn(b);
  // What the browser does when its window is left: a blur, the focus staying.
  await b.evaluate((el) => el.shadowRoot.activeElement.dispatchEvent(new FocusEvent('blur')));
  newer.open();
  await eventually(async () => assert.equal(await b.locator('.listing').count(), 6), { timeout: 10_000 });
  await framesLater(s.page);
  assert.equal(await focused(), 'Curator 1.0', 'the focus sits on another opening');
  await assertHostUnharmed(s);
});

// Proves a reader who clicked into the host page after the focus was given
// back, and scrolled on, is left there when a later feed moves the closed
// opening (the board took the focus and scrolled the page back to it).
test('a reader gone on into the host page is not brought back by a later feed', { timeout: 40_000 }, async () => {
  // The newer member comes once the reader is in the host page, scrolled on.
  const newer = gate();
  const { s, b } = await closedByKeyboard({
    'first.json': [datedFeed(1, 3, 5), 0],
    'newer.json': [datedFeed(2, 3, 0), newer.opened],
  });
  await s.page.evaluate(() => {
    const tall = document.createElement('div');
    tall.style.height = '3000px';
    document.body.append(tall);
  });
  await s.page.locator('#host-listing').click();
  await s.page.evaluate(() => window.scrollTo(0, 2500));
  const scrolled = await s.page.evaluate(() => window.scrollY);
  newer.open();
  await eventually(async () => assert.equal(await b.locator('.listing').count(), 6), { timeout: 10_000 });
  await framesLater(s.page);
  assert.equal(await s.page.evaluate(() => document.activeElement === document.body), true, 'the board took the focus');
  // (The page may scroll down as the list above grows: the browser keeps
  // what the reader reads in place.)
  assert.ok(await s.page.evaluate(() => window.scrollY) >= scrolled, 'the page was scrolled back to the board');
  await assertHostUnharmed(s);
});

// Proves a phone reader on a filter value in the open Filters panel keeps
// the keyboard focus in the filters when their host points the board to
// other feeds (the value goes with the old feeds' facets): it fell to the
// board, out of the panel they were in.
test('on a phone, a focus on a filter value stays in the filters when the board is pointed to other feeds', { timeout: 30_000 }, async () => {
  // The other feeds come once the old values have gone and the focus has
  // been looked at (2 s could be over before a slow machine got there: the
  // new values were there instead).
  const later = gate();
  const { s, b } = await onPhone({
    'first.json': [datedFeed(1, 3, 5), 0],
    'second.json': [datedFeed(2, 3, 0), 0],
    'later.json': [datedFeed(3, 3, 5), later.opened],
    'later-too.json': [datedFeed(4, 3, 0), later.opened],
  }, { first: ['first.json', 'second.json'] });
  await b.locator('.filters-toggle').press('Enter', { timeout: 15_000 });
  const value = b.locator('.filters-panel input[type=checkbox]').first();
  await value.waitFor({ timeout: 10_000 });
  await value.focus();
  await s.page.evaluate((urls) => document.querySelector('openings-board#main').setAttribute('feed', urls.join(' ')),
    ['later.json', 'later-too.json'].map(memberUrl));
  await eventually(async () => assert.equal(await b.locator('.filters-panel input[type=checkbox]').count(), 0));
  await framesLater(s.page);
  assert.ok(await b.evaluate((el) => !!el.shadowRoot.activeElement?.closest('.filters')),
    `the focus left the filters for ${await b.evaluate((el) => el.shadowRoot.activeElement?.className ?? 'nothing')}`);
  later.open();
  await assertHostUnharmed(s);
});

/** A promise and the function that settles it. */
function gate() {
  let open;
  const opened = new Promise((ok) => { open = ok; });
  return { opened, open };
}

/** What has the focus in board `b`: its row's opening (`data-id`) and its class, or the board's own. */
const focusedControl = (b) => b.evaluate((el) => {
  const active = el.shadowRoot.activeElement;
  return active && { id: active.closest('.listing')?.dataset.id ?? null, is: active.className, text: active.textContent.trim().slice(0, 40) };
});

// Proves a reader's focus on an opening stays on that opening when a
// member's feed coming late sorts newer openings in front of it: rows
// are patched in place, so the focused title (or Apply link) came to show
// another opening, and Enter opened — or applied to — that one.
test('the focus on an opening follows it when a late member feed sorts others in front', { timeout: 40_000 }, async () => {
  const late = [gate(), gate()];
  const s = await visit(h, h.servers.hostPage('no-board.html'));
  const b = await boardOfMembers(s, {
    'old.json': [datedFeed(1, 5, 20), 0],
    'older.json': [datedFeed(3, 5, 60), 0],
    'late.json': [datedFeed(2, 5, 0), late[0].opened],
    'later.json': [datedFeed(4, 5, 10), late[1].opened],
  });
  try {
    await b.locator('.listing-title a', { hasText: 'Curator 1.2' }).focus({ timeout: 15_000 });
    late[0].open();
    await eventually(async () => assert.match((await b.locator('.result-count').textContent()).trim(), /^15 openings/));
    await framesLater(s.page);
    assert.equal((await titles(b))[0], 'Curator 2.0', 'the late feed\'s openings did not come first');
    assert.deepEqual(await focusedControl(b), { id: 'd1-2', is: '', text: 'Curator 1.2' }, 'the focus is not on the title it was on');

    await b.locator('.listing', { hasText: 'Curator 1.3' }).locator('a.apply').focus();
    late[1].open();
    await eventually(async () => assert.equal((await b.locator('.result-count').textContent()).trim(), '20 openings'));
    await framesLater(s.page);
    assert.deepEqual(await focusedControl(b), { id: 'd1-3', is: 'apply', text: 'Apply' }, 'the focus is not on the Apply link it was on');
    await s.page.keyboard.press('Shift+Tab');
    assert.equal(await focusedIn(b), 'Curator 1.3 of Prints, Drawings and Photographs in the Study Room', 'the next key did not go on from there');
    await assertHostUnharmed(s);
  } finally {
    late.forEach((g) => g.open());
  }
});

// Proves a reader's focus on an opening that a late member feed pushes to
// the next page is not left on the row, now another opening's: the board
// takes it.
test('the focus on an opening pushed to the next page by a late feed goes to the board', { timeout: 40_000 }, async () => {
  const late = gate();
  const s = await visit(h, h.servers.hostPage('no-board.html'));
  const b = await boardOfMembers(s, {
    'old.json': [datedFeed(1, 5, 20), 0],
    'older.json': [datedFeed(3, 5, 60), 0],
    'late.json': [datedFeed(2, 5, 0), late.opened],
  }, { pageSize: 5 });
  try {
    await b.locator('.listing-title a', { hasText: 'Curator 1.2' }).focus({ timeout: 15_000 });
    late.open();
    await eventually(async () => assert.equal((await b.locator('.result-count').textContent()).trim(), '15 openings'));
    await framesLater(s.page);
    assert.equal(await b.locator('.listing', { hasText: 'Curator 1.2' }).count(), 0, 'Curator 1.2 is still on the first page');
    const focused = await focusedControl(b);
    assert.equal(focused?.id ?? null, null, `the focus is on another opening: ${JSON.stringify(focused)}`);
    assert.match(focused?.is ?? '', /openings-board/, 'the board did not take the focus');
    await assertHostUnharmed(s);
  } finally {
    late.open();
  }
});

/** A member's feed of these [id, title, days ago] postings, all of `org`. */
function numberedFeed(org, postings) {
  const itemListElement = postings.map(([id, title, daysAgo]) => ({
    '@type': 'JobPosting',
    identifier: id,
    title,
    hiringOrganization: { '@type': 'Organization', name: org },
    datePosted: new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10),
    url: `https://jobs.example/${encodeURIComponent(org)}/${id}`,
  }));
  return { '@context': 'https://schema.org', '@type': 'ItemList', itemListElement };
}

/**
 * Two members' feeds, the second held until `late` opens: one museum's
 * openings alone have nothing to filter by (one organization, no type or
 * place), and the late one brings a second organization.
 */
const filtersComeLate = (late) => ({
  'a.json': [numberedFeed('Museum A', [['1', 'Alpha One', 20], ['2', 'Alpha Two', 22], ['3', 'Alpha Three', 24]]), 0],
  'late.json': [numberedFeed('Museum C', [['1', 'Gamma One', 0]]), late.opened],
});

// Proves a reader's focus on an opening stays on it when a member's feed
// coming late brings the board its first values to filter by: the
// filters' column (on a phone, their control) appears, the layout with the
// list is drawn anew (so that nothing drawn is pushed aside), and the
// focus went to the board.
for (const [screen, viewport, filters] of [
  ['wide', null, 'fieldset.facet'],
  ['on a phone', { width: 390, height: 844 }, '.filters-toggle'],
]) test(`the focus on an opening stays on it when a late member feed brings the first filters (${screen})`, { timeout: 40_000 }, async () => {
  const late = gate();
  const s = await visit(h, h.servers.hostPage('no-board.html'));
  if (viewport) await s.page.setViewportSize(viewport);
  const b = await boardOfMembers(s, filtersComeLate(late));
  try {
    await b.locator('.listing', { hasText: 'Alpha Three' }).locator('a.apply').focus({ timeout: 15_000 });
    assert.equal(await b.locator('.filters').count(), 0, 'one museum\'s openings had something to filter by');
    late.open();
    await eventually(async () => assert.equal(await b.locator('.listing').count(), 4));
    await b.locator(filters).first().waitFor();
    await framesLater(s.page);
    assert.deepEqual(await titles(b), ['Gamma One', 'Alpha One', 'Alpha Two', 'Alpha Three']);
    assert.deepEqual(await focusedControl(b), { id: '3', is: 'apply', text: 'Apply' }, 'the focus left the Apply link it was on');
    await s.page.keyboard.press('Shift+Tab');
    assert.equal(await focusedIn(b), 'Alpha Three', 'the next key did not go on from there');
    await assertHostUnharmed(s);
  } finally {
    late.open();
  }
});

// Proves the same for a focus on a page button: Space on Next went to the
// board, not to the next page.
test('the focus on a page button stays on it when a late member feed brings the first filters', { timeout: 40_000 }, async () => {
  const late = gate();
  const s = await visit(h, h.servers.hostPage('no-board.html'));
  const b = await boardOfMembers(s, filtersComeLate(late), { pageSize: 2 });
  try {
    await b.locator('.page-next').focus({ timeout: 15_000 });
    late.open();
    await eventually(async () => assert.match((await b.locator('.result-count').textContent()).trim(), /^4 openings/));
    await b.locator('fieldset.facet').first().waitFor();
    await framesLater(s.page);
    assert.equal((await focusedControl(b))?.is, 'page-next', 'the focus left the Next button');
    await s.page.keyboard.press('Space');
    await eventually(async () => assert.deepEqual(await titles(b), ['Alpha Two', 'Alpha Three']));
    await assertHostUnharmed(s);
  } finally {
    late.open();
  }
});

// Proves a focus outside the list is left where it is when the late feed
// brings the first filters: the reader in the search box types on.
test('a focus in the search box stays there when a late member feed brings the first filters', { timeout: 40_000 }, async () => {
  const late = gate();
  const s = await visit(h, h.servers.hostPage('no-board.html'));
  const b = await boardOfMembers(s, filtersComeLate(late));
  try {
    await b.locator('.listing').first().waitFor({ timeout: 15_000 });
    await b.getByRole('searchbox').focus();
    late.open();
    await b.locator('fieldset.facet').first().waitFor();
    await framesLater(s.page);
    await s.page.keyboard.type('gamma');
    assert.equal(await b.getByRole('searchbox').inputValue(), 'gamma', 'the focus left the search box');
    await eventually(async () => assert.deepEqual(await titles(b), ['Gamma One']));
    await assertHostUnharmed(s);
  } finally {
    late.open();
  }
});

// Proves the focus follows its own opening when two member institutions'
// systems number their openings alike (both have an opening "7"): told
// apart by id alone, the focus on Museum B's "7" went to Museum A's.
test('the focus follows its opening when another member has an opening of the same id', { timeout: 40_000 }, async () => {
  const late = gate();
  const s = await visit(h, h.servers.hostPage('no-board.html'));
  const b = await boardOfMembers(s, {
    'a.json': [numberedFeed('Museum A', [['7', 'Alpha Seven', 20]]), 0],
    'b.json': [numberedFeed('Museum B', [['7', 'Beta Seven', 22], ['8', 'Beta Eight', 24]]), 0],
    'late.json': [numberedFeed('Museum C', [['1', 'Gamma One', 0]]), late.opened],
  });
  try {
    await b.locator('.listing', { hasText: 'Beta Seven' }).locator('a.apply').focus({ timeout: 15_000 });
    late.open();
    await eventually(async () => assert.equal(await b.locator('.listing').count(), 4));
    await framesLater(s.page);
    assert.deepEqual(await titles(b), ['Gamma One', 'Alpha Seven', 'Beta Seven', 'Beta Eight']);
    const focused = await b.evaluate((el) => {
      const active = el.shadowRoot.activeElement;
      return [active?.className, active?.closest('.listing')?.querySelector('.listing-title').textContent.trim()];
    });
    assert.deepEqual(focused, ['apply', 'Beta Seven'], 'the focus is on another member\'s opening');
    await assertHostUnharmed(s);
  } finally {
    late.open();
  }
});

// Proves two member institutions' openings of the same id are two openings
// to the reader: Enter on Museum B's "7" opens Museum B's (it opened Museum
// A's, with its Apply link), and its own link says which.
test('an opening whose id another member also uses opens itself', { timeout: 40_000 }, async () => {
  const s = await visit(h, h.servers.hostPage('no-board.html'));
  const b = await boardOfMembers(s, {
    'a.json': [numberedFeed('Museum A', [['7', 'Alpha Seven', 20]]), 0],
    'b.json': [numberedFeed('Museum B', [['7', 'Beta Seven', 22]]), 100],
  });
  await b.locator('.listing-title a', { hasText: 'Beta Seven' }).press('Enter', { timeout: 15_000 });
  await b.locator('.detail-title').waitFor();
  assert.equal((await b.locator('.detail-title').textContent()).trim(), 'Beta Seven');
  assert.match(await b.locator('.detail a.apply').getAttribute('href'), /Museum%20B\/7$/);
  const shared = await openedLink(s);
  await b.locator('.detail-back').click();
  await s.page.goto(h.servers.hostPage('no-board.html', { 'openings-main': shared }));
  const again = await boardOfMembers(s, {
    'a.json': [numberedFeed('Museum A', [['7', 'Alpha Seven', 20]]), 0],
    'b.json': [numberedFeed('Museum B', [['7', 'Beta Seven', 22]]), 100],
  });
  await again.locator('.detail-title').waitFor({ timeout: 15_000 });
  assert.equal((await again.locator('.detail-title').textContent()).trim(), 'Beta Seven', `the shared link ${shared} opened another`);
  await assertHostUnharmed(s);
});

// Proves a shared link means the same member's opening on every load,
// whichever member's feed comes first. Museum A's feed is the board's
// first, Museum B's its second, and both have an opening "7": the link to
// Museum B's (shared from a load where Museum A's came first) opened Museum
// A's on a load where Museum B's came first, and a link to Museum A's
// opened Museum B's.
test('a shared link opens the same member\'s opening whichever feed comes first', { timeout: 60_000 }, async () => {
  const members = (aWaits) => ({
    'a.json': [numberedFeed('Museum A', [['7', 'Alpha Seven', 20]]), aWaits],
    'b.json': [numberedFeed('Museum B', [['7', 'Beta Seven', 22]]), 0],
  });
  const s = await visit(h, h.servers.hostPage('no-board.html'));
  const b = await boardOfMembers(s, members(0));
  await b.locator('.listing-title a', { hasText: 'Beta Seven' }).press('Enter', { timeout: 15_000 });
  await b.locator('.detail-title').waitFor();
  const toBeta = await openedLink(s);
  await b.locator('.detail-back').click();
  await b.locator('.listing-title a', { hasText: 'Alpha Seven' }).press('Enter');
  await b.locator('.detail-title').waitFor();
  const toAlpha = await openedLink(s, toBeta);
  assert.notEqual(toAlpha, toBeta);

  for (const [link, title] of [[toBeta, 'Beta Seven'], [toAlpha, 'Alpha Seven']]) {
    const late = gate();
    await s.page.goto(h.servers.hostPage('no-board.html', { 'openings-main': link }));
    const again = await boardOfMembers(s, members(late.opened));
    try {
      // Museum B's feed is in, Museum A's still on its way.
      await again.locator('.listing-title, .detail-title').first().waitFor({ timeout: 15_000 });
      if (title === 'Beta Seven') {
        assert.equal((await again.locator('.detail-title').textContent()).trim(), title, `${link} opened another`);
      } else {
        assert.equal(await again.locator('.detail-title').count(), 0, `${link} opened Museum B's before Museum A's feed came`);
      }
      late.open();
      await again.locator('.detail-title').waitFor({ timeout: 15_000 });
      await framesLater(s.page);
      assert.equal((await again.locator('.detail-title').textContent()).trim(), title, `${link} opened another`);
      assert.equal(new URL(s.page.url()).searchParams.get('openings-main'), link, 'the link changed');
      await assertHostUnharmed(s);
    } finally {
      late.open();
    }
  }
});

// Proves the opening a reader is on stays theirs when a member's feed
// listed before its own comes late with an opening of the same id, which
// takes the id "7" (Museum B's becomes "7~2"): the focus stays on its
// title, an open one stays open, its link in the address bar becomes
// "7~2" in place (no history entry for Back to step through).
test('the opening a reader is on stays theirs when an earlier member\'s feed takes its id', { timeout: 60_000 }, async () => {
  const members = (aWaits) => ({
    'a.json': [numberedFeed('Museum A', [['7', 'Alpha Seven', 20]]), aWaits],
    'b.json': [numberedFeed('Museum B', [['7', 'Beta Seven', 22], ['8', 'Beta Eight', 24]]), 0],
    // A third member, so that the filters are there from the start (their
    // column coming with Museum A's feed draws the list anew).
    'c.json': [numberedFeed('Museum C', [['1', 'Gamma One', 30]]), 0],
  });
  const late = [gate(), gate()];
  const s = await visit(h, h.servers.hostPage('no-board.html'));
  try {
    const b = await boardOfMembers(s, members(late[0].opened));
    await b.locator('.listing', { hasText: 'Beta Seven' }).locator('a.apply').focus({ timeout: 15_000 });
    late[0].open();
    await eventually(async () => assert.equal(await b.locator('.listing').count(), 4));
    await framesLater(s.page);
    const focused = await b.evaluate((el) => {
      const active = el.shadowRoot.activeElement;
      return [active?.className, active?.closest('.listing')?.querySelector('.listing-title').textContent.trim()];
    });
    assert.deepEqual(focused, ['apply', 'Beta Seven'], 'the focus left Museum B\'s opening');

    await s.page.goto(h.servers.hostPage('no-board.html'));
    const again = await boardOfMembers(s, members(late[1].opened));
    await again.locator('.listing-title a', { hasText: 'Beta Seven' }).press('Enter', { timeout: 15_000 });
    await again.locator('.detail-title').waitFor();
    const entries = await s.page.evaluate(() => history.length);
    assert.equal(new URL(s.page.url()).searchParams.get('openings-main'), 'open:7');
    late[1].open();
    await eventually(async () => assert.equal(new URL(s.page.url()).searchParams.get('openings-main'), 'open:7~2'));
    await framesLater(s.page);
    assert.equal((await again.locator('.detail-title').textContent()).trim(), 'Beta Seven', 'the open opening turned into another');
    assert.equal(await s.page.evaluate(() => history.length), entries, 'a history entry was added');
    await again.locator('.detail-back').click();
    await again.locator('.listing-title a', { hasText: 'Beta Seven' }).waitFor();
    assert.equal(await again.locator('.listing-title a:focus', { hasText: 'Beta Seven' }).count(), 1, 'the focus did not go back to its title');
    await assertHostUnharmed(s);
  } finally {
    late.forEach((g) => g.open());
  }
});

// Proves a shared link opens its opening when the board lists another
// feed's copy of it: the consortium's feed (the board's first) and a
// member's both list one job, each with its own id, and the copy of the
// feed that comes first is listed. A link with the member's id, shared from
// a load where the member's feed came first, said "no longer listed" on a
// load where the consortium's did.
test('a shared link opens its opening when another feed\'s copy of it is listed', { timeout: 60_000 }, async () => {
  const feeds = (consortiumWaits, memberWaits) => ({
    'consortium.json': [numberedFeed('Museum B', [['c-1', 'Archivist', 3], ['c-2', 'Curator', 5]]), consortiumWaits],
    'member.json': [numberedFeed('Museum B', [['m-1', 'Archivist', 3]]), memberWaits],
  });
  const late = [gate(), gate()];
  const s = await visit(h, h.servers.hostPage('no-board.html'));
  try {
    const b = await boardOfMembers(s, feeds(late[0].opened, 0));
    await b.locator('.listing-title a', { hasText: 'Archivist' }).press('Enter', { timeout: 15_000 });
    await b.locator('.detail-title').waitFor();
    const shared = await openedLink(s);
    assert.match(shared, /m-1/, 'the member\'s copy was not the one listed');
    late[0].open();

    await s.page.goto(h.servers.hostPage('no-board.html', { 'openings-main': shared }));
    const again = await boardOfMembers(s, feeds(0, late[1].opened));
    await again.locator('.listing-title').first().waitFor({ timeout: 15_000 });
    late[1].open();
    await again.locator('.detail-title').waitFor({ timeout: 15_000 });
    assert.equal((await again.locator('.detail-title').textContent()).trim(), 'Archivist');
    assert.equal(await again.locator('.notice-warning').count(), 0, 'the board says the opening is gone');
    await assertHostUnharmed(s);
  } finally {
    late.forEach((g) => g.open());
  }
});

// Proves the focus that follows its opening stays where the reader sees
// it: on a phone, eight newer openings from a late member sort in front of
// the title the reader was on, in view; the focus followed it off screen.
test('on a phone, the focus that follows its opening is brought into view', { timeout: 40_000 }, async () => {
  const late = gate();
  const s = await visit(h, h.servers.hostPage('no-board.html'));
  await s.page.setViewportSize({ width: 390, height: 844 });
  const b = await boardOfMembers(s, {
    'a.json': [numberedFeed('Museum A', Array.from({ length: 6 }, (_, k) => [`a${k}`, `Alpha ${k}`, 20 + k])), 0],
    'b.json': [numberedFeed('Museum B', [['b1', 'Beta One', 40]]), 0],
    'late.json': [numberedFeed('Museum N', Array.from({ length: 8 }, (_, k) => [`n${k}`, `Newer ${k}`, k % 3])), late.opened],
  });
  try {
    const mine = b.locator('.listing-title a', { hasText: 'Alpha 1' });
    await mine.focus({ timeout: 15_000 });
    await mine.evaluate((a) => a.scrollIntoView({ block: 'center' }));
    late.open();
    await eventually(async () => assert.equal(await b.locator('.listing').count(), 15));
    await framesLater(s.page);
    assert.equal(await focusedIn(b), 'Alpha 1');
    const rect = await b.evaluate((el) => {
      const r = el.shadowRoot.activeElement.getBoundingClientRect();
      return { top: Math.round(r.top), bottom: Math.round(r.bottom), height: innerHeight };
    });
    assert.ok(rect.top >= 0 && rect.bottom <= rect.height, `the focused title is off screen: ${JSON.stringify(rect)}`);
    await assertHostUnharmed(s);
  } finally {
    late.open();
  }
});
