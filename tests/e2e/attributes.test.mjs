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
  assert.equal(legends.length, 2, `only the facets asked for, in order: ${legends}`);
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
