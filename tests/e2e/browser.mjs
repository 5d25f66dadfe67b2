//! Headless Chromium through playwright-core (never a downloaded browser):
//! one browser per test file, one fresh context per story, and for each page
//! the console messages and uncaught errors the host page would see.

import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

/** The Chromium to drive: `$CHROMIUM`, else the system's. */
export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser() {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM to its path`,
    );
  }
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}

/**
 * A fresh browser context with one page that records what happens to it;
 * `options` beyond the viewport go to the context (`isMobile`, `hasTouch`).
 * Returns `{context, page, consoleMessages, pageErrors, popups, close()}`;
 * `consoleMessages` are `{type, text}`, `pageErrors` the uncaught errors
 * (Playwright's `pageerror`) of this page and of every page it opens.
 */
export async function openSession(browser, { viewport = { width: 1100, height: 900 }, ...options } = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const consoleMessages = [];
  const pageErrors = [];
  const watch = (page) => {
    page.on('console', (msg) => consoleMessages.push({ type: msg.type(), text: msg.text(), url: page.url() }));
    page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
  };
  context.on('page', watch);
  const page = await context.newPage();
  return {
    context,
    page,
    consoleMessages,
    pageErrors,
    /** The board's own console lines (they all start with "[openings]"). */
    boardMessages() {
      return consoleMessages.filter((m) => m.text.includes('[openings]'));
    },
    async close() {
      await context.close();
    },
  };
}

/**
 * Retries `check` (an async assertion) until it passes or `timeout` ms have
 * gone by; then throws its last error. The stand-in for `expect.poll`,
 * which lives in @playwright/test, not in playwright-core.
 */
export async function eventually(check, { timeout = 10_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((ok) => setTimeout(ok, interval));
    }
  }
}
