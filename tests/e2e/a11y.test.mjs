//! Every user (issue 4, WCAG 2.2 AA): axe-core finds nothing in any state of
//! the board, the whole flow from search to Apply works by keyboard with
//! visible focus, an Arabic board lays out right to left, a phone and 200 %
//! zoom need no sideways scrolling, and the reader's motion and colour-scheme
//! preferences are followed.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openSession } from './browser.mjs';
import {
  useHarness, visit, board, titles, waitForTitles, eventually, assertHostUnharmed, framesLater, holdBack,
} from './harness.mjs';

const h = useHarness();
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const MUSEUM_TITLES = ['Collections Registrar', 'Visitor Experience Associate', 'Digital Collections Developer'];
const feed = (name) => `${h.servers.feedsOrigin}/feeds/${name}`;
const page = (params = {}) => h.servers.hostPage('a11y.html', params);

/** Opens `url` in a fresh session with this viewport (CSS px). */
async function visitAt(url, viewport) {
  const session = await openSession(h.browser, { viewport });
  await session.page.goto(url);
  return session;
}

/**
 * The WCAG 2.x A/AA violations axe-core finds in the board `#main` (axe
 * descends into its open shadow root), each as `{id, impact, help, nodes}`.
 */
async function axeViolations(p) {
  if (!(await p.evaluate(() => typeof window.axe === 'object'))) {
    await p.addScriptTag({ content: AXE_SOURCE });
  }
  return p.evaluate(async (tags) => {
    const result = await window.axe.run(document.querySelector('openings-board#main'), {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, why: n.failureSummary })),
    }));
  }, WCAG_TAGS);
}

/** Asserts axe finds nothing, saying exactly what to fix when it does. */
async function assertNoViolations(p, state) {
  const violations = await axeViolations(p);
  const report = violations.map((v) => [
    `- ${v.id} (${v.impact}): ${v.help}`,
    ...v.nodes.map((n) => `    at ${JSON.stringify(n.target)}\n      ${n.html}\n      ${(n.why ?? '').replaceAll('\n', '\n      ')}`),
  ].join('\n')).join('\n');
  assert.equal(violations.length, 0, `axe-core found ${violations.length} violation(s) in the ${state} state:\n${report}`);
}

/**
 * The element that has the keyboard focus, looking through shadow roots,
 * and whether its focus can be seen: an outline that is drawn, or a shadow.
 */
async function focused(p) {
  return p.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return { what: 'nothing (body)', visible: false };
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    const shadow = cs.boxShadow !== 'none';
    return {
      what: `<${el.localName}${el.className ? ` class="${el.className}"` : ''}${el.type ? ` type="${el.type}"` : ''}> ${(el.textContent || el.value || '').trim().slice(0, 40)}`,
      classes: [...el.classList],
      tag: el.localName,
      type: el.type ?? null,
      id: el.id,
      text: el.textContent.trim(),
      href: el.getAttribute('href'),
      checked: el.checked ?? null,
      inDetail: !!el.closest('.detail'),
      inListingTitle: !!el.closest('.listing-title'),
      visible: outline || shadow,
      style: `outline: ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}; box-shadow: ${cs.boxShadow}`,
    };
  });
}

/**
 * Presses `key` until the focused element passes `wanted` (at most `limit`
 * presses), asserting at every stop that the focus can be seen.
 */
async function tabTo(p, wanted, what, { key = 'Tab', limit = 20 } = {}) {
  const stops = [];
  for (let i = 0; i < limit; i += 1) {
    await p.keyboard.press(key);
    const f = await focused(p);
    stops.push(f.what);
    assert.ok(f.visible, `focus is not visible on ${f.what} (${f.style})`);
    if (wanted(f)) return f;
  }
  assert.fail(`${key} never reached ${what}; stops: ${stops.join(' | ')}`);
}

// Proves every state a reader can meet is free of WCAG 2.2 A/AA violations
// that axe-core can detect: loading, the list, a filtered list, no match, a
// feed that failed, one opening open, and the list in the dark theme (set,
// and followed from the system's scheme).
test('axe-core finds no WCAG 2.2 AA violation in any state of the board', async () => {
  // Loading: the feed takes 4 s, and is held back until axe has run while
  // the loading message shows (the board asks for it before its
  // WebAssembly has arrived: a slow machine's start and axe took longer).
  const slowFeed = `${h.servers.feedsOrigin}/slow/4000/museum.json`;
  const slow = await openSession(h.browser);
  const held = await holdBack(slow.page, slowFeed);
  await slow.page.goto(page({ feed: slowFeed }));
  const loading = board(slow.page).locator('.loading');
  await loading.waitFor({ state: 'visible', timeout: 10_000 });
  await assertNoViolations(slow.page, 'loading');
  assert.equal(await loading.count(), 1, 'the feed arrived before axe finished: the loading state was not checked');
  held.release();
  await slow.close();

  const s = await visit(h, page());
  const b = board(s.page);
  await waitForTitles(b, MUSEUM_TITLES);
  await assertNoViolations(s.page, 'list');

  // Filtered: a search and a ticked facet.
  await b.getByRole('searchbox').fill('collections');
  await waitForTitles(b, ['Collections Registrar', 'Digital Collections Developer']);
  const box = b.locator('.facet input[type=checkbox]').first();
  await box.check();
  await eventually(async () => assert.ok(await b.locator('.facet input:checked').count() > 0));
  await assertNoViolations(s.page, 'filtered (search and a facet)');

  // Empty: nothing matches.
  await b.locator('.clear-all').click();
  await b.getByRole('searchbox').fill('zebra');
  await b.locator('.empty').waitFor({ state: 'visible' });
  await assertNoViolations(s.page, 'empty (no match)');

  // Detail: one opening open.
  await b.getByRole('searchbox').fill('');
  await waitForTitles(b, MUSEUM_TITLES);
  await b.locator('.listing-title a', { hasText: 'Collections Registrar' }).click();
  await b.locator('.detail-title').waitFor({ state: 'visible' });
  await assertNoViolations(s.page, 'detail (an opening open)');
  await assertHostUnharmed(s);
  await s.close();

  // Error: the only feed answers 404.
  const broken = await visit(h, page({ feed: `${h.servers.feedsOrigin}/fault/404` }));
  await board(broken.page).getByRole('alert').waitFor({ state: 'visible', timeout: 20_000 });
  await board(broken.page).locator('.retry').waitFor({ state: 'visible' });
  await assertNoViolations(broken.page, 'error (a 404 feed)');
  await broken.close();

  // The dark theme, list.
  const dark = await visit(h, page({ theme: 'dark' }));
  await waitForTitles(board(dark.page), MUSEUM_TITLES);
  await assertNoViolations(dark.page, 'list, dark theme');
  await dark.close();

  // theme="auto" on a reader's system that prefers a dark scheme, list.
  const auto = await openSession(h.browser);
  await auto.page.emulateMedia({ colorScheme: 'dark' });
  await auto.page.goto(page({ theme: 'auto' }));
  await waitForTitles(board(auto.page), MUSEUM_TITLES);
  await assertNoViolations(auto.page, 'list, theme="auto" with a dark system scheme');
  await auto.close();
});

// Proves a reader with only a keyboard goes from search to Apply and back,
// and can always see where the focus is.
test('by keyboard alone: search, tick a filter, open an opening, Apply, and back to the list', async () => {
  const s = await visit(h, page());
  const p = s.page;
  const b = board(p);
  await waitForTitles(b, MUSEUM_TITLES);

  const search = await tabTo(p, (f) => f.classes.includes('search'), 'the search box', { limit: 1 });
  assert.equal(search.type, 'search');
  await p.keyboard.type('collections', { delay: 20 });
  await waitForTitles(b, ['Collections Registrar', 'Digital Collections Developer']);
  // The new count is said by a screen reader without moving the focus.
  const count = b.locator('.result-count');
  assert.equal(await count.getAttribute('role'), 'status');
  assert.equal(await count.getAttribute('aria-live'), 'polite');
  assert.equal((await count.textContent()).trim(), '2 openings');

  const box = await tabTo(p, (f) => f.type === 'checkbox', 'a facet checkbox');
  assert.equal(box.checked, false);
  await p.keyboard.press('Space');
  await eventually(async () => assert.equal(await b.locator(`.facet input[id="${box.id}"]`).isChecked(), true,
    `Space did not tick the facet checkbox #${box.id}`));
  const after = await titles(b);
  assert.ok(after.length > 0 && after.every((t) => ['Collections Registrar', 'Digital Collections Developer'].includes(t)),
    `ticking a facet after searching shows ${JSON.stringify(after)}`);
  // Ticking kept the focus on the checkbox (no jump back to the top).
  const still = await focused(p);
  assert.equal(still.id, box.id, `the focus left the ticked checkbox for ${still.what}`);

  const link = await tabTo(p, (f) => f.tag === 'a' && f.inListingTitle && after.includes(f.text), 'a listing title');
  const title = link.text;
  await p.keyboard.press('Enter');
  await b.locator('.detail-title').waitFor({ state: 'visible' });
  await eventually(async () => {
    const f = await focused(p);
    assert.ok(f.classes.includes('detail-title'), `the focus is on ${f.what}, not the opening's title`);
    assert.equal(f.text, title);
    assert.ok(f.visible, `focus is not visible on the opening's title (${f.style})`);
  });
  assert.equal(p.url().startsWith(h.servers.hostOrigin), true, 'Enter on the title left the host page');

  const apply = await tabTo(p, (f) => f.classes.includes('apply') && f.inDetail, 'Apply in the opening');
  const [tab] = await Promise.all([s.context.waitForEvent('page'), p.keyboard.press('Enter')]);
  await tab.waitForLoadState();
  assert.equal(tab.url(), apply.href, 'Enter on Apply did not open the recruiting portal');
  assert.ok(apply.href.startsWith(`${h.servers.feedsOrigin}/portal/`), `Apply points to ${apply.href}`);
  await tab.close();

  await tabTo(p, (f) => f.classes.includes('detail-back'), 'Back to all openings', { key: 'Shift+Tab' });
  await p.keyboard.press('Enter');
  await b.locator('.detail').waitFor({ state: 'detached' });
  await eventually(async () => {
    const f = await focused(p);
    assert.ok(f.tag === 'a' && f.inListingTitle && f.text === title,
      `back in the list, the focus is on ${f.what}, not the title link of "${title}"`);
    assert.ok(f.visible, `focus is not visible on the title link back in the list (${f.style})`);
  });
  await assertHostUnharmed(s);
  await s.close();
});

/** A board of 60 openings (three pages), its first page listed. */
async function sixtyOpenings() {
  const s = await visit(h, page({ feed: `${h.servers.feedsOrigin}/large/60?whole=1` }));
  const b = board(s.page);
  await eventually(async () => assert.equal(await b.locator('.listing').count(), 20));
  return { s, p: s.page, b };
}

// Proves the focus goes back to a closed opening's title once, not again:
// back in the list the title has it; then the reader types a search whose
// results show that opening in another row, and every key stays in the
// search box (the row used to take the focus, and the rest of the typing).
test('after an opening is closed, a search typed next keeps the focus in the search box', async () => {
  const { s, p, b } = await sixtyOpenings();
  const title = (await b.locator('.listing-title a').nth(3).textContent()).trim();
  const number = title.replace(/\D/g, '');
  await b.locator('.listing-title a').nth(3).click();
  await b.locator('.detail-back').click();
  await b.locator('.detail').waitFor({ state: 'detached' });
  await eventually(async () => {
    const f = await focused(p);
    assert.ok(f.inListingTitle && f.text === title, `back in the list, the focus is on ${f.what}`);
  });
  const search = b.getByRole('searchbox', { name: 'Search openings' });
  await search.click();
  await p.keyboard.type(`${number} x`, { delay: 60 });
  await framesLater(p);
  assert.equal(await search.inputValue(), `${number} x`, 'keys typed into the search box were lost');
  const f = await focused(p);
  assert.ok(f.classes?.includes('search'), `while typing, the focus jumped to ${f.what}`);
  await assertHostUnharmed(s);
  await s.close();
});

// Proves paging by keyboard keeps the reader's place: back on the first
// page with Previous, the focus stays on Previous (unavailable there, and
// saying so), not dropped to the top of the host page.
test('paging back to the first page keeps the focus on Previous', async () => {
  const { s, p, b } = await sixtyOpenings();
  await b.locator('.page-next').focus();
  await p.keyboard.press('Enter');
  await eventually(async () => assert.match(await b.locator('.page-position').textContent(), /\bPage 2 of/));
  await tabTo(p, (f) => f.classes.includes('page-previous'), 'Previous', { key: 'Shift+Tab', limit: 3 });
  await p.keyboard.press('Enter');
  await eventually(async () => assert.match(await b.locator('.page-position').textContent(), /\bPage 1 of/));
  await framesLater(p);
  const f = await focused(p);
  assert.ok(f.classes?.includes('page-previous'), `back on the first page, the focus went to ${f.what}`);
  assert.equal(await b.locator('.page-previous').getAttribute('aria-disabled'), 'true');
  await p.keyboard.press('Enter');
  await framesLater(p);
  assert.match(await b.locator('.page-position').textContent(), /\bPage 1 of/, 'Previous on the first page moved');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves a click on the board's text leaves the next Tab where the reader
// clicked, as on any page (the board itself is not a focus target: made
// one, a click focused it and Tab went back to its top).
test('after a click on the board\'s text, Tab goes on from there', async () => {
  const { s, p, b } = await sixtyOpenings();
  await b.locator('.page-position').click();
  await p.keyboard.press('Tab');
  const f = await focused(p);
  assert.ok(f.classes?.includes('page-next'), `Tab after a click on "Page 1 of 3" went to ${f.what}`);
  await assertHostUnharmed(s);
  await s.close();
});

// Proves a filter removed by keyboard leaves the focus where the reader can
// go on: a chip removed gives it to the next chip; the last one (its chips
// all gone) to the board, from where Tab reaches the search box; a facet's
// Clear (gone once nothing in it is picked) to the facet's first value;
// "Clear all filters" to the board. Each dropped it to the page's body.
test('removing filters by keyboard keeps the focus in the board', async () => {
  const picked = `${page({ feed: `${h.servers.feedsOrigin}/large/60?whole=1` })}&openings-main=org:Institution%201,Institution%202`;
  const s = await visit(h, picked);
  const p = s.page;
  const b = board(p);
  await eventually(async () => assert.equal(await b.locator('.chip').count(), 2));
  await b.locator('.chip').first().focus();
  await p.keyboard.press('Enter');
  await eventually(async () => assert.equal(await b.locator('.chip').count(), 1));
  await framesLater(p);
  let f = await focused(p);
  assert.ok(f.classes?.includes('chip') && f.text.startsWith('Institution 2'), `after a chip was removed the focus went to ${f.what}`);
  await p.keyboard.press('Enter');
  await eventually(async () => assert.equal(await b.locator('.chip').count(), 0));
  await framesLater(p);
  f = await focused(p);
  assert.ok(f.classes?.includes('openings-board'), `after the last chip was removed the focus went to ${f.what}`);
  await tabTo(p, (g) => g.classes.includes('search'), 'the search box', { limit: 1 });

  // A facet's Clear.
  const organization = b.locator('fieldset.facet', { hasText: 'Organization' });
  await organization.getByRole('checkbox').nth(2).focus();
  await p.keyboard.press('Space');
  await organization.locator('.clear-facet').waitFor();
  await organization.locator('.clear-facet').focus();
  await p.keyboard.press('Enter');
  await organization.locator('.clear-facet').waitFor({ state: 'detached' });
  await framesLater(p);
  f = await focused(p);
  const first = await organization.getByRole('checkbox').first().getAttribute('id');
  assert.ok(f.tag === 'input' && f.id === first, `after the facet's Clear the focus went to ${f.what}`);
  assert.ok(f.visible, `the focus on the facet's first value is not visible (${f.style})`);

  // "Clear all filters".
  await p.keyboard.press('Space');
  await b.locator('.clear-all').waitFor();
  await b.locator('.clear-all').focus();
  await p.keyboard.press('Enter');
  await b.locator('.clear-all').waitFor({ state: 'detached' });
  await framesLater(p);
  f = await focused(p);
  assert.ok(f.classes?.includes('openings-board'), `after "Clear all filters" the focus went to ${f.what}`);
  await assertHostUnharmed(s);
  await s.close();
});

// Proves a board that turns narrow under the reader (a page zoomed in, a
// tablet turned), folding the filters away with their focus in them, gives
// the focus to the "Filters" control that opens them again (it fell to the
// page's body), and turned wide again, to the filters.
test('a board turned narrow with the focus in its filters gives it to the Filters control', async () => {
  const { s, p, b } = await sixtyOpenings();
  await b.locator('fieldset.facet input[type=checkbox]').first().focus();
  await p.setViewportSize({ width: 390, height: 844 });
  await eventually(async () => {
    const f = await focused(p);
    assert.ok(f.classes?.includes('filters-toggle'), `with the filters folded away, the focus went to ${f.what}`);
  });
  // And back: the control goes, the filters are a column again, and the
  // focus goes to them (it went to the board's top).
  await p.setViewportSize({ width: 1280, height: 900 });
  await eventually(async () => {
    const f = await focused(p);
    assert.ok(f.classes?.includes('filters-panel'), `with the control gone, the focus went to ${f.what}`);
  });
  await assertHostUnharmed(s);
  await s.close();
});

// Proves what a reader meets while the board loads is still there when the
// openings come: the live region that says the count is the one that was
// there (so its first count is announced, not inserted already full), and a
// reader's focus on "Clear all filters" of a shared filtered link stays.
test('when the openings come, the live region of the count and the focus on Clear all stay', async () => {
  const slowFeed = `${h.servers.feedsOrigin}/slow/1500/museum.json`;
  const url = `${page({ feed: slowFeed })}&openings-main=type:FULL_TIME`;
  const s = await openSession(h.browser);
  // The feed comes once the reader is on Clear all and the live region is
  // noted (1.5 s from its request could be over before a slow machine has
  // started the board: the openings came with it, nothing came later).
  const held = await holdBack(s.page, slowFeed);
  await s.page.goto(url);
  const p = s.page;
  const b = board(p);
  await b.locator('.clear-all').waitFor();
  await b.locator('.clear-all').focus();
  await p.evaluate(() => { window.countRegion = document.querySelector('openings-board#main').shadowRoot.querySelector('.result-count'); });
  held.release();
  await eventually(async () => assert.ok((await titles(b)).length > 0), { timeout: 15_000 });
  await framesLater(p);
  assert.ok(await p.evaluate(() => document.querySelector('openings-board#main').shadowRoot.querySelector('.result-count') === window.countRegion),
    'the count came in a new live region, which screen readers do not announce');
  const f = await focused(p);
  assert.ok(f.classes?.includes('clear-all'), `the focus left "Clear all filters" for ${f.what}`);
  await assertHostUnharmed(s);
  await s.close();
});

// Proves an Arabic board reads right to left: its direction, its words, the
// Apply link on the left of each card, and the count in Arabic.
test('an Arabic board lays out right to left, in Arabic', async () => {
  const s = await visit(h, page({ lang: 'ar' }));
  const b = board(s.page);
  await waitForTitles(b, MUSEUM_TITLES);
  const root = b.locator('.openings-board');
  assert.equal(await root.getAttribute('dir'), 'rtl');
  assert.equal(await root.evaluate((el) => getComputedStyle(el).direction), 'rtl');

  const label = (await b.locator('label[for="openings-search"]').textContent()).trim();
  assert.match(label, /^[\u0600-\u06FF\s]+$/, `the search label is not Arabic: "${label}"`);
  assert.equal(await b.getByRole('searchbox', { name: label }).count(), 1, 'the Arabic label does not name the search box');

  const card = b.locator('.listing', { hasText: 'Collections Registrar' });
  const applyBox = await card.locator('a.apply').boundingBox();
  const titleBox = await card.locator('.listing-title').boundingBox();
  assert.ok(applyBox.x < titleBox.x,
    `Apply (x=${applyBox.x}) is not left of the title (x=${titleBox.x}) in a right-to-left card`);
  assert.ok(applyBox.x + applyBox.width <= titleBox.x + 1, 'Apply overlaps the title');

  const count = (await b.locator('.result-count').textContent()).trim();
  assert.match(count, /[\u0600-\u06FF]/, `the result count is not in Arabic: "${count}"`);
  assert.doesNotMatch(count, /[A-Za-z]/, `the result count has Latin letters: "${count}"`);
  const digits = count.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/\D/g, '');
  assert.equal(digits, '3', `the result count does not say 3: "${count}"`);
  await assertHostUnharmed(s);
  await s.close();
});

/**
 * What sticks out sideways: the page's and the board's widths against the
 * viewport, elements of the board past either edge (outside any scrolling
 * box of its own), and the size of every Apply link in CSS px.
 */
async function layout(p) {
  return p.evaluate(() => {
    const host = document.querySelector('openings-board#main');
    const shadow = host.shadowRoot;
    const root = shadow.querySelector('.openings-board');
    const zoom = parseFloat(getComputedStyle(document.documentElement).zoom) || 1;
    const scrolls = (el) => {
      for (let a = el.parentElement; a && a !== root; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    const describe = (el) => `<${el.localName} class="${el.className}">`;
    const outside = [...shadow.querySelectorAll('*')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && (r.right > innerWidth + 0.5 || r.left < -0.5) && !scrolls(el);
    }).map((el) => {
      const r = el.getBoundingClientRect();
      return `${describe(el)} ${Math.round(r.left)}–${Math.round(r.right)}`;
    });
    return {
      innerWidth,
      pageScrollWidth: document.documentElement.scrollWidth,
      boardWidth: host.getBoundingClientRect().width,
      boardRight: host.getBoundingClientRect().right,
      boardScrollWidth: root.scrollWidth,
      boardClientWidth: root.clientWidth,
      outside,
      apply: [...shadow.querySelectorAll('a.apply')].map((a) => {
        const r = a.getBoundingClientRect();
        return { width: r.width / zoom, height: r.height / zoom, offsetWidth: a.offsetWidth, offsetHeight: a.offsetHeight };
      }),
      zoom,
    };
  });
}

function assertFits(l, where) {
  assert.ok(l.pageScrollWidth <= l.innerWidth,
    `${where}: the page scrolls sideways (scrollWidth ${l.pageScrollWidth} > ${l.innerWidth})`);
  assert.ok(l.boardRight <= l.innerWidth + 0.5 && l.boardWidth <= l.innerWidth,
    `${where}: the board is ${l.boardWidth}px wide, ending at ${l.boardRight}, in a ${l.innerWidth}px viewport`);
  assert.ok(l.boardScrollWidth <= l.boardClientWidth,
    `${where}: the board's content is ${l.boardScrollWidth}px wide in ${l.boardClientWidth}px`);
  assert.deepEqual(l.outside, [], `${where}: parts of the board stick out of the viewport`);
  assert.ok(l.apply.length > 0, `${where}: no Apply link to measure`);
  for (const a of l.apply) {
    assert.ok(a.width >= 24 && a.height >= 24, `${where}: an Apply link is ${a.width}×${a.height} CSS px, under 24×24 (WCAG 2.5.8)`);
  }
}

// Proves the board fits a 320 px phone and a 1280 px window zoomed to 200 %
// (a 640 px layout viewport; and the same by CSS zoom on the page) without
// sideways scrolling, with Apply a target of at least 24×24 CSS px — in the
// list and with an opening open.
test('at 320 px wide and at 200 % zoom nothing scrolls sideways and Apply stays a 24×24 target', async () => {
  const cases = [
    { where: '320 px wide', viewport: { width: 320, height: 640 } },
    { where: '1280 px at 200 % (640 px layout viewport)', viewport: { width: 640, height: 400 } },
    { where: '1280 px with the page zoomed to 200 % by CSS', viewport: { width: 1280, height: 800 }, zoom: true },
  ];
  for (const c of cases) {
    const s = await visitAt(page(), c.viewport);
    const b = board(s.page);
    if (c.zoom) await s.page.evaluate(() => { document.documentElement.style.zoom = '2'; });
    await waitForTitles(b, MUSEUM_TITLES);
    assertFits(await layout(s.page), `${c.where}, list`);
    await b.locator('.listing-title a', { hasText: 'Digital Collections Developer' }).click();
    await b.locator('.detail-title').waitFor({ state: 'visible' });
    assertFits(await layout(s.page), `${c.where}, an opening open`);
    await assertHostUnharmed(s);
    await s.close();
  }
});

/** The relative luminance (0 black … 1 white) of a CSS `rgb()`/`rgba()` colour. */
function luminance(css) {
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// Proves the board follows the reader's system settings: no transitions
// when they ask for reduced motion, and dark cards when they prefer a dark
// scheme and the board's theme is `auto`.
test('reduced motion turns transitions off, and a dark system scheme darkens an auto-themed board', async () => {
  const s = await visit(h, page({ theme: 'auto' }));
  const b = board(s.page);
  await waitForTitles(b, MUSEUM_TITLES);
  const apply = b.locator('.listing a.apply').first();
  const card = b.locator('.listing-card').first();
  const css = (loc, prop) => loc.evaluate((el, prop) => getComputedStyle(el).getPropertyValue(prop), prop);

  await s.page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  const durations = (await css(apply, 'transition-duration')).split(',').map((d) => d.trim());
  assert.ok(durations.every((d) => d === '0s'), `Apply still has transitions with reduced motion: ${durations}`);
  const light = await css(card, 'background-color');
  assert.ok(luminance(light) > 0.5, `with a light scheme the card is ${light}`);

  await s.page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'dark' });
  await eventually(async () => {
    const dark = await css(card, 'background-color');
    assert.ok(luminance(dark) < 0.1, `with a dark scheme and theme="auto" the card is ${dark}, not dark`);
    const text = await css(b.locator('.listing-title a').first(), 'color');
    assert.ok(luminance(text) > 0.5, `with a dark scheme the title text is ${text}, not light`);
  });
  await assertHostUnharmed(s);
  await s.close();
});

// ---------------------------------------------------------------------------
// Phones (issue 15)

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** The id of what has the focus inside the board's shadow root. */
const focusedId = (p) => p.evaluate(() => document.querySelector('openings-board#main').shadowRoot.activeElement?.id ?? null);

// Proves a job seeker on a phone sees openings on the first screen, with the
// filters one tap away behind a control that counts what is picked, picked
// values as chips above the list, Escape and "Show results" closing the panel
// with the focus back on the control, and axe silent in every state.
test('on a phone the openings come first and every filter is one tap away', async () => {
  const s = await openSession(h.browser, PHONE);
  await s.page.goto(page());
  const b = board(s.page);
  await waitForTitles(b, MUSEUM_TITLES);
  const first = await b.locator('.listing-title').first().boundingBox();
  assert.ok(first.y + first.height <= 844, `the first opening's title ends at ${first.y + first.height}px, below the first screen`);
  const control = b.locator('.filters-toggle');
  assert.ok(await control.isVisible(), 'the Filters control shows on a narrow board');
  assert.equal((await control.textContent()).trim(), 'Filters');
  assert.equal(await b.locator('.filters-panel').isVisible(), false, 'the filters are folded away');
  const count = await b.locator('.result-count').boundingBox();
  assert.ok(count.y < first.y, 'the count stays above the openings');
  await assertNoViolations(s.page, 'phone, list');

  await control.tap();
  await b.locator('.filters-panel').waitFor({ state: 'visible' });
  assert.equal(await control.getAttribute('aria-expanded'), 'true');
  assert.equal(await focusedId(s.page), 'openings-filters', 'the focus moved into the panel');
  await assertNoViolations(s.page, 'phone, filters open');

  await b.locator('.filters-panel .facet label').first().tap();
  await eventually(async () => assert.equal((await control.textContent()).trim(), 'Filters (1)'));
  await s.page.keyboard.press('Escape');
  await b.locator('.filters-panel').waitFor({ state: 'hidden' });
  assert.equal(await control.getAttribute('aria-expanded'), 'false');
  assert.notEqual(await focusedId(s.page), 'openings-filters', 'the focus left the panel');
  assert.equal(await s.page.evaluate(() => document.querySelector('openings-board#main').shadowRoot.activeElement?.className), 'filters-toggle',
    'the focus is back on the Filters control');

  const chip = b.locator('.active-filters .chip');
  assert.equal(await chip.count(), 1, 'the picked value shows as a chip');
  const chipBox = await chip.boundingBox();
  const firstNow = await b.locator('.listing-title').first().boundingBox();
  assert.ok(chipBox.y < firstNow.y, 'the chips sit above the list');
  assert.match(await chip.getAttribute('aria-label'), /^Remove the filter /);
  await assertNoViolations(s.page, 'phone, a filter picked');
  await chip.tap();
  await eventually(async () => assert.equal(await b.locator('.active-filters .chip').count(), 0));
  assert.equal((await control.textContent()).trim(), 'Filters');

  await control.tap();
  await b.locator('.filters-done').tap();
  await b.locator('.filters-panel').waitFor({ state: 'hidden' });
  assert.deepEqual(s.pageErrors, []);
  await assertHostUnharmed(s);
  await s.close();
});

// Proves that in an opened opening on a phone, Apply stays in reach while
// the reader scrolls (stuck to the bottom of the screen), never covers the
// end of the text, and Share hands the opening's link to the share sheet.
test('on a phone Apply stays in reach in an opening, and Share uses the share sheet', async () => {
  const s = await openSession(h.browser, PHONE);
  await s.page.addInitScript(() => {
    window.__shared = [];
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value: function (data) { window.__shared.push({ title: data.title, url: data.url }); return Promise.resolve(); },
    });
  });
  await s.page.goto(page());
  const b = board(s.page);
  await waitForTitles(b, MUSEUM_TITLES);
  await b.locator('.listing-title a', { hasText: 'Collections Registrar' }).tap();
  await b.locator('.detail').waitFor();
  const inReach = async (where) => {
    const apply = await b.locator('.detail-actions .apply').boundingBox();
    assert.ok(apply.y >= 0 && apply.y + apply.height <= 844, `${where}: Apply is at ${apply.y}px, out of reach`);
  };
  await inReach('at the top of the opening');
  await s.page.evaluate(() => window.scrollBy(0, 300));
  await inReach('scrolled down');
  await s.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await inReach('at the end');
  const text = await b.locator('.detail .rich-text').boundingBox();
  const bar = await b.locator('.detail-actions').boundingBox();
  assert.ok(text.y + text.height <= bar.y + 1, `at the end the bar (at ${bar.y}px) covers the text (ending at ${text.y + text.height}px)`);
  await assertNoViolations(s.page, 'phone, an opening');

  const share = b.locator('.detail-actions button.share');
  assert.equal((await share.textContent()).trim(), 'Share');
  await share.tap();
  await eventually(async () => assert.equal((await s.page.evaluate(() => window.__shared)).length, 1));
  const [shared] = await s.page.evaluate(() => window.__shared);
  assert.equal(shared.title, 'Collections Registrar');
  assert.match(shared.url, /[?&]openings-main=open:/);
  assert.deepEqual(s.pageErrors, []);
  await s.close();
});

// Proves the folded filters work in Arabic, right to left, on a dark board:
// the control and panel in Arabic, the panel opening at the start edge, and
// axe silent with the panel open.
test('on a phone an Arabic, dark board folds its filters the same way, right to left', async () => {
  const s = await openSession(h.browser, PHONE);
  await s.page.goto(page({ lang: 'ar', theme: 'dark' }));
  const b = board(s.page);
  await b.locator('.listing').first().waitFor({ timeout: 15_000 });
  assert.equal(await b.locator('.openings-board').getAttribute('dir'), 'rtl');
  const control = b.locator('.filters-toggle');
  assert.equal((await control.textContent()).trim(), 'عوامل التصفية');
  await control.tap();
  await b.locator('.filters-panel').waitFor({ state: 'visible' });
  await assertNoViolations(s.page, 'phone, Arabic, dark, filters open');
  const toggle = await control.boundingBox();
  const frame = await b.locator('.openings-board').boundingBox();
  const fromRight = frame.x + frame.width - (toggle.x + toggle.width);
  const fromLeft = toggle.x - frame.x;
  assert.ok(fromRight < fromLeft, `the control sits at the start (right) edge: ${fromRight}px from the right, ${fromLeft}px from the left`);
  await s.page.keyboard.press('Escape');
  await b.locator('.filters-panel').waitFor({ state: 'hidden' });
  assert.deepEqual(s.pageErrors, []);
  await s.close();
});
