//! The board as a reader and a site editor meet it: the release `dist/` in
//! headless Chromium, on a host page with an aggressive theme, served from an
//! origin that is neither the widget's nor the feeds'.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isoDate } from './servers.mjs';
import {
  useHarness, visit, board, titles, waitForTitles, eventually, assertHostUnharmed, framesLater, holdBack,
} from './harness.mjs';
import { openSession } from './browser.mjs';

const h = useHarness();
const feed = (name) => `${h.servers.feedsOrigin}/feeds/${name}`;
const MUSEUM_TITLES = ['Collections Registrar', 'Visitor Experience Associate', 'Digital Collections Developer'];
const LIBRARY_TITLES = ["Children's Librarian", 'Makerspace Coordinator'];
const RED = 'rgb(255, 0, 0)';
const LIME = 'rgb(0, 255, 0)';

const style = (locator, ...props) =>
  locator.evaluate((el, props) => {
    const cs = getComputedStyle(el);
    return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
  }, props);

// Proves the whole path: one script tag on a foreign page loads the build from
// its own origin, fetches a feed from a third origin, and lists every current
// opening with its facts; the closed one is not shown.
test('a reader sees the openings of a feed, each with its facts', async () => {
  const s = await visit(h, h.servers.hostPage('board.html'));
  const b = board(s.page);
  await waitForTitles(b, MUSEUM_TITLES);
  assert.equal((await b.locator('.result-count').textContent()).trim(), '3 openings');
  assert.ok(!(await titles(b)).includes('Summer Exhibition Intern'), 'an expired posting is listed');

  const registrar = b.locator('.listing', { hasText: 'Collections Registrar' });
  assert.equal((await registrar.locator('.listing-org').textContent()).trim(), 'Harbour Museum of Maritime History');
  assert.equal((await registrar.locator('.listing-location').textContent()).trim(), 'Portland, ME, United States');
  assert.equal((await registrar.locator('.listing-type').textContent()).trim(), 'Full-time');
  const salary = await registrar.locator('.listing-salary').textContent();
  assert.match(salary, /58[,.\u202f\u00a0 ]?000/);
  assert.match(salary, /64[,.\u202f\u00a0 ]?000/);
  assert.equal(await registrar.locator('.listing-posted time').getAttribute('datetime'), isoDate(-12));
  assert.equal(await registrar.locator('.listing-closes time').getAttribute('datetime'), isoDate(30));

  const developer = b.locator('.listing', { hasText: 'Digital Collections Developer' });
  assert.match(await developer.locator('.listing-location').textContent(), /^\s*Remote\b/);
  const visitor = b.locator('.listing', { hasText: 'Visitor Experience Associate' });
  assert.equal((await visitor.locator('.listing-type').textContent()).trim(), 'Part-time');
  assert.match(await visitor.locator('.listing-salary').textContent(), /19/);
  await assertHostUnharmed(s);
  await s.close();
});

// Proves a board holds still as it loads: nothing it has drawn moves, from
// "Loading" to the first screen of openings to the whole page with its
// filters, wide or on a phone, for a long list and a short one. Every move
// of something already drawn counts against the host page in Core Web
// Vitals (CLS; "good" is under 0.1): this board's loading used to cost its
// host 0.70 on a wide page, 0.59 on a phone. And the README's advice holds:
// a page that keeps the board's room has nothing below it move either.
test('a loading board moves nothing it has drawn (no layout shift for the host page)', { timeout: 60_000 }, async () => {
  const cases = [
    { name: '60 openings, wide', feed: `${h.servers.feedsOrigin}/large/60?whole=1`, viewport: { width: 1100, height: 900 }, count: '60 openings' },
    { name: '60 openings, phone', feed: `${h.servers.feedsOrigin}/large/60?whole=1`, viewport: { width: 390, height: 844 }, count: '60 openings' },
    { name: '3 openings, wide', feed: feed('museum.json'), viewport: { width: 1100, height: 900 }, count: '3 openings' },
    // The README's advice for a page with text under the board (its room
    // kept by the page's CSS): the text below does not move either.
    { name: 'the room kept, text below, 3 openings, phone', page: 'room.html', feed: `${h.servers.feedsOrigin}/slow/500/museum.json`, viewport: { width: 390, height: 844 }, count: '3 openings' },
    { name: 'the room kept, text below, 60 openings, wide', page: 'room.html', feed: `${h.servers.feedsOrigin}/large/60?whole=1`, viewport: { width: 1100, height: 900 }, count: '60 openings' },
  ];
  for (const c of cases) {
    const s = await openSession(h.browser, { viewport: c.viewport });
    await s.page.addInitScript(() => {
      window.shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (!e.hadRecentInput) window.shifts.push({ at: Math.round(e.startTime), value: e.value, from: e.sources.map((x) => `${Math.round(x.previousRect.x)},${Math.round(x.previousRect.y)} ${Math.round(x.previousRect.width)}x${Math.round(x.previousRect.height)}`) });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await s.page.goto(h.servers.hostPage(c.page ?? 'plain.html', { feed: c.feed }));
    const b = board(s.page);
    await eventually(async () => assert.match(await b.locator('.result-count').textContent(), new RegExp(`^\\s*${c.count}`)));
    await b.locator('fieldset.facet').first().waitFor({ state: 'attached' });
    await framesLater(s.page);
    const shifts = await s.page.evaluate(() => window.shifts);
    const total = shifts.reduce((sum, e) => sum + e.value, 0);
    assert.ok(total < 0.01, `${c.name}: what was drawn moved (layout shift ${total.toFixed(3)}): ${JSON.stringify(shifts)}`);
    await assertHostUnharmed(s);
    await s.close();
  }
});

// Proves the filters a reader sees stay while the board starts listing: a
// shared link's filter that nothing in the first feed matches shows the
// filters (the pick, its Clear button) while the second feed is on its
// way; when its first match comes, the filters stay, never gone for a
// frame, and a reader's keyboard focus on Clear stays there.
test('filters shown before the first match stay when it comes', { timeout: 30_000 }, async () => {
  const second = `${h.servers.feedsOrigin}/slow/2000/museum.json`;
  const feeds = `${feed('archive.json')} ${second}`;
  const s = await openSession(h.browser);
  // The second feed comes once the reader is on Clear and every frame is
  // watched (2 s after the board asks for it can be over by then on a slow
  // machine, and the story would watch nothing come).
  const held = await holdBack(s.page, second);
  await s.page.goto(`${h.servers.hostPage('board.html', { feed: feeds })}&openings-main=type:PART_TIME`);
  const b = board(s.page);
  await b.locator('fieldset.facet').first().waitFor();
  await b.locator('fieldset.facet .clear-facet').first().focus();
  await s.page.evaluate(() => {
    const root = document.querySelector('openings-board#main').shadowRoot;
    window.fewestFacets = root.querySelectorAll('fieldset.facet').length;
    new MutationObserver(() => {
      window.fewestFacets = Math.min(window.fewestFacets, root.querySelectorAll('fieldset.facet').length);
    }).observe(root, { subtree: true, childList: true });
  });
  held.release();
  await waitForTitles(b, ['Visitor Experience Associate']);
  await framesLater(s.page);
  assert.ok(await s.page.evaluate(() => window.fewestFacets) > 0, 'the filters went away for a frame when the first match came');
  const focused = await s.page.evaluate(() => document.querySelector('openings-board#main').shadowRoot.activeElement?.matches('fieldset.facet .clear-facet') ?? false);
  assert.ok(focused, 'the reader\'s keyboard focus left the filters');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves a reader who ticks a value while a shared link's filter matches
// nothing keeps the keyboard focus on it when that brings the first
// openings: the board, loaded already, patches its layout (a layout drawn
// anew for the first openings dropped the focus on a checkbox, which has
// no class to be found again by).
test('a value ticked while nothing matched keeps the focus as the first openings come', { timeout: 30_000 }, async () => {
  const s = await openSession(h.browser);
  await s.page.goto(`${h.servers.hostPage('board.html', { feed: feed('archive.json') })}&openings-main=type:PART_TIME`);
  const b = board(s.page);
  const value = b.locator('fieldset.facet[data-facet="type"] li[data-value="FULL_TIME"] input');
  await value.focus({ timeout: 15_000 });
  assert.equal(await b.locator('.listing').count(), 0, 'the shared filter matched an opening');
  await s.page.keyboard.press('Space');
  await waitForTitles(b, ['Digital Collections Developer', 'Processing Archivist']);
  await framesLater(s.page);
  const focused = await s.page.evaluate(() => document.querySelector('openings-board#main').shadowRoot
    .activeElement?.closest('li')?.dataset.value ?? null);
  assert.equal(focused, 'FULL_TIME', 'the keyboard focus left the value ticked');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves a short list comes with its facets while another feed is still on
// its way, on a slow phone's processor: they do not wait for it (a long
// list's do, up to a second), as a filters' column taller than the list,
// coming later, would move the page under the board; and they come in the
// same frame as the list, not a frame after it.
test('a short list comes with its facets while another feed is on its way', { timeout: 60_000 }, async () => {
  const other = `${h.servers.feedsOrigin}/slow/3000/library.json`;
  const feeds = `${feed('museum.json')} ${other}`;
  const s = await openSession(h.browser);
  // A processor four times slower: the board's work when the list comes
  // takes longer than a frame, and Yew 0.23 gives the browser its turn
  // once 16 ms have passed (yewstack/yew#4033).
  const cdp = await s.page.context().newCDPSession(s.page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // The other feed stays on its way until the first one's list has been
  // seen (a slow machine took more than its 3 s to list the first).
  const held = await holdBack(s.page, other);
  await s.page.addInitScript(() => {
    // What each frame shows (a frame's callbacks run just before it is
    // painted; the DOM between two tasks of one frame is never seen).
    window.listedWithoutFacets = 0;
    const look = () => {
      const root = document.querySelector('openings-board#main')?.shadowRoot;
      // The whole first feed listed (its first openings may come alone,
      // when its body arrives in parts, with too few values to filter by).
      if (root && root.querySelectorAll('.listing').length === 3 && !root.querySelector('fieldset.facet')) window.listedWithoutFacets += 1;
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await s.page.goto(h.servers.hostPage('board.html', { feed: feeds }));
  const b = board(s.page);
  await waitForTitles(b, MUSEUM_TITLES);
  await framesLater(s.page);
  assert.match(await b.locator('.result-count').textContent(), /Loading more/, 'the second feed was already in');
  // Yew's turn given to the browser came after the list was made and
  // before the filters, only given new properties, were drawn again: a
  // frame or two showed the listings without their facets (the count
  // missing too). The list is there from the start now, and the facets'
  // list made with its values.
  const frames = await s.page.evaluate(() => window.listedWithoutFacets);
  assert.equal(frames, 0, `the listings came without their facets for ${frames} frames`);
  held.release();
  await assertHostUnharmed(s);
  await s.close();
});

// Proves facets drawn for a short list stay when it grows past a screen
// while other feeds are still on their way, and a reader's keyboard focus
// on one of them with them (they went away until the wait for the other
// feeds was over, and the focus with them). A board of several feeds lists
// the first one's openings once the others have kept it waiting a second:
// the second feed comes after that, the third later still.
test('facets drawn for a short list stay when it grows while feeds arrive', { timeout: 30_000 }, async () => {
  const second = `${h.servers.feedsOrigin}/large/20?whole=1&delay=2500`;
  const third = `${h.servers.feedsOrigin}/slow/6000/archive.json`;
  const feeds = `${feed('museum.json')} ${second} ${third}`;
  const s = await openSession(h.browser);
  // The second feed comes once the reader is on a facet value and every
  // frame is watched, the third after the story (a slow machine listed the
  // first feed only after the second's 2.5 s: the three came together).
  const heldSecond = await holdBack(s.page, second);
  const heldThird = await holdBack(s.page, third);
  await s.page.goto(h.servers.hostPage('board.html', { feed: feeds }));
  const b = board(s.page);
  await waitForTitles(b, MUSEUM_TITLES);
  const first = b.locator('fieldset.facet input[type=checkbox]').first();
  await first.waitFor();
  const id = await first.getAttribute('id');
  const value = b.locator(`#${id}`);
  const label = await b.locator(`label[for="${id}"] .facet-label`).textContent();
  await value.focus();
  await s.page.evaluate(() => {
    // Frame by frame, as the reader sees it.
    const root = document.querySelector('openings-board#main').shadowRoot;
    window.facetsGone = 0;
    const look = () => {
      if (!root.querySelector('fieldset.facet')) window.facetsGone += 1;
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  heldSecond.release();
  await eventually(async () => assert.match(await b.locator('.result-count').textContent(), /^\s*23 openings/), { timeout: 10_000 });
  await framesLater(s.page);
  assert.match(await b.locator('.result-count').textContent(), /Loading more/, 'the third feed was already in');
  assert.equal(await s.page.evaluate(() => window.facetsGone), 0, 'the facets went away when the list grew');
  assert.ok(await value.evaluate((el) => el.getRootNode().activeElement === el), 'the reader\'s focus left the facet value');
  assert.equal(await b.locator(`label[for="${id}"] .facet-label`).textContent(), label, 'the focused value moved');
  heldThird.release();
  await assertHostUnharmed(s);
  await s.close();
});

// Proves the board tells the reader it is working while a slow feed loads.
test('a reader sees a loading message until a slow feed arrives', async () => {
  const slow = `${h.servers.feedsOrigin}/slow/2500/museum.json`;
  const s = await openSession(h.browser);
  // The feed is held back until the message has been seen: the board asks
  // for it before its WebAssembly has arrived, and a slow machine started
  // the board only after the feed's 2.5 s (no loading state to see).
  const held = await holdBack(s.page, slow);
  await s.page.goto(h.servers.hostPage('board.html', { feed: slow }));
  const b = board(s.page);
  const loading = b.getByRole('status').filter({ hasText: /Loading openings/ });
  await loading.waitFor({ state: 'visible', timeout: 10_000 });
  held.release();
  await waitForTitles(b, MUSEUM_TITLES);
  assert.equal(await b.locator('.loading').count(), 0, 'the loading message stays after the openings arrived');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves Apply is a real link to the recruiting portal that opens in a new
// tab without giving the portal a handle on the host page.
test('Apply opens the recruiting portal in a new tab', async () => {
  const s = await visit(h, h.servers.hostPage('board.html'));
  const b = board(s.page);
  await waitForTitles(b, MUSEUM_TITLES);
  const apply = b.locator('.listing', { hasText: 'Collections Registrar' }).getByRole('link', { name: /Apply/ });
  const portal = `${h.servers.feedsOrigin}/portal/harbour/collections-registrar`;
  assert.equal(await apply.getAttribute('href'), portal);
  assert.equal(await apply.getAttribute('target'), '_blank');
  assert.deepEqual((await apply.getAttribute('rel')).split(/\s+/).sort(), ['noopener', 'noreferrer']);

  const [tab] = await Promise.all([s.context.waitForEvent('page'), apply.click()]);
  await tab.waitForLoadState();
  assert.equal(tab.url(), portal);
  assert.equal(await tab.title(), 'Apply: harbour/collections-registrar');
  assert.equal(s.page.url(), h.servers.hostPage('board.html'), 'the host page navigated away');
  assert.equal(await tab.evaluate(() => window.opener), null, 'the portal got a handle on the host page');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves the host's `* { … !important }`, `input, button, a { display: none }`
// and same-named classes do not reach inside the board: its controls are
// shown and styled by the board.
test('the host page\'s aggressive theme does not reach the board\'s controls', async () => {
  const s = await visit(h, h.servers.hostPage('board.html', {
    feed: `${feed('museum.json')} ${h.servers.feedsOrigin}/fault/500`,
  }));
  const b = board(s.page);
  await waitForTitles(b, MUSEUM_TITLES);

  const search = b.getByRole('searchbox', { name: 'Search openings' });
  const apply = b.locator('.listing').first().locator('a.apply');
  const retry = b.getByRole('button', { name: 'Retry' });
  for (const [what, control] of [['search box', search], ['Apply link', apply], ['Retry button', retry]]) {
    assert.ok(await control.isVisible(), `the ${what} is hidden by the host's CSS`);
    const st = await style(control, 'display', 'background-color', 'letter-spacing', 'text-transform');
    assert.notEqual(st.display, 'none', `the ${what} takes the host's display`);
    assert.notEqual(st['background-color'], LIME, `the ${what} takes the host's background`);
    assert.notEqual(st['letter-spacing'], '7px', `the ${what} takes the host's .apply/.search rule`);
    assert.notEqual(st['text-transform'], 'uppercase', `the ${what} takes the host's .apply/.search rule`);
  }
  const title = b.locator('.listing-title').first();
  const t = await style(title, 'color', 'font-size', 'font-family', 'text-align', 'margin-top');
  assert.notEqual(t.color, RED, 'listing titles inherit the host\'s red');
  assert.notEqual(t['font-size'], '40px', 'listing titles inherit the host\'s 40px');
  assert.notEqual(t['margin-top'], '31px', 'the host\'s h3 rule reaches a listing title');
  const listing = await style(b.locator('.listing').first(), 'background-color', 'border-left-width', 'padding-top');
  assert.notEqual(listing['background-color'], 'rgb(255, 255, 0)', 'the host\'s .listing rule reaches a listing');
  assert.notEqual(listing['border-left-width'], '9px', 'the host\'s .listing rule reaches a listing');
  const text = await style(b.locator('.listing-org').first(), 'color', 'font-size', 'line-height');
  assert.notEqual(text.color, RED, 'listing text inherits the host\'s red');
  assert.notEqual(text['font-size'], '40px', 'listing text inherits the host\'s 40px');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves the host's theme changes nothing of the board's layout either: the
// same board measures the same on the aggressive page as on a page with no
// CSS at all (`rem` units, for one, would follow the host's root font size).
test('the board measures the same on the aggressive host page as on a plain one', async () => {
  const measure = async (page) => {
    const b = board(page);
    await waitForTitles(b, MUSEUM_TITLES);
    const targets = {
      search: b.getByRole('searchbox', { name: 'Search openings' }),
      apply: b.locator('.listing').first().locator('a.apply'),
      title: b.locator('.listing-title').first(),
      org: b.locator('.listing-org').first(),
      listing: b.locator('.listing').first(),
    };
    const out = {};
    for (const [name, loc] of Object.entries(targets)) {
      out[name] = await loc.evaluate((el) => {
        const c = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return {
          width: Math.round(r.width), height: Math.round(r.height),
          padding: c.padding, fontSize: c.fontSize, lineHeight: c.lineHeight,
          fontFamily: c.fontFamily, color: c.color, background: c.backgroundColor,
        };
      });
    }
    return out;
  };
  const plain = await visit(h, h.servers.hostPage('plain.html'));
  const expected = await measure(plain.page);
  await plain.close();
  const s = await visit(h, h.servers.hostPage('board.html'));
  assert.deepEqual(await measure(s.page), expected);
  await assertHostUnharmed(s);
  await s.close();
});

// Proves the board's stylesheet stays in its shadow root: the host's own
// `.listing` and `.apply` elements look exactly as they do with no board.
test('the board\'s stylesheet does not reach the host\'s elements of the same class', async () => {
  const props = ['color', 'background-color', 'border-left-width', 'border-left-color', 'border-top-style',
    'padding-top', 'margin-top', 'font-size', 'font-family', 'font-weight', 'text-transform',
    'letter-spacing', 'display', 'text-decoration-line', 'border-radius', 'box-shadow', 'line-height'];
  const hostStyles = async (session) => ({
    listing: await style(session.page.locator('#host-listing'), ...props),
    apply: await style(session.page.locator('#host-apply'), ...props),
    footer: await style(session.page.locator('#host-footer'), ...props),
    body: await style(session.page.locator('body'), ...props),
  });

  const bare = await visit(h, h.servers.hostPage('board.html', { nowidget: '1' }));
  const expected = await hostStyles(bare);
  await bare.close();
  assert.equal(expected.listing['background-color'], 'rgb(255, 255, 0)', 'the host theme did not load');

  const s = await visit(h, h.servers.hostPage('board.html'));
  await waitForTitles(board(s.page), MUSEUM_TITLES);
  assert.deepEqual(await hostStyles(s), expected);
  const sheets = await s.page.evaluate(() => [...document.styleSheets].map((x) => x.href ?? 'inline')
    .concat(document.adoptedStyleSheets.map(() => 'adopted')));
  assert.deepEqual(sheets, [`${h.servers.hostOrigin}/host.css`], 'the board added a stylesheet to the host document');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves the keyword search filters as the reader types (by title and by
// place), and that a query that matches nothing says so.
test('typing in the search box filters as you type, and no match shows the empty state', async () => {
  const s = await visit(h, h.servers.hostPage('board.html'));
  const b = board(s.page);
  await waitForTitles(b, MUSEUM_TITLES);
  const search = b.getByRole('searchbox', { name: 'Search openings' });

  await search.pressSequentially('regis', { delay: 30 });
  await waitForTitles(b, ['Collections Registrar']);
  assert.equal((await b.locator('.result-count').textContent()).trim(), '1 opening');

  await search.fill('');
  await waitForTitles(b, MUSEUM_TITLES);
  await search.pressSequentially('portland', { delay: 20 });
  await waitForTitles(b, ['Collections Registrar', 'Visitor Experience Associate']);

  await search.fill('');
  await search.pressSequentially('zebra', { delay: 20 });
  await waitForTitles(b, []);
  await eventually(async () =>
    assert.equal((await b.locator('.empty').textContent()).trim(), 'No openings match “zebra”.'));
  assert.equal((await b.locator('.result-count').textContent()).trim(), 'No openings');

  await search.fill('');
  await waitForTitles(b, MUSEUM_TITLES);
  assert.equal(await b.locator('.empty').count(), 0);
  await assertHostUnharmed(s);
  await s.close();
});

// Proves boards are independent: each lists its own feed, and searching in
// one leaves the other as it was.
test('two boards on one page stay separate', async () => {
  const s = await visit(h, h.servers.hostPage('two-boards.html'));
  const museums = board(s.page, 'museums');
  const libraries = board(s.page, 'libraries');
  await waitForTitles(museums, MUSEUM_TITLES);
  await waitForTitles(libraries, LIBRARY_TITLES);

  await museums.getByRole('searchbox', { name: 'Search openings' }).pressSequentially('developer', { delay: 20 });
  await waitForTitles(museums, ['Digital Collections Developer']);
  await new Promise((ok) => setTimeout(ok, 300));
  assert.deepEqual((await titles(libraries)).sort(), [...LIBRARY_TITLES].sort());
  assert.equal(await libraries.getByRole('searchbox', { name: 'Search openings' }).inputValue(), '');
  // Each board's label belongs to its own search box, not the first one on the page.
  await libraries.locator('label', { hasText: 'Search openings' }).click();
  const focused = await s.page.evaluate(() => {
    const el = document.activeElement;
    return { board: el?.id, control: el?.shadowRoot?.activeElement?.className };
  });
  assert.deepEqual(focused, { board: 'libraries', control: 'search' });
  await assertHostUnharmed(s);
  await s.close();
});

// Proves one board merges several feeds, and lists an opening that two feeds
// share only once.
test('one board with two feeds merges them and lists a shared opening once', async () => {
  const s = await visit(h, h.servers.hostPage('board.html', {
    feed: `${feed('museum.json')}  ${feed('archive.json')}`,
  }));
  const b = board(s.page);
  await waitForTitles(b, [...MUSEUM_TITLES, 'Processing Archivist']);
  assert.equal((await b.locator('.result-count').textContent()).trim(), '4 openings');
  const archivist = b.locator('.listing', { hasText: 'Processing Archivist' });
  assert.equal((await archivist.locator('.listing-org').textContent()).trim(), 'Northfield County Archives');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves a feed that fails ends in the error state with Retry, and that Retry
// loads it once the server answers again.
test('a broken feed ends in the error state, and Retry loads it once fixed', async () => {
  h.servers.setSwitch('museum', '500');
  const url = `${h.servers.feedsOrigin}/switch/museum`;
  const s = await visit(h, h.servers.hostPage('board.html', { feed: url }));
  const b = board(s.page);
  const alert = b.getByRole('alert');
  await alert.waitFor({ state: 'visible', timeout: 20_000 });
  assert.match(await alert.textContent(), new RegExp(`Could not load openings from ${url.replace(/[.]/g, '\\.')}`));
  assert.equal(await b.locator('.listing').count(), 0);
  assert.equal(await b.locator('.loading').count(), 0, 'the loading message stays beside the error');

  h.servers.setSwitch('museum', 'ok');
  // By keyboard: the notice holding Retry goes while the feed loads again,
  // and the focus stays in the board (it used to fall to the page's top).
  await b.getByRole('button', { name: 'Retry' }).focus();
  await s.page.keyboard.press('Enter');
  await waitForTitles(b, MUSEUM_TITLES);
  assert.equal(await s.page.evaluate(() => document.activeElement?.id), 'main', 'after Retry the focus left the board');
  await s.page.keyboard.press('Tab');
  assert.equal(await s.page.evaluate(() => document.activeElement?.id), 'main', 'Tab after Retry left the board');
  assert.equal(await b.locator('.notice-error').count(), 0, 'the error stays after a successful retry');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves a Retry by keyboard that fails again puts the focus on the new
// Retry button, so the reader can try once more without hunting for it
// (it stayed on the board as a whole, one Tab away); and that when the
// board tries the feed again by itself (a server error may pass), which
// takes that button away, the focus stays in the board (it fell to the
// page's body). By mouse, the focus is not moved to the new Retry, where
// the Space that scrolls the page would press it.
test('a Retry that fails again gives the focus to the new Retry button', { timeout: 60_000 }, async () => {
  h.servers.setSwitch('museum', '500');
  const url = `${h.servers.feedsOrigin}/switch/museum`;
  const s = await visit(h, h.servers.hostPage('board.html', { feed: url }));
  const b = board(s.page);
  const retry = b.getByRole('button', { name: 'Retry' });
  await retry.waitFor({ state: 'visible', timeout: 20_000 });
  const focused = () => s.page.evaluate(() => {
    const active = document.querySelector('openings-board').shadowRoot.activeElement;
    return active ? `${active.localName}.${active.className}` : `outside the board: ${document.activeElement?.localName}`;
  });
  await retry.focus();
  await s.page.keyboard.press('Enter');
  // The new notice comes once the second attempt has failed.
  await s.page.waitForFunction(() => {
    const root = document.querySelector('openings-board').shadowRoot;
    return root.activeElement?.classList.contains('retry');
  }, null, { timeout: 20_000 }).catch(() => {});
  assert.equal(await focused(), 'button.retry', 'after a failed Retry the focus is not on the new Retry');
  // Counts the error notices drawn, each failed attempt's.
  await s.page.evaluate(() => {
    const root = document.querySelector('openings-board').shadowRoot;
    window.notices = 0;
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.classList?.contains('notice-error')) window.notices += 1;
    }).observe(root, { subtree: true, childList: true });
  });
  const failedAgain = async () => {
    const before = await s.page.evaluate(() => window.notices);
    await s.page.waitForFunction((n) => window.notices > n, before, { timeout: 30_000 });
    await framesLater(s.page);
  };
  // The board tries again by itself: the notice and its Retry go meanwhile.
  await failedAgain();
  assert.equal(await focused(), 'section.openings-board', 'when the board tried again by itself, the focus left it');
  // By mouse, failing again: the focus is not moved to the new Retry.
  await retry.click();
  await failedAgain();
  assert.notEqual(await focused(), 'button.retry', 'after a failed Retry by mouse the focus was moved to the new Retry');
  // Once more by keyboard, and this time the server answers.
  h.servers.setSwitch('museum', 'ok');
  await retry.focus();
  await s.page.keyboard.press('Enter');
  await waitForTitles(b, MUSEUM_TITLES);
  assert.equal(await s.page.evaluate(() => document.activeElement?.id), 'main', 'after the last Retry the focus left the board');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves a reader who scrolled away while a Retry ran is left reading: when
// it fails again, the focus is not moved to the new Retry, off screen, where
// their next Space would press it instead of scrolling the page.
test('a Retry that fails again after the reader scrolled away leaves the focus and the page be', { timeout: 30_000 }, async () => {
  const feeds = h.servers.feedsOrigin;
  const s = await openSession(h.browser, { viewport: { width: 1100, height: 700 } });
  let asked = 0;
  await s.page.route(`${feeds}/flaky/*`, async (route) => {
    asked += 1;
    // The first answer at once, the Retry's after a while: both fail.
    if (asked > 1) await new Promise((ok) => setTimeout(ok, 1_500));
    await route.fulfill({ status: 500, headers: { 'access-control-allow-origin': '*' }, body: 'down' });
  });
  await s.page.goto(h.servers.hostPage('board.html', { feed: `${feeds}/flaky/feed.json ${feeds}/large/60?whole=1` }));
  const b = board(s.page);
  const retry = b.getByRole('button', { name: 'Retry' });
  await retry.waitFor({ timeout: 20_000 });
  // The working feed's page is listed: the failing feed's notice can come
  // first (it failed at once), and a page without it has nothing to scroll.
  await b.locator('.listing').nth(19).waitFor({ timeout: 20_000 });
  await retry.focus();
  await s.page.keyboard.press('Enter');
  await s.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  assert.ok(await s.page.evaluate(() => window.scrollY) > 700, 'the page did not scroll');
  // Where the reader is: the last opening of the page, on screen.
  const last = b.locator('.listing').last();
  const at = async () => Math.round((await last.boundingBox()).y);
  const before = await at();
  await retry.waitFor({ timeout: 20_000 });
  await framesLater(s.page);
  const on = await s.page.evaluate(() => document.querySelector('openings-board#main').shadowRoot.activeElement?.className);
  assert.notEqual(on, 'retry', 'the focus was moved to the new Retry, off screen');
  assert.equal(await at(), before, 'what the reader was reading moved on the screen');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves a board its host hides (display: none) while the reader's focus is
// in it takes nothing and leaves nothing: shown again, a click on its text
// does not make it the focus (a focusable board left behind by its focus
// guard sent the next Tab back to its top).
test('a board hidden by its host with the focus in it leaves no focus trap behind', async () => {
  const s = await visit(h, h.servers.hostPage('board.html', { feed: feed('museum.json') }));
  const b = board(s.page);
  await waitForTitles(b, MUSEUM_TITLES);
  await b.locator('.listing-title a').first().focus();
  await s.page.evaluate(() => { document.querySelector('openings-board#main').style.display = 'none'; });
  await framesLater(s.page);
  await s.page.evaluate(() => { document.querySelector('openings-board#main').style.display = ''; });
  await framesLater(s.page);
  assert.equal(await b.evaluate((el) => el.shadowRoot.querySelector('section').getAttribute('tabindex')), null, 'the hidden board was left focusable');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves one dead feed does not take the others down: the working feed's
// openings show, with a notice naming the failing one.
test('a failing feed beside a working one: the working one shows, with a notice naming the other', async () => {
  const dead = `${h.servers.feedsOrigin}/fault/404`;
  const s = await visit(h, h.servers.hostPage('board.html', { feed: `${feed('museum.json')} ${dead}` }));
  const b = board(s.page);
  await waitForTitles(b, MUSEUM_TITLES);
  const notice = b.locator('.notice-error');
  await notice.waitFor({ state: 'visible', timeout: 20_000 });
  assert.match(await notice.textContent(), new RegExp(`Could not load openings from ${dead.replace(/[.]/g, '\\.')}`));
  assert.ok(!(await notice.textContent()).includes('museum.json'), 'the notice blames the working feed');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves the board never blocks or breaks the host page's own scripts: a
// host timer ticks before the openings arrive and keeps ticking after.
test('the host page\'s own scripts keep running while boards load', async () => {
  const s = await visit(h, h.servers.hostPage('two-boards.html', {
    museums: `${h.servers.feedsOrigin}/slow/1500/museum.json`,
    libraries: `${h.servers.feedsOrigin}/slow/1500/library.json`,
  }));
  // The first tick may come a moment after the page has loaded (20 ms
  // timer, a busy machine); the feeds take 1.5 s.
  const before = await eventually(async () => {
    const ticks = await s.page.evaluate(() => window.hostTicks);
    assert.ok(ticks > 0, 'the host timer did not run before the boards loaded');
    return ticks;
  }, { timeout: 1_000, interval: 20 });
  assert.equal(await board(s.page, 'museums').locator('.listing').count(), 0, 'the feeds came before the timer');
  await waitForTitles(board(s.page, 'museums'), MUSEUM_TITLES);
  const atLoad = await s.page.evaluate(() => window.hostTicks);
  assert.ok(atLoad > before, 'the host timer stopped while the boards loaded');
  await eventually(async () => {
    assert.ok(Number(await s.page.locator('#host-counter').textContent()) > atLoad + 5,
      'the host timer stopped after the boards loaded');
  });
  await assertHostUnharmed(s);
  await s.close();
});

// Proves a board added by a script after the page loaded (a CMS, a
// single-page app) renders like one in the markup.
test('a board added later by a script works', async () => {
  const s = await visit(h, h.servers.hostPage('no-board.html'));
  await s.page.waitForFunction(() => customElements.get('openings-board') !== undefined);
  await s.page.evaluate((url) => {
    const el = document.createElement('openings-board');
    el.id = 'late';
    el.setAttribute('feed', url);
    document.getElementById('app').append(el);
  }, feed('library.json'));
  await waitForTitles(board(s.page, 'late'), LIBRARY_TITLES);
  await assertHostUnharmed(s);
  await s.close();
});

// Proves removing a board cleans up: removing one whose feed is still on its
// way, and one that has rendered, throws nothing, and the others stay.
test('removing a board cleans up without errors', async () => {
  const s = await visit(h, h.servers.hostPage('two-boards.html', {
    museums: `${h.servers.feedsOrigin}/slow/1200/museum.json`,
  }));
  const libraries = board(s.page, 'libraries');
  await waitForTitles(libraries, LIBRARY_TITLES);
  await s.page.evaluate(() => document.getElementById('museums').remove()); // feed still in flight
  await new Promise((ok) => setTimeout(ok, 2000));
  await s.page.evaluate(() => document.getElementById('libraries').remove()); // rendered
  await new Promise((ok) => setTimeout(ok, 500));
  assert.equal(await s.page.locator('openings-board').count(), 0);

  // The page can still add a board afterwards.
  await s.page.evaluate((url) => {
    const el = document.createElement('openings-board');
    el.id = 'again';
    el.setAttribute('feed', url);
    document.body.append(el);
  }, feed('museum.json'));
  await waitForTitles(board(s.page, 'again'), MUSEUM_TITLES);
  const errors = s.consoleMessages.filter((m) => m.type === 'error');
  assert.deepEqual(errors, [], 'removing boards logged errors');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves a board follows its `feed` attribute: changing it replaces the
// listings with the new feed's.
test('changing a board\'s feed attribute reloads it', async () => {
  const s = await visit(h, h.servers.hostPage('board.html'));
  const b = board(s.page);
  await waitForTitles(b, MUSEUM_TITLES);
  await b.evaluate((el, url) => el.setAttribute('feed', url), feed('archive.json'));
  await waitForTitles(b, ['Processing Archivist', 'Digital Collections Developer']);
  assert.equal((await b.locator('.result-count').textContent()).trim(), '2 openings');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves entries that cannot be shown (no title, a `javascript:` link) are
// left out, never turned into links, and the board says how many and why.
test('entries without a title or with an unsafe link are skipped, and the board says so', async () => {
  const url = feed('library.json');
  const s = await visit(h, h.servers.hostPage('board.html', { feed: url }));
  const b = board(s.page);
  await waitForTitles(b, LIBRARY_TITLES);
  const warning = b.locator('.notice-warning');
  await warning.waitFor({ state: 'visible' });
  const said = await warning.textContent();
  assert.match(said, /\b2 entries\b/);
  assert.ok(said.includes(url), `the notice does not name the feed: ${said}`);
  assert.equal(await b.locator('.notice-error').count(), 0, 'skipped entries are shown as an error');
  const hrefs = await b.evaluate((el) => [...el.shadowRoot.querySelectorAll('[href]')].map((a) => a.getAttribute('href')));
  assert.ok(hrefs.every((href) => !/^\s*javascript:/i.test(href)), `a javascript: link reached the DOM: ${hrefs}`);
  assert.ok(!(await titles(b)).includes('Bookmobile Driver'));
  assert.ok(s.boardMessages().some((m) => /skip/i.test(m.text)), 'the console does not mention the skipped entries');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves the browser's Back from an opening gives the keyboard focus back
// to its title in the list, as the board's own Back does (it went to the
// board, and the next Tab to the search box: the reader lost their place).
test('the browser\'s Back from an opening gives the focus back to its title', async () => {
  const s = await visit(h, h.servers.hostPage('board.html'));
  const b = board(s.page);
  await waitForTitles(b, MUSEUM_TITLES);
  await b.locator('.listing-title a', { hasText: 'Visitor Experience Associate' }).press('Enter');
  await b.locator('#openings-detail-title').waitFor();
  await s.page.goBack();
  await eventually(async () => assert.equal(
    await b.evaluate((el) => el.shadowRoot.activeElement?.textContent.trim() ?? null), 'Visitor Experience Associate'));
  await assertHostUnharmed(s);
  await s.close();
});
