//! The element's attributes as a site editor writes them (issue 4): good
//! values change the board; a wrong value logs a console warning naming the
//! attribute and what it accepts, and the board carries on with the default.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useHarness, visit, board, titles, eventually, assertHostUnharmed } from './harness.mjs';

const h = useHarness();
const MUSEUM_TITLES = ['Collections Registrar', 'Visitor Experience Associate', 'Digital Collections Developer'];

/** A page with one board whose attributes are exactly `attrs`. */
async function boardWith(attrs) {
  const s = await visit(h, h.servers.hostPage('no-board.html'));
  await s.page.evaluate((attrs) => {
    const el = document.createElement('openings-board');
    el.id = 'main';
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    document.body.append(el);
  }, { feed: `${h.servers.feedsOrigin}/feeds/museum.json`, ...attrs });
  const b = board(s.page);
  await b.locator('.listing').first().waitFor({ timeout: 15_000 });
  return { s, b };
}

// Proves each documented attribute does what the README says.
test('page-size, sort, facets, theme and lang change the board', async () => {
  const { s, b } = await boardWith({ 'page-size': '1', sort: 'title', facets: 'workplace, type', theme: 'dark', lang: 'fr' });
  assert.equal(await b.locator('.listing').count(), 1, 'one opening a page');
  assert.match(await b.locator('.page-position').textContent(), /1.*3/);
  assert.deepEqual(await titles(b), ['Collections Registrar'], 'sorted by title, A first');
  const legends = (await b.locator('fieldset.facet legend').allTextContents()).map((t) => t.trim());
  assert.deepEqual(legends, ['Mode de travail', 'Type de contrat'], 'only the facets asked for, in the order asked, in French');
  assert.equal(await b.locator('.openings-board').getAttribute('data-theme'), 'dark');
  assert.equal(await b.locator('.openings-board').getAttribute('lang'), 'fr');
  assert.equal((await b.locator('.search-box label').textContent()).trim(), 'Rechercher une offre');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves a wrong value never breaks the board: it warns, naming the
// attribute and what it accepts, and uses the default.
test('wrong attribute values warn in the console and fall back to the defaults', async () => {
  const { s, b } = await boardWith({ 'page-size': 'lots', sort: 'random', facets: 'org, salary', theme: 'purple', cache: 'maybe' });
  await eventually(async () => assert.deepEqual((await titles(b)).sort(), [...MUSEUM_TITLES].sort()));
  const warnings = s.consoleMessages.filter((m) => m.type === 'warning' && m.text.startsWith('[openings]')).map((m) => m.text);
  for (const [attribute, accepts] of [
    ['page-size="lots"', 'a whole number from 1 to 200'],
    ['sort="random"', 'newest, closing, title or org'],
    ['facets="org, salary"', 'org, country, workplace, type, dept and tag'],
    ['theme="purple"', 'auto, light or dark'],
    ['cache="maybe"', 'on or off'],
  ]) {
    assert.ok(warnings.some((w) => w.includes(attribute) && w.includes(accepts)), `no warning for ${attribute}: ${warnings.join(' | ')}`);
  }
  assert.equal(await b.locator('.openings-board').getAttribute('data-theme'), 'auto');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves max-age hides openings with no closing date that were posted
// longer ago (a post "open until filled" of years ago), says how many in
// the board, shows them all with max-age="0", and that a wrong value warns.
test('max-age hides old openings with no closing date, and says how many', async () => {
  const feed = `${h.servers.feedsOrigin}/hostile-free/old.json`;
  const post = (title, posted, closes) => ({
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title,
    datePosted: new Date(Date.now() - posted * 86_400_000).toISOString().slice(0, 10),
    ...(closes ? { validThrough: new Date(Date.now() + closes * 86_400_000).toISOString().slice(0, 10) } : {}),
    hiringOrganization: { name: 'Harbour Museum' },
    url: `${h.servers.feedsOrigin}/portal/${encodeURIComponent(title)}`,
  });
  const body = JSON.stringify([
    post('Open Until Filled, Four Years Ago', 1_500),
    post('Open Until Filled, Last Month', 30),
    post('Posted Long Ago, Closes Soon', 400, 10),
  ]);
  for (const [maxAge, shown, hidden] of [
    [null, ['Open Until Filled, Last Month', 'Posted Long Ago, Closes Soon'], 1],
    ['20', ['Posted Long Ago, Closes Soon'], 2],
    ['0', ['Open Until Filled, Four Years Ago', 'Open Until Filled, Last Month', 'Posted Long Ago, Closes Soon'], 0],
    ['forever', ['Open Until Filled, Last Month', 'Posted Long Ago, Closes Soon'], 1],
  ]) {
    const s = await visit(h, h.servers.hostPage('no-board.html'));
    await s.page.route(feed, (route) => route.fulfill({ status: 200, headers: { 'access-control-allow-origin': '*', 'content-type': 'application/ld+json' }, body }));
    await s.page.evaluate(({ feed, maxAge }) => {
      const el = document.createElement('openings-board');
      el.id = 'main';
      el.setAttribute('feed', feed);
      if (maxAge !== null) el.setAttribute('max-age', maxAge);
      document.body.append(el);
    }, { feed, maxAge });
    const b = board(s.page);
    try {
      await eventually(async () => assert.deepEqual((await titles(b)).sort(), [...shown].sort()), { timeout: 15_000 });
      const notice = b.locator('.notice-info', { hasText: 'with no closing date' });
      if (hidden) {
        const days = maxAge === '20' ? 20 : 90;
        const noun = hidden === 1 ? 'opening in' : 'openings in';
        assert.equal((await notice.textContent()).trim(), `${hidden} ${noun} ${feed} ${hidden === 1 ? 'was' : 'were'} posted more than ${days} days ago with no closing date, and ${hidden === 1 ? 'is' : 'are'} not shown.`);
      } else {
        assert.equal(await notice.count(), 0);
      }
      if (maxAge === 'forever') {
        assert.ok(s.boardMessages().some((m) => m.type === 'warning' && m.text.includes('max-age="forever"') && m.text.includes('from 0')));
      }
      await assertHostUnharmed(s);
    } finally {
      await s.close();
    }
  }
});
