//! What the board tells the host page (issue 6): the `openings:filter`,
//! `openings:open` and `openings:apply` events a host wires its analytics
//! to; the JobPosting JSON-LD for search engines (with `seo`, only for the
//! opening open in the detail view, never for the list or an expired
//! opening); and the board's state in the page URL — deep links, reload,
//! Back and Forward — leaving the host's own query parameters and hash alone.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useHarness, visit, waitForTitles, eventually, assertHostUnharmed } from './harness.mjs';

const h = useHarness();
const MUSEUM_TITLES = ['Collections Registrar', 'Visitor Experience Associate', 'Digital Collections Developer'];
const ORG = 'Harbour Museum of Maritime History';
const EVENTS = ['openings:filter', 'openings:open', 'openings:apply'];

/** Opens a host page whose `document` records every board event from the start. */
async function visitListening(url) {
  const s = await visit(h, 'about:blank');
  await s.context.addInitScript((names) => {
    window.boardEvents = [];
    for (const name of names) {
      document.addEventListener(name, (e) => window.boardEvents.push({
        type: e.type,
        detail: JSON.parse(JSON.stringify(e.detail)),
        bubbles: e.bubbles,
        composed: e.composed,
        from: e.target.localName + (e.target.id ? `#${e.target.id}` : ''),
      }));
    }
  }, EVENTS);
  await s.page.goto(url);
  return s;
}

const heard = (s) => s.page.evaluate(() => window.boardEvents);
const postings = (page) => page.locator('head script[type="application/ld+json"]');
const boardParam = (page, name = 'openings-main') => new URL(page.url()).searchParams.get(name);

// Proves a host's analytics hear each thing a reader does exactly once, on
// `document`, with what they need to know: the search and filters and how
// many match; the opening opened; the opening applied to and where.
test('the host hears openings:filter, openings:open and openings:apply once each, with their details', { timeout: 60_000 }, async () => {
  const s = await visitListening(h.servers.hostPage('attributes.html'));
  const b = s.page.locator('openings-board');
  await waitForTitles(b, MUSEUM_TITLES);
  await s.page.waitForTimeout(300);
  assert.deepEqual(await heard(s), [], 'loading the board is not something the reader did');

  const expected = [];
  const from = { bubbles: true, composed: true, from: 'openings-board#main' };
  await b.getByRole('searchbox', { name: 'Search openings' }).fill('collections');
  expected.push({ type: 'openings:filter', detail: { query: 'collections', filters: {}, count: 2 }, ...from });
  await eventually(async () => assert.deepEqual(await heard(s), expected));

  await b.locator('.facet label', { hasText: 'Full-time' }).click();
  expected.push({ type: 'openings:filter', detail: { query: 'collections', filters: { type: ['FULL_TIME'] }, count: 2 }, ...from });
  await eventually(async () => assert.deepEqual(await heard(s), expected));

  await b.locator('.listing-title a', { hasText: 'Digital Collections Developer' }).click();
  await b.locator('.detail').waitFor();
  expected.push({ type: 'openings:open', detail: { id: 'HM-2024-017', title: 'Digital Collections Developer', organization: ORG }, ...from });
  await eventually(async () => assert.deepEqual(await heard(s), expected));

  const [portal] = await Promise.all([s.context.waitForEvent('page'), b.locator('.detail a.apply').click()]);
  await portal.close();
  expected.push({
    type: 'openings:apply',
    detail: {
      id: 'HM-2024-017', title: 'Digital Collections Developer', organization: ORG,
      url: `${h.servers.feedsOrigin}/portal/harbour/digital-collections-developer`,
    },
    ...from,
  });
  await eventually(async () => assert.deepEqual(await heard(s), expected));

  // Apply from the list tells the host too; closing the detail view is not an event.
  await b.locator('.detail-back').click();
  const [second] = await Promise.all([s.context.waitForEvent('page'),
    b.locator('.listing', { hasText: 'Collections Registrar' }).locator('a.apply').click()]);
  await second.close();
  await eventually(async () => {
    const last = (await heard(s)).slice(expected.length);
    assert.deepEqual(last.map((e) => [e.type, e.detail.id]), [['openings:apply', 'HM-2024-011']]);
  });
  await assertHostUnharmed(s);
  await s.close();
});

// Proves the search-engine markup follows the detail view: none for the
// list, exactly one JobPosting (the open opening's) while it is open, none
// once it is closed, none for an expired opening's deep link, none at all
// without the `seo` attribute.
test('with seo, one JobPosting while an opening is open, none for the list, none when closed or expired', { timeout: 60_000 }, async () => {
  const s = await visit(h, h.servers.hostPage('attributes.html', { seo: 'on' }));
  const b = s.page.locator('openings-board');
  await waitForTitles(b, MUSEUM_TITLES);
  assert.equal(await postings(s.page).count(), 0, 'a JobPosting for the list');

  await b.locator('.listing-title a', { hasText: 'Collections Registrar' }).click();
  await eventually(async () => assert.equal(await postings(s.page).count(), 1));
  const script = postings(s.page);
  assert.equal(await script.getAttribute('data-openings-board'), 'board #main');
  const json = JSON.parse(await script.textContent());
  assert.equal(json['@context'], 'https://schema.org');
  assert.equal(json['@type'], 'JobPosting');
  assert.equal(json.title, 'Collections Registrar');
  assert.equal(json.hiringOrganization.name, ORG);
  assert.equal(json.identifier.value, 'HM-2024-011');
  assert.ok(json.validThrough && json.datePosted, 'the JobPosting lacks its dates');

  // Another opening replaces it; closing removes it.
  await b.locator('.detail-back').click();
  await eventually(async () => assert.equal(await postings(s.page).count(), 0, 'the JobPosting stays after closing'));
  await b.locator('.listing-title a', { hasText: 'Visitor Experience Associate' }).click();
  await eventually(async () => assert.deepEqual(
    (await postings(s.page).allTextContents()).map((t) => JSON.parse(t).title), ['Visitor Experience Associate']));
  await s.page.goBack();
  await b.locator('.listing').first().waitFor();
  await eventually(async () => assert.equal(await postings(s.page).count(), 0, 'the JobPosting stays after Back'));

  // A deep link to an expired opening: the board says so, and adds no markup.
  await s.page.goto(h.servers.hostPage('attributes.html', { seo: 'on', 'openings-main': 'open:HM-2024-003' }));
  await b.locator('.notice-warning', { hasText: 'This opening is no longer listed.' }).waitFor({ timeout: 15_000 });
  await waitForTitles(b, MUSEUM_TITLES);
  await s.page.waitForTimeout(300);
  assert.equal(await postings(s.page).count(), 0, 'a JobPosting for an expired opening');
  assert.equal(await b.locator('.detail').count(), 0);

  // A deep link to a current opening on a board without an id (?openings=…).
  await s.page.goto(h.servers.hostPage('attributes.html', { seo: 'on', id: '', openings: 'open:HM-2024-017' }));
  await b.locator('.detail').waitFor({ timeout: 15_000 });
  await eventually(async () => assert.equal(await postings(s.page).count(), 1));
  assert.equal(JSON.parse(await postings(s.page).textContent()).title, 'Digital Collections Developer');
  assert.match(await postings(s.page).getAttribute('data-openings-board'), /^board <openings-board feed=/);

  // The same deep link without seo: the detail view, and no markup.
  await s.page.goto(h.servers.hostPage('attributes.html', { id: '', openings: 'open:HM-2024-017' }));
  await b.locator('.detail').waitFor({ timeout: 15_000 });
  await s.page.waitForTimeout(300);
  assert.equal(await postings(s.page).count(), 0, 'a JobPosting without the seo attribute');
  await assertHostUnharmed(s);
  await s.close();
});

/** What the board shows, in words: enough to tell one state from another. */
async function shown(b) {
  const detail = b.locator('.detail-title');
  return {
    search: await b.getByRole('searchbox', { name: 'Search openings' }).inputValue(),
    fullTime: (await b.locator('.facet li', { hasText: 'Full-time' }).count())
      ? await b.locator('.facet li', { hasText: 'Full-time' }).locator('input').isChecked()
      : null,
    page: (await b.locator('.page-position').count()) ? (await b.locator('.page-position').textContent()).trim() : null,
    titles: (await b.locator('.listing .listing-title').allTextContents()).map((t) => t.trim()),
    open: (await detail.count()) ? (await detail.textContent()).trim() : null,
  };
}

const STATES = {
  searched: { search: 'collections', fullTime: false, page: 'Page 1 of 2', titles: ['Digital Collections Developer'], open: null },
  filtered: { search: 'collections', fullTime: true, page: 'Page 1 of 2', titles: ['Digital Collections Developer'], open: null },
  paged: { search: 'collections', fullTime: true, page: 'Page 2 of 2', titles: ['Collections Registrar'], open: null },
  opened: { search: 'collections', fullTime: null, page: null, titles: [], open: 'Collections Registrar' },
};
const PARAMS = {
  searched: 'q:collections',
  filtered: 'q:collections;type:FULL_TIME',
  paged: 'q:collections;type:FULL_TIME;page:2',
  opened: 'q:collections;type:FULL_TIME;page:2;open:HM-2024-011',
};

/**
 * Opens a host page with a query parameter and a hash of its own and a board
 * of one opening per page, then searches, ticks a facet, goes to page 2 and
 * opens the opening there, checking the board and the URL at each step.
 * Returns the session and `expectState(name)`.
 */
async function searchFilterPageOpen() {
  const start = `${h.servers.hostPage('attributes.html', { 'page-size': '1', host: 'kept' })}#apply-elsewhere`;
  const s = await visit(h, start);
  const b = s.page.locator('openings-board');
  await b.locator('.listing').first().waitFor({ timeout: 15_000 });
  const expectState = async (name) => {
    await eventually(async () => assert.deepEqual(await shown(b), STATES[name], `not the ${name} state`));
    // Typing reaches the URL once the reader pauses, so the URL may follow a moment later.
    await eventually(async () => assert.equal(boardParam(s.page), PARAMS[name]));
    const url = new URL(s.page.url());
    assert.equal(url.searchParams.get('host'), 'kept', `the host's parameter is gone: ${url}`);
    assert.equal(url.searchParams.get('page-size'), '1', `the host's parameter is gone: ${url}`);
    assert.equal(url.hash, '#apply-elsewhere', `the host's hash is gone: ${url}`);
  };
  await b.getByRole('searchbox', { name: 'Search openings' }).fill('collections');
  await expectState('searched');
  await b.locator('.facet label', { hasText: 'Full-time' }).click();
  await expectState('filtered');
  await b.locator('.page-next').click();
  await expectState('paged');
  // The title is a real link to the opening's own URL on the host page.
  const title = b.locator('.listing-title a');
  const href = new URL(await title.getAttribute('href'));
  assert.equal(href.searchParams.get('openings-main'), 'open:HM-2024-011');
  assert.equal(href.searchParams.get('host'), 'kept');
  assert.equal(href.hash, '#apply-elsewhere');
  await title.click();
  await expectState('opened');
  const focused = await b.evaluate((el) => el.shadowRoot.activeElement?.className);
  assert.match(focused ?? '', /\bdetail-title\b/, 'the detail title does not take the focus');
  return { s, b, expectState };
}

// Proves the URL holds the whole state: search + facet + page + open
// opening survive a reload, and the host's own query parameter and hash are
// never touched; Back closes the opening.
test('search, facet, page and opening survive a reload, with the host\'s parameter and hash', { timeout: 60_000 }, async () => {
  const { s, b, expectState } = await searchFilterPageOpen();
  await s.page.reload();
  await b.locator('.detail').waitFor({ timeout: 15_000 });
  await expectState('opened');
  await s.page.goBack();
  await expectState('paged');
  await s.page.goForward();
  await expectState('opened');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves Back and Forward walk through every step the reader took (each
// filter, page and opening is a history entry), while typing replaces its
// entry instead of adding one per key.
// (Typing replaces the current history entry; every other change — a facet,
// a page, an opening — adds one, which is what Back walks through.)
test('Back and Forward walk through search, facet, page and opening', {
  timeout: 60_000,
}, async () => {
  const { s, expectState } = await searchFilterPageOpen();
  for (const name of ['paged', 'filtered', 'searched']) {
    await s.page.goBack();
    await expectState(name);
  }
  for (const name of ['filtered', 'paged', 'opened']) {
    await s.page.goForward();
    await expectState(name);
  }
  for (let i = 0; i < 3; i++) await s.page.goBack();
  await expectState('searched');
  await s.page.goBack();
  assert.equal(s.page.url(), 'about:blank', 'typing added history entries');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves a board with an id keeps its state in its own parameter, and a
// second board's state in the URL does not leak into it.
test('a deep link for one board opens it there, and a board without an id reads ?openings=', { timeout: 60_000 }, async () => {
  const url = h.servers.hostPage('attributes.html', { 'openings-other': 'open:HM-2024-011', 'openings-main': 'q:portland' });
  const s = await visit(h, url);
  const b = s.page.locator('openings-board');
  await waitForTitles(b, ['Collections Registrar', 'Visitor Experience Associate']);
  assert.equal(await b.locator('.detail').count(), 0, 'another board\'s deep link opened this board');
  assert.equal(new URL(s.page.url()).searchParams.get('openings-other'), 'open:HM-2024-011', 'the other board\'s state was dropped');

  await s.page.goto(h.servers.hostPage('attributes.html', { id: '', openings: 'q:developer' }));
  await waitForTitles(b, ['Digital Collections Developer']);
  await assertHostUnharmed(s);
  await s.close();
});
