//! What every end-to-end story shares: the three servers and one browser
//! for the file, a fresh session per story, and the checks the host page
//! is owed after each (no uncaught error, ever).

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServers, distIsBuilt, distDir, isoDate } from './servers.mjs';
import { launchBrowser, openSession, eventually } from './browser.mjs';

export { eventually };

/**
 * Resolves two animation frames and a tenth of a second later in `page` (a
 * page or a frame): what a board does a frame after drawing a feed (saving
 * its copy, indexing its words) is done by then.
 */
export function framesLater(page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)))));
}

/**
 * Starts the servers and the browser before the file's tests and stops them
 * after. The returned object is filled in by `before`: `{servers, browser}`.
 */
export function useHarness() {
  const h = { servers: null, browser: null };
  before(async () => {
    if (!distIsBuilt()) {
      throw new Error(`no build in ${distDir} (openings.js missing): run \`cargo xtask dist\` first, or set DIST`);
    }
    h.servers = await startServers();
    h.browser = await launchBrowser();
  });
  after(async () => {
    await h.browser?.close();
    await h.servers?.close();
  });
  return h;
}

/** Opens `url` in a fresh session of `h.browser`. */
export async function visit(h, url) {
  const session = await openSession(h.browser);
  await session.page.goto(url);
  return session;
}

/**
 * Holds back every request of `page` (a page or a context) for `url` until
 * `release()` is called, then lets it go on to its server: a story whose
 * reader must act, or whose board must show something, before a feed comes
 * waits for that instead of racing a fixed delay (a board can start seconds
 * late on a slow machine; its first feed is asked for before it starts).
 * Returns `{ release }`.
 */
export async function holdBack(page, url) {
  let release;
  const released = new Promise((ok) => { release = ok; });
  await page.route((u) => u.href === url, async (route) => {
    await released;
    await route.continue().catch(() => {}); // the page may be gone by then
  });
  return { release };
}

/** The command-line tool the stories of `openings render` run (built by `cargo xtask test`). */
const CLI = process.env.OPENINGS_CLI
  ?? join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'target', 'debug', 'openings');

/**
 * The HTML `openings render` writes for these arguments, for the board
 * `main` of a page on HOST reading its code from WIDGET (run beside the
 * test's own servers, which must stay free to answer it).
 */
export function openingsRender(h, args) {
  assert.ok(existsSync(CLI), `${CLI} is missing: build the CLI (cargo build -p openings-cli) or set OPENINGS_CLI`);
  const argv = ['render', ...args, '--widget-url', h.servers.widgetOrigin, '--attr', 'id=main', '--quiet'];
  return new Promise((ok, fail) => {
    execFile(CLI, argv, { encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) fail(new Error(`openings render failed: ${stderr || error.message}`));
      else ok(stdout);
    });
  });
}

/** The board `<openings-board id=…>` of the page. */
export function board(page, id = 'main') {
  return page.locator(`openings-board#${id}`);
}

/** The listing titles a board shows, in order. */
export async function titles(boardLocator) {
  return (await boardLocator.locator('.listing .listing-title').allTextContents()).map((t) => t.trim());
}

/** Waits until the board shows exactly these titles (in any order). */
export async function waitForTitles(boardLocator, expected, timeout = 15_000) {
  await eventually(async () => {
    assert.deepEqual([...(await titles(boardLocator))].sort(), [...expected].sort());
  }, { timeout });
}

/** The host page saw no uncaught error, by Playwright's account and its own. */
export async function assertHostUnharmed(session) {
  assert.deepEqual(session.pageErrors, [], 'uncaught errors reached the host page');
  const own = await session.page.evaluate(() => window.hostErrors ?? []);
  assert.deepEqual(own, [], 'the host page\'s error listeners saw errors');
}

/**
 * Notes, from before the page's own scripts run, each new text that the
 * elements matching `selector` show in every shadow root the page attaches
 * (their texts joined by " / "), in `window.seen`. With `holdMs`, the first
 * time a listing shows while those texts say more is loading, the page's
 * thread is kept that long, as a busy host page keeps it (`window.held`).
 */
export async function noteShadowTexts(page, selector, { holdMs = 0 } = {}) {
  await page.addInitScript(({ selector, holdMs }) => {
    window.seen = [];
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      new MutationObserver(() => {
        const text = [...root.querySelectorAll(selector)]
          .map((e) => e.textContent.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' / ');
        if (text && window.seen[window.seen.length - 1] !== text) window.seen.push(text);
        if (holdMs && !window.held && root.querySelector('.listing') && /Loading more/.test(text)) {
          window.held = true;
          const until = Date.now() + holdMs;
          while (Date.now() < until);
        }
      }).observe(root, { subtree: true, childList: true, characterData: true });
      return root;
    };
  }, { selector, holdMs });
}

/** A schema.org JobPosting of `title`, posted two days ago, with an apply page under `feeds`/portal. */
export function posting(feeds, title, extra = {}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title,
    identifier: title.toLowerCase().replace(/\W+/g, '-'),
    datePosted: isoDate(-2),
    hiringOrganization: { '@type': 'Organization', name: 'Harbour Museum' },
    jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Portland', addressCountry: 'US' } },
    url: `${feeds}/portal/${encodeURIComponent(title)}`,
    ...extra,
  };
}
