//! The board in Firefox: Debian's Firefox ESR, driven by puppeteer-core over
//! WebDriver BiDi (never a downloaded browser), against the same three
//! origins and the same release `dist/` as the Chromium stories. What a
//! reader does most — read, search, filter, open an opening by keyboard,
//! share its link, go back — and what differs most between engines: the
//! feed read as it streams, a declarative shadow root taken over, a phone's
//! filters panel, a host page whose user content clobbers `document`, the
//! strict Content-Security-Policy SECURITY.md gives; and
//! what a site editor does in it: the configurator, and its snippet pasted.

import assert from 'node:assert/strict';
import { test, before, after } from 'node:test';
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { startServers, distIsBuilt, distDir } from './servers.mjs';
import { eventually } from './browser.mjs';
import { openingsRender } from './harness.mjs';
import { strictPolicy, loaderIntegrity, startPolicyHost } from './policy.mjs';

/** The Firefox to drive: `$FIREFOX`, else Debian's Firefox ESR. */
const firefoxPath = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

const MUSEUM_TITLES = ['Collections Registrar', 'Visitor Experience Associate', 'Digital Collections Developer'];

const h = { servers: null, browser: null };

before(async () => {
  if (!distIsBuilt()) throw new Error(`no build in ${distDir}: run \`cargo xtask dist\` first, or set DIST`);
  if (!existsSync(firefoxPath)) {
    throw new Error(`Firefox not found at ${firefoxPath}: install it (apt-get install firefox-esr) or set FIREFOX to its path`);
  }
  h.servers = await startServers();
  h.browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    // Nothing but loopback: no update, telemetry or portal checks.
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
    },
  });
});

after(async () => {
  await h.browser?.close();
  await h.servers?.close();
});

/**
 * A fresh page (its own browser context) at `url`, `width` × `height`,
 * that records the page's uncaught errors: `{page, errors, loaded,
 * close()}`; `loaded` is the navigation, waited for unless `wait` is false
 * (a page whose scripts are held back is never loaded).
 */
async function visit(url, { width = 1100, height = 900, prepare, wait = true } = {}) {
  const context = await h.browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width, height });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await prepare?.(page);
  const loaded = page.goto(url);
  loaded.catch(() => {}); // a page closed before it loaded: the story says why
  if (wait) await loaded;
  return { page, errors, loaded, close: () => context.close() };
}

/** Runs `fn(root, arg)` in the page, `root` the shadow root of board #main. */
const inBoard = (page, fn, arg) =>
  page.evaluate((src, arg) => {
    const root = document.querySelector('openings-board#main')?.shadowRoot;
    // eslint-disable-next-line no-new-func
    return root ? new Function('root', 'arg', `return (${src})(root, arg);`)(root, arg) : null;
  }, fn.toString(), arg);

/** The listing titles, in order, of the first board matching `selector`. */
const titlesOf = (page, selector) => page.evaluate((selector) =>
  [...(document.querySelector(selector)?.shadowRoot?.querySelectorAll('.listing .listing-title') ?? [])].map((t) => t.textContent.trim()), selector);

/** Board #main's listing titles, in order. */
const titles = (page) => titlesOf(page, 'openings-board#main');

/** The board's count line. */
const count = (page) => inBoard(page, (root) => root.querySelector('.result-count')?.textContent.replace(/\s+/g, ' ').trim() ?? '');

/** The text and class of what has the keyboard focus in the board. */
const focused = (page) => inBoard(page, (root) => root.activeElement && { text: root.activeElement.textContent.trim(), is: root.activeElement.className });

/** Waits until the board lists exactly these titles, in any order. */
async function waitForTitles(page, expected, timeout = 20_000) {
  await eventually(async () => assert.deepEqual([...(await titles(page))].sort(), [...expected].sort()), { timeout });
}

/** The host page saw no uncaught error, by the browser's account and its own. */
async function assertHostUnharmed(s) {
  assert.deepEqual(s.errors, [], 'uncaught errors reached the host page');
  assert.deepEqual(await s.page.evaluate(() => window.hostErrors ?? []), [], 'the host page\'s error listeners saw errors');
}

/** An element of the board as a handle, for real input (click, focus). */
const handle = (page, selector) =>
  page.evaluateHandle((selector) => document.querySelector('openings-board#main').shadowRoot.querySelector(selector), selector);

/** The label of the board's filter value `text`, as a handle to click. */
async function facetValue(page, text) {
  const label = await page.evaluateHandle((text) => [...document.querySelector('openings-board#main').shadowRoot.querySelectorAll('.facet label')]
    .find((l) => l.textContent.includes(text)) ?? null, text);
  assert.ok(await label.evaluate((l) => l !== null), `no filter value "${text}"`);
  return label;
}

// Proves the whole path in Firefox: one script tag on a foreign page loads
// the build from its origin, reads a feed from a third, lists the current
// openings with their facts; typing searches, a tick filters, and the count
// says so.
test('in Firefox, a reader sees the openings, searches them and filters them', { timeout: 60_000 }, async () => {
  const s = await visit(h.servers.hostPage('board.html'));
  try {
    await waitForTitles(s.page, MUSEUM_TITLES);
    assert.equal(await count(s.page), '3 openings');
    const registrar = await inBoard(s.page, (root) => {
      const row = [...root.querySelectorAll('.listing')].find((r) => r.textContent.includes('Collections Registrar'));
      return {
        org: row.querySelector('.listing-org').textContent.trim(),
        place: row.querySelector('.listing-location').textContent.trim(),
        pay: row.querySelector('.listing-salary').textContent,
        card: getComputedStyle(row.querySelector('.listing-card')).display,
      };
    });
    assert.equal(registrar.org, 'Harbour Museum of Maritime History');
    assert.equal(registrar.place, 'Portland, ME, United States');
    assert.match(registrar.pay, /58[,.\u202f\u00a0 ]?000/);
    assert.equal(registrar.card, 'grid', 'the board\'s stylesheet does not apply');

    await (await handle(s.page, '.search')).click();
    await s.page.keyboard.type('registrar');
    await waitForTitles(s.page, ['Collections Registrar']);
    assert.equal(await count(s.page), '1 opening');
    await s.page.keyboard.down('Control');
    await s.page.keyboard.press('KeyA');
    await s.page.keyboard.up('Control');
    await s.page.keyboard.press('Backspace');
    await waitForTitles(s.page, MUSEUM_TITLES);

    await (await facetValue(s.page, 'Part-time')).click();
    await waitForTitles(s.page, ['Visitor Experience Associate']);
    assert.match(new URL(s.page.url()).search, /openings/, 'the filter is not in the page\'s address');
    await assertHostUnharmed(s);
  } finally {
    await s.close();
  }
});

// Proves an opening opened by keyboard in Firefox shows its details with
// its Apply link and its own address, which its Copy link button copies
// (no share sheet there) and which opens it again in a new visit;
// the browser's Back gives the keyboard focus back to its title.
test('in Firefox, an opening opened by keyboard has its own link, and Back returns to its title', { timeout: 60_000 }, async () => {
  const s = await visit(h.servers.hostPage('board.html'));
  try {
    await waitForTitles(s.page, MUSEUM_TITLES);
    const title = await s.page.evaluateHandle(() => [...document.querySelector('openings-board#main').shadowRoot.querySelectorAll('.listing-title a')]
      .find((a) => a.textContent.includes('Collections Registrar')));
    await title.focus();
    await s.page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await inBoard(s.page, (root) => root.querySelector('.detail-title')?.textContent.trim()), 'Collections Registrar'));
    const apply = await inBoard(s.page, (root) => root.querySelector('.detail a.apply')?.href);
    assert.match(apply ?? '', /^https?:\/\//, 'no Apply link');
    const shared = s.page.url();
    assert.match(new URL(shared).search, /openings[^=]*=open/, `the address does not name the opening: ${shared}`);
    // Firefox on a desktop has no share sheet: the button copies the link.
    await (await handle(s.page, '.detail-actions .copy-link')).click();
    await eventually(async () => assert.match(await inBoard(s.page, (root) => root.querySelector('.detail').textContent), /Link copied\./));

    await s.page.goBack();
    await waitForTitles(s.page, MUSEUM_TITLES);
    await eventually(async () => assert.deepEqual(await focused(s.page), { text: 'Collections Registrar', is: '' }));
    await assertHostUnharmed(s);

    const again = await visit(shared);
    try {
      await eventually(async () => assert.equal(await inBoard(again.page, (root) => root.querySelector('.detail-title')?.textContent.trim()), 'Collections Registrar'), { timeout: 20_000 });
      await assertHostUnharmed(again);
    } finally {
      await again.close();
    }
  } finally {
    await s.close();
  }
});

// Proves Firefox lists a large feed's first openings while the rest is on
// its way (the body read as a stream, in slices), then all of them.
test('in Firefox, a large feed lists its first openings while the rest is on its way', { timeout: 60_000 }, async () => {
  const pause = 4_000;
  const s = await visit(h.servers.hostPage('board.html', { feed: `${h.servers.feedsOrigin}/large/600?pause=${pause}` }));
  try {
    await eventually(async () => assert.equal((await titles(s.page)).length, 20), { timeout: 15_000 });
    assert.match(await count(s.page), /Loading more/, 'the count does not say more are coming');
    await eventually(async () => assert.equal(await count(s.page), '600 openings'), { timeout: pause + 15_000 });
    await assertHostUnharmed(s);
  } finally {
    await s.close();
  }
});

// Proves Firefox shows a board rendered into the page (`openings render`,
// a declarative shadow root) before the board's script has come, styled
// and linked, and that the live board then takes its place, once, and
// searches.
test('in Firefox, a rendered board shows before the script and is taken over', { timeout: 90_000 }, async () => {
  h.servers.setRendered(await openingsRender(h, [`${h.servers.feedsOrigin}/feeds/museum.json`]));
  let release;
  const held = new Promise((ok) => { release = ok; });
  const s = await visit(h.servers.hostPage('rendered.html'), {
    wait: false,
    prepare: async (page) => {
      await page.setRequestInterception(true);
      page.on('request', async (request) => {
        if (new URL(request.url()).pathname.endsWith('/openings.js')) await held;
        await request.continue().catch(() => {});
      });
    },
  });
  try {
    await eventually(async () => assert.ok(await inBoard(s.page, (root) => !!root.querySelector('.listing')), 'no rendered listing'), { timeout: 20_000 });
    const before = await inBoard(s.page, (root) => ({
      snapshot: !!root.querySelector('[data-openings-snapshot]'),
      titles: [...root.querySelectorAll('.listing-title a')].map((a) => [a.textContent.trim(), a.getAttribute('href')]),
      card: root.querySelector('.listing-card') && getComputedStyle(root.querySelector('.listing-card')).display,
    }));
    assert.ok(before?.snapshot, 'Firefox did not attach the declarative shadow root');
    assert.deepEqual(before.titles.map(([t]) => t).sort(), [...MUSEUM_TITLES].sort());
    assert.ok(before.titles.every(([, href]) => /^\?openings-main=open:/.test(href)), `titles link to their deep links: ${before.titles}`);
    await eventually(async () => assert.equal(await inBoard(s.page, (root) => getComputedStyle(root.querySelector('.listing-card')).display), 'grid'));

    release();
    await s.loaded;
    await eventually(async () => assert.equal(await inBoard(s.page, (root) => root.querySelectorAll('[data-openings-snapshot]').length), 0), { timeout: 20_000 });
    await waitForTitles(s.page, MUSEUM_TITLES);
    assert.equal(await inBoard(s.page, (root) => root.querySelectorAll('.openings-root').length), 1, 'one board, not two');
    await (await handle(s.page, '.search')).click();
    await s.page.keyboard.type('registrar');
    await waitForTitles(s.page, ['Collections Registrar']);
    await assertHostUnharmed(s);
  } finally {
    release();
    await s.close();
  }
});

// Proves a phone-sized board in Firefox folds its filters behind a control
// that opens them, and a value picked there filters the list.
test('in Firefox on a phone, the filters open from their control and filter the list', { timeout: 60_000 }, async () => {
  const s = await visit(h.servers.hostPage('board.html'), { width: 390, height: 844 });
  try {
    await waitForTitles(s.page, MUSEUM_TITLES);
    const shown = (selector) => inBoard(s.page, (root, selector) => {
      const el = root.querySelector(selector);
      return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    }, selector);
    assert.ok(await shown('.filters-toggle'), 'no Filters control on a phone');
    assert.ok(!(await shown('.facet')), 'the filters are not folded away');
    await (await handle(s.page, '.filters-toggle')).click();
    await eventually(async () => assert.ok(await shown('.facet'), 'the filters did not open'));
    await (await facetValue(s.page, 'Part-time')).click();
    await (await handle(s.page, '.filters-done')).click();
    await waitForTitles(s.page, ['Visitor Experience Associate']);
    await assertHostUnharmed(s);
  } finally {
    await s.close();
  }
});

// Proves Firefox's document clobbered by the host's user content (images
// named currentScript, head, scripts…) still gets its board, from the
// widget's own origin.
test('in Firefox, a host page whose content clobbers document still gets its board', { timeout: 60_000 }, async () => {
  const s = await visit(h.servers.hostPage('clobbered.html'));
  try {
    await waitForTitles(s.page, MUSEUM_TITLES);
    await assertHostUnharmed(s);
  } finally {
    await s.close();
  }
});

// Proves a site editor in Firefox gets from the configurator what they get
// in Chromium: the feed checked, the board previewed, an option taken, and
// a snippet (its integrity value computed by Firefox) that shows the same
// board on a page of another origin.
test('in Firefox, the configurator checks a feed and its snippet shows the board elsewhere', { timeout: 90_000 }, async () => {
  const s = await visit(`${h.servers.widgetOrigin}/configure.html`);
  try {
    await (await s.page.$('#feeds')).type(`${h.servers.feedsOrigin}/feeds/museum.json`);
    await (await s.page.$('#check')).click();
    await eventually(async () => assert.match(await s.page.$eval('#report', (r) => r.textContent), /schema\.org.*3 openings to show/s), { timeout: 20_000 });
    const previewTitles = () => titlesOf(s.page, '#preview openings-board');
    await eventually(async () => assert.deepEqual((await previewTitles()).sort(), [...MUSEUM_TITLES].sort()), { timeout: 20_000 });
    await s.page.select('#sort', 'title');
    await eventually(async () => assert.deepEqual(await previewTitles(), [...MUSEUM_TITLES].sort()));
    const snippet = await s.page.$eval('#snippet', (c) => c.textContent);
    assert.match(snippet, /^<script src="http:\/\/127\.0\.0\.1:\d+\/openings\.js" integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous" defer><\/script>\n/);
    assert.match(snippet, /<openings-board feed="[^"]+museum\.json" sort="title"><\/openings-board>$/);
    assert.deepEqual(s.errors, []);

    h.servers.setRendered(snippet);
    const host = await visit(h.servers.hostPage('rendered.html', { nowidget: '1' }));
    try {
      await eventually(async () => assert.deepEqual(await titlesOf(host.page, 'openings-board'), [...MUSEUM_TITLES].sort()), { timeout: 20_000 });
      await assertHostUnharmed(host);
    } finally {
      await host.close();
    }
  } finally {
    await s.close();
  }
});

// Proves the policy SECURITY.md gives a host is enough in Firefox too:
// under it (no inline script or style, 'wasm-unsafe-eval', the widget's
// and the feeds' origins) and with the loader's integrity value, the board
// lists, searches, filters and opens an opening with its JobPosting, and
// Firefox refuses nothing.
test('in Firefox, under the strict policy the board lists, searches, filters and opens with no violation', { timeout: 60_000 }, async () => {
  const policyHost = await startPolicyHost(() => h.servers.hostOrigin);
  const page = new URL('/csp.html', policyHost.origin);
  const params = {
    seo: 'on',
    integrity: loaderIntegrity(),
    policy: strictPolicy({ widget: h.servers.widgetOrigin, feeds: h.servers.feedsOrigin }),
  };
  for (const [k, v] of Object.entries(params)) page.searchParams.set(k, v);
  const s = await visit(page.href, {
    prepare: (p) => p.evaluateOnNewDocument(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || e.sample || '(inline)'}`);
      });
    }),
  });
  try {
    await waitForTitles(s.page, MUSEUM_TITLES);
    assert.equal(await inBoard(s.page, (root) => getComputedStyle(root.querySelector('.facets')).display), 'flex',
      'the board is unstyled: its stylesheet was refused');
    await (await handle(s.page, '.search')).click();
    await s.page.keyboard.type('collections');
    await waitForTitles(s.page, ['Collections Registrar', 'Digital Collections Developer']);
    await (await facetValue(s.page, 'Remote')).click();
    await waitForTitles(s.page, ['Digital Collections Developer']);
    await (await handle(s.page, '.listing-title a')).click();
    await eventually(async () => assert.equal(await inBoard(s.page, (root) => root.querySelector('.detail-title')?.textContent.trim()), 'Digital Collections Developer'));
    assert.match(await inBoard(s.page, (root) => root.querySelector('.rich-text').textContent), /IIIF/);
    await eventually(async () => assert.equal(await s.page.evaluate(() => document.head.querySelectorAll('script[type="application/ld+json"]').length), 1,
      'no JobPosting in the head'));
    // Firefox asks for the host page's /favicon.ico itself (img-src 'none'
    // refuses it): the page's, not the board's.
    const refused = (await s.page.evaluate(() => window.cspViolations)).filter((v) => !/^img-src blocked \S+\/favicon\.ico$/.test(v));
    assert.deepEqual(refused, [], 'Firefox reported Content-Security-Policy violations');
    // (Firefox reports that refusal as a page error, too.)
    s.errors.splice(0, s.errors.length, ...s.errors.filter((e) => !/\(img-src\) at \S+\/favicon\.ico /.test(e)));
    await assertHostUnharmed(s);
  } finally {
    await s.close();
    await policyHost.close();
  }
});
