//! `openings render` (issue 12): a board's first page in the page's own
//! HTML, a declarative shadow root the board's own components drew on the
//! host. Readable and linked with JavaScript off (as a crawler reads it);
//! with it on, the live board takes its place without a frame of nothing,
//! then searches; a snapshot older than its feed is simply replaced.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openSession } from './browser.mjs';
import { useHarness, openingsRender, board, titles, waitForTitles, eventually, assertHostUnharmed, framesLater, holdBack } from './harness.mjs';

const h = useHarness();
const MUSEUM_TITLES = ['Collections Registrar', 'Visitor Experience Associate', 'Digital Collections Developer'];

/** The HTML `openings render` writes for these arguments. */
const render = (args) => openingsRender(h, args);

const museum = () => `${h.servers.feedsOrigin}/feeds/museum.json`;

/**
 * Opens the rendered page in session `s` and waits until the live board has
 * taken the rendered one's place and lists the museum's openings: the board.
 */
async function takenOver(s) {
  await s.page.goto(h.servers.hostPage('rendered.html'));
  const b = board(s.page);
  await eventually(async () => assert.equal(
    await b.evaluate((el) => el.shadowRoot.querySelectorAll('[data-openings-snapshot]').length), 0,
    'the rendered board gave way'), { timeout: 20_000 });
  await waitForTitles(b, MUSEUM_TITLES);
  return b;
}

/**
 * Notes, every frame of the page `s` opens next, how many openings the
 * board shows (`shown`), their titles (`titles`) and whether it is the
 * rendered board (`snapshot`), and when (`at`), in `window.__frames`; and the rendered
 * board's results as the reader read them, in `window.__rendered`.
 */
function noteFrames(s) {
  return s.page.addInitScript(() => {
    window.__frames = [];
    const look = () => {
      const root = document.querySelector('openings-board#main')?.shadowRoot;
      if (root) {
        const titles = [...root.querySelectorAll('.listing .listing-title')]
          .filter((t) => t.getClientRects().length > 0).map((t) => t.textContent.trim());
        const snapshot = !!root.querySelector('[data-openings-snapshot]');
        window.__frames.push({ shown: titles.length, titles: titles.join(' | '), snapshot, at: performance.now() });
        if (titles.length && snapshot && window.__rendered === undefined) {
          window.__rendered = root.querySelector('[data-openings-snapshot] .results').innerText;
        }
      }
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}

// Proves that with JavaScript off (a crawler, a reader with scripts
// blocked) the rendered board's first page is there: every opening with its
// title linking to its deep link and its Apply link, the count, in the
// board's own markup and styles.
test('with JavaScript off the rendered board lists every opening with its links', { timeout: 60_000 }, async () => {
  h.servers.setRendered(await render([museum()]));
  const s = await openSession(h.browser, { javaScriptEnabled: false });
  await s.page.goto(h.servers.hostPage('rendered.html'));
  const b = board(s.page);
  assert.deepEqual((await titles(b)).sort(), [...MUSEUM_TITLES].sort());
  const links = await b.locator('.listing-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(links.every((href) => /^\?openings-main=open:/.test(href)), `titles link to their deep links: ${links}`);
  const apply = await b.locator('.listing a.apply').evaluateAll((as) => as.map((a) => a.href));
  assert.equal(apply.length, MUSEUM_TITLES.length);
  assert.ok(apply.every((href) => href.startsWith('http')), `${apply}`);
  assert.equal((await b.locator('.result-count').textContent()).trim(), '3 openings');
  const styled = await b.locator('.listing-card').first().evaluate((el) => getComputedStyle(el).display);
  assert.equal(styled, 'grid', 'the board stylesheet applies');
  await s.close();
});

// Proves the live board takes the rendered one's place without a frame in
// which no opening shows, then is the live board: it searches.
test('with JavaScript on the live board takes over without a blank frame, then searches', { timeout: 60_000 }, async () => {
  // The feed answers 1.5 s late, long after the board has started: all
  // that time the rendered openings stay in view.
  h.servers.setRendered(await render([`${h.servers.feedsOrigin}/slow/1500/museum.json`]));
  const s = await openSession(h.browser);
  await noteFrames(s);
  const b = await takenOver(s);
  const frames = await s.page.evaluate(() => window.__frames);
  const first = frames.findIndex((f) => f.shown > 0);
  assert.ok(first >= 0 && frames[first].snapshot, 'the rendered openings showed first');
  const blank = frames.slice(first).filter((f) => f.shown === 0);
  assert.deepEqual(blank, [], `${blank.length} frame(s) with no opening during the take-over`);
  assert.equal(await b.evaluate((el) => el.shadowRoot.querySelectorAll('.openings-root').length), 1, 'one board, not two');
  // What the reader read before and after is the same, word for word: the
  // count, each opening's facts, dates and pay, as the browser writes them.
  const rendered = await s.page.evaluate(() => window.__rendered);
  const live = await b.evaluate((el) => el.shadowRoot.querySelector('.openings-root .results').innerText);
  assert.equal(rendered, live);

  await b.getByRole('searchbox').fill('registrar');
  await waitForTitles(b, ['Collections Registrar']);
  await assertHostUnharmed(s);
  assert.deepEqual(s.pageErrors, []);
  await s.close();
});

// Proves a rendered board gives way once its feeds are in: the live
// board's first frame lists what the rendered one did, in the same order.
// It gave way with the first member's feed, a shorter list, then sorted the
// second's opening in among those shown; and with a large feed's first
// part, whose newest openings are not the whole feed's. (A member slower
// than the wait, a second, still comes after the take-over.)
for (const [setup, feeds, live, count] of [
  ['several feeds', (h) => [museum(), `${h.servers.feedsOrigin}/slow/600/archive.json`], null, '4 openings'],
  ['a feed that arrives in parts', (h) => [`${h.servers.feedsOrigin}/large/600`], (h) => `${h.servers.feedsOrigin}/large/600?pause=600`, '600 openings'],
]) test(`a rendered board gives way to the live board once its feeds are in (${setup})`, { timeout: 60_000 }, async () => {
  const args = feeds(h);
  h.servers.setRendered(await render(live ? [...args, '--feed-url', live(h)] : args));
  const s = await openSession(h.browser);
  await noteFrames(s);
  await s.page.goto(h.servers.hostPage('rendered.html'));
  const b = board(s.page);
  await eventually(async () => assert.equal(
    await b.evaluate((el) => el.shadowRoot.querySelectorAll('[data-openings-snapshot]').length), 0,
    'the rendered board gave way'), { timeout: 20_000 });
  await eventually(async () => assert.equal((await b.locator('.result-count').textContent()).trim(), count), { timeout: 20_000 });
  const frames = await s.page.evaluate(() => window.__frames);
  const rendered = frames.find((f) => f.snapshot && f.shown);
  const taken = frames.find((f) => !f.snapshot && f.shown);
  assert.ok(rendered && taken, JSON.stringify(frames.slice(0, 5)));
  if (!live) assert.match(rendered.titles, /Processing Archivist/, 'the rendered board lists both feeds');
  assert.equal(taken.titles, rendered.titles, 'the live board\'s first frame lists what the rendered one did');
  await assertHostUnharmed(s);
  await s.close();
});

/**
 * Milliseconds from `feed`'s answer (Resource Timing's end of its response)
 * to the first frame of the page `s` without the rendered board.
 */
async function takeOverAfter(s, feed) {
  const b = board(s.page);
  await eventually(async () => assert.equal(
    await b.evaluate((el) => el.shadowRoot.querySelectorAll('[data-openings-snapshot]').length), 0,
    'the rendered board gave way'), { timeout: 20_000 });
  return s.page.evaluate((feed) => {
    const answered = performance.getEntriesByType('resource').find((e) => e.name === feed).responseEnd;
    return window.__frames.find((f) => !f.snapshot).at - answered;
  }, feed);
}

// Proves a shared link (a search, an opening) on a rendered board of
// several feeds is shown once the first feed is in, not after the wait for
// a slow member: the rendered board shows neither, so the reader saw the
// link do nothing for a second (three, while the wait was that long).
test('a shared link on a rendered board is shown without waiting for a slow member', { timeout: 60_000 }, async () => {
  const slow = `${h.servers.feedsOrigin}/slow/4000/archive.json`;
  h.servers.setRendered(await render([museum(), slow]));
  for (const [link, shows] of [['q:registrar', '.result-count'], ['open:HM-2024-011', '#openings-detail-title']]) {
    const s = await openSession(h.browser);
    await noteFrames(s);
    // The first feed comes once the live board has started: what is timed
    // is the board's wait for its feeds, not its start (the feed is asked
    // for beside its WebAssembly, and a slow machine took longer than the
    // bound to compile and start it after the feed had come).
    const first = await holdBack(s.page, museum());
    await s.page.goto(h.servers.hostPage('rendered.html', { 'openings-main': link }));
    await s.page.waitForFunction(() => !!document.querySelector('openings-board#main')?._board, null, { timeout: 20_000 });
    first.release();
    const after = await takeOverAfter(s, museum());
    await board(s.page).locator(shows).first().waitFor();
    assert.ok(after < 700, `${link}: the rendered board gave way ${Math.round(after)} ms after the first feed came`);
    await assertHostUnharmed(s);
    await s.close();
  }
});

// Proves a rendered board that gave way at once for a shared search never
// goes back to "Loading openings…" while the rest of its feeds arrive (it
// did, for half a second, when the second of three came), and that a link
// to a page of the list waits for them as the list does: the page the
// reader sees first is the one they end with (it gave way with the first
// feed's page 2, which the second changed), with a search too (the live
// board takes the rendered one's place at once then, and its list waits).
test('a rendered board given way for a shared link stays listed; a page of the list waits', { timeout: 60_000 }, async () => {
  const f = h.servers.feedsOrigin;
  for (const [link, feeds] of [
    ['q:a', [`${f}/feeds/museum.json`, `${f}/slow/500/archive.json`, `${f}/slow/4000/library.json`]],
    ['page:2', [`${f}/feeds/museum.json`, `${f}/slow/500/archive.json`]],
    ['q:a;page:2', [`${f}/feeds/museum.json`, `${f}/slow/500/archive.json`]],
  ]) {
    h.servers.setRendered(await render([...feeds, '--attr', 'page-size=2']));
    const s = await openSession(h.browser);
    await noteFrames(s);
    await s.page.goto(h.servers.hostPage('rendered.html', { 'openings-main': link }));
    const b = board(s.page);
    await eventually(async () => assert.equal(
      await b.evaluate((el) => el.shadowRoot.querySelectorAll('[data-openings-snapshot]').length), 0,
      'the rendered board gave way'), { timeout: 20_000 });
    // Every feed in: a count, and nothing more on its way.
    await eventually(async () => assert.match(await b.locator('.result-count').textContent(), /^\s*\d+ openings?\s*$/), { timeout: 20_000 });
    await framesLater(s.page);
    const frames = await s.page.evaluate(() => window.__frames);
    const live = frames.filter((f) => !f.snapshot);
    const first = live.findIndex((f) => f.shown);
    assert.ok(first >= 0, link);
    assert.deepEqual(live.slice(first).filter((f) => !f.shown), [], `${link}: the live board went back to loading`);
    if (link.includes('page:2')) assert.equal(live[first].titles, live[live.length - 1].titles, `${link}: page 2 changed under the reader`);
    await assertHostUnharmed(s);
    await s.close();
  }
});

// Proves a rendered board, once taken over, is a live board: feeds its
// host points it to later are listed as a live board lists them (the first
// part of a large one at once), not held as for a take-over.
test('a rendered board taken over lists the feeds it is pointed to as a live board does', { timeout: 60_000 }, async () => {
  h.servers.setRendered(await render([museum()]));
  const s = await openSession(h.browser);
  const b = await takenOver(s);
  const large = `${h.servers.feedsOrigin}/large/600?pause=3000`;
  const took = await s.page.evaluate((feed) => new Promise((done) => {
    const el = document.querySelector('openings-board#main');
    const started = performance.now();
    el.setAttribute('feed', feed);
    const look = () => {
      if (el.shadowRoot.querySelector('.listing-title')?.textContent.includes('Opening')) done(performance.now() - started);
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }), large);
  assert.match(await b.locator('.result-count').textContent(), /Loading more/);
  assert.ok(took < 700, `the large feed's first part was listed ${Math.round(took)} ms after the board was pointed to it`);
  await assertHostUnharmed(s);
  await s.close();
});

// Proves the live board lets the rendered one be painted first: it asks for
// its WebAssembly and its feed only after the page's first frame with the
// rendered openings (started at once, its requests, compiling and locale
// data held that frame back).
test('the rendered board is painted before the live board asks for its code or feed', { timeout: 60_000 }, async () => {
  h.servers.setRendered(await render([museum()]));
  const s = await openSession(h.browser);
  await s.page.addInitScript(() => {
    // The first frame that has the rendered openings: its callbacks run just before it is painted.
    const look = () => {
      if (document.querySelector('openings-board#main')?.shadowRoot?.querySelector('.listing')) {
        window.__firstFrame = performance.now();
        return;
      }
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const b = await takenOver(s);
  const { frame, asked } = await s.page.evaluate(() => ({
    frame: window.__firstFrame,
    asked: performance.getEntriesByType('resource')
      .filter((e) => /openings-board_bg\.wasm$|museum\.json$/.test(e.name))
      .map((e) => [e.name.split('/').pop(), e.startTime]),
  }));
  assert.ok(frame > 0, 'no frame with the rendered openings was seen');
  assert.deepEqual(asked.map(([name]) => name).sort(), ['museum.json', 'openings-board_bg.wasm']);
  for (const [name, at] of asked) {
    assert.ok(at > frame, `${name} was asked for at ${at.toFixed(1)} ms, before the first frame with the rendered openings (${frame.toFixed(1)} ms)`);
  }
  await assertHostUnharmed(s);
  await s.close();
});

// Proves a snapshot older than its feed is replaced: rendered from one feed,
// read live from another, the board shows the live one's openings.
test('a rendered board older than its feed is replaced by what the feed says now', { timeout: 60_000 }, async () => {
  h.servers.setRendered(await render([museum(), '--feed-url', `${h.servers.feedsOrigin}/feeds/library.json`]));
  const s = await openSession(h.browser);
  await s.page.goto(h.servers.hostPage('rendered.html'));
  const b = board(s.page);
  await eventually(async () => {
    const now = await titles(b);
    assert.ok(now.length > 0 && !now.includes('Collections Registrar'), `still the rendered openings: ${now}`);
  }, { timeout: 20_000 });
  assert.equal(await b.evaluate((el) => el.shadowRoot.querySelectorAll('[data-openings-snapshot]').length), 0);
  await s.close();
});

// Proves a reader who tabbed into the rendered board before the live one
// took over keeps their place: the focus goes to the same opening's title
// in the live board (it fell to the page's body with the rendered board).
// Every listing's Apply reads the same: the one followed is the same
// opening's (it went to the first listing's, whose opening a screen reader
// then named).
test('a focus in the rendered board moves to the same link in the live board', { timeout: 60_000 }, async () => {
  h.servers.setRendered(await render([museum()]));
  for (const link of ['.listing-title a', '.apply']) {
    const s = await openSession(h.browser);
    // The live board's WebAssembly held back, so that the reader is first:
    // until they are on the link (1.5 s could be over before a slow
    // machine had them there, and the live board was first).
    const wasm = await holdBack(s.page, `${h.servers.widgetOrigin}/slow-wasm/openings-board_bg.wasm`);
    await s.page.goto(h.servers.hostPage('rendered.html', { slowwasm: '1' }));
    const b = board(s.page);
    const rendered = b.locator(`[data-openings-snapshot] .listing:nth-child(2) ${link}`);
    await rendered.waitFor({ timeout: 10_000 });
    const expected = { text: (await rendered.textContent()).trim(), opening: await rendered.evaluate((el) => el.closest('.listing').dataset.id), live: true };
    await rendered.focus();
    wasm.release();
    await takenOverHere(b);
    const focused = await b.evaluate((el) => {
      const active = el.shadowRoot.activeElement;
      return active ? { text: active.textContent.trim(), opening: active.closest('.listing')?.dataset.id, live: !!active.closest('.openings-root') } : null;
    });
    assert.deepEqual(focused, expected, `the focus on ${link} did not follow to the same opening's in the live board`);
    await assertHostUnharmed(s);
    await s.close();
  }
});

/** Waits until the live board `b` has taken the rendered one's place. */
async function takenOverHere(b) {
  await eventually(async () => assert.equal(
    await b.evaluate((el) => el.shadowRoot.querySelectorAll('[data-openings-snapshot]').length), 0,
    'the rendered board gave way'), { timeout: 20_000 });
}

// Proves what a reader did in the rendered board before the live board took
// over is carried over: the search typed, the sort picked, the filter ticked
// (all were dropped, and a tick's focus landed on another value). Also when
// the live board speaks another language than the rendered one (a page with
// no lang, a German browser): the words differ, the keys do not (matched by
// their words, the tick and the sort were dropped).
test('a search, a sort and a tick made in the rendered board carry over to the live board', { timeout: 60_000 }, async () => {
  h.servers.setRendered(await render([museum()]));
  for (const locale of ['en-US', 'de-DE']) {
    const s = await openSession(h.browser, { locale });
    if (locale !== 'en-US') {
      await s.page.addInitScript(() => document.addEventListener('readystatechange', () => document.documentElement.removeAttribute('lang')));
    }
    // The live board's WebAssembly held back until the reader has searched,
    // sorted and ticked in the rendered board (1.5 s could be over first on
    // a slow machine).
    const wasm = await holdBack(s.page, `${h.servers.widgetOrigin}/slow-wasm/openings-board_bg.wasm`);
    await s.page.goto(h.servers.hostPage('rendered.html', { slowwasm: '1' }));
    const b = board(s.page);
    const snapshot = b.locator('[data-openings-snapshot]');
    await snapshot.locator('.search').waitFor({ timeout: 10_000 });
    await snapshot.locator('.search').fill('collections');
    await snapshot.locator('select').selectOption('title');
    const value = snapshot.locator('fieldset.facet li').first();
    const key = await value.getAttribute('data-value');
    await value.locator('input[type=checkbox]').check();
    wasm.release();
    await takenOverHere(b);
    await eventually(async () => {
      assert.equal(await b.locator('.search').inputValue(), 'collections', `${locale}: the search typed was dropped`);
      assert.equal(await b.locator('select').inputValue(), 'title', `${locale}: the sort picked was dropped`);
      const ticked = await b.locator('fieldset.facet li', { has: s.page.locator('input:checked') }).evaluateAll((lis) => lis.map((li) => li.dataset.value));
      assert.deepEqual(ticked, [key], `${locale}: the value ticked was dropped`);
      assert.equal(await b.locator('.chip').count(), 1, `${locale}: no chip for the value ticked`);
    }, { timeout: 10_000 });
    const focused = await b.evaluate((el) => el.shadowRoot.activeElement?.closest('li')?.dataset.value ?? null);
    assert.equal(focused, key, `${locale}: the focus did not follow to the value ticked`);
    await assertHostUnharmed(s);
    await s.close();
  }
});
