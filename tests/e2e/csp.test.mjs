//! A strict Content-Security-Policy (issue 6): a host page that allows no
//! inline script, no inline style, no eval and no images, and names the
//! widget's and the feeds' origins, runs the board in full (list, search,
//! filters, detail, JSON-LD) and reports no violation. Also: the policy a
//! host needs is exactly the one SECURITY.md gives (without
//! 'wasm-unsafe-eval' the board cannot start, and says so), and the
//! Subresource Integrity value `cargo xtask dist` prints works on the script
//! tag.

import assert from 'node:assert/strict';
import { test, before, after } from 'node:test';
import { createHash } from 'node:crypto';
import { strictPolicy, loaderIntegrity, startPolicyHost } from './policy.mjs';
import { useHarness, visit, waitForTitles, eventually, assertHostUnharmed } from './harness.mjs';

const h = useHarness();
const MUSEUM_TITLES = ['Collections Registrar', 'Visitor Experience Associate', 'Digital Collections Developer'];

let policyHost;
before(async () => {
  policyHost = await startPolicyHost(() => h.servers.hostOrigin);
});
after(async () => {
  await policyHost?.close();
});

/**
 * Opens `pages/csp.html` (or `pageName`) served with `policy` as its Content-Security-Policy
 * header, recording every violation the page reports (the listener is
 * installed by the browser driver, so the page itself needs no inline
 * script).
 */
async function visitUnderPolicy(policy, params = {}, pageName = 'csp.html') {
  const s = await visit(h, 'about:blank');
  await s.context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || e.sample || '(inline)'}`);
    });
  });
  const page = new URL(`/${pageName}`, policyHost.origin);
  for (const [k, v] of Object.entries({ ...params, policy })) page.searchParams.set(k, v);
  await s.page.goto(page.href);
  return s;
}

/** Violations as the page saw them, and as Chromium logged them to the console. */
async function violations(s) {
  const seen = await s.page.evaluate(() => window.cspViolations);
  const logged = s.consoleMessages
    .filter((m) => /Content.Security.Policy|Refused to/i.test(m.text))
    .map((m) => m.text);
  return [...seen, ...logged];
}

// Proves the board needs nothing beyond the documented policy: everything a
// reader does works, and not one request, style or script is refused.
test('under the strict policy the board lists, searches, filters and opens with no violation', { timeout: 60_000 }, async () => {
  const policy = strictPolicy({ widget: h.servers.widgetOrigin, feeds: h.servers.feedsOrigin });
  const s = await visitUnderPolicy(policy, { seo: 'on', integrity: loaderIntegrity() });
  const b = s.page.locator('openings-board');
  await waitForTitles(b, MUSEUM_TITLES);

  // The board's own stylesheet applies (adopted, so style-src needs only WIDGET).
  const search = b.getByRole('searchbox', { name: 'Search openings' });
  const display = await b.locator('.facets').evaluate((el) => getComputedStyle(el).display);
  assert.equal(display, 'flex', 'the board is unstyled: its stylesheet was refused');

  await search.fill('collections');
  await waitForTitles(b, ['Collections Registrar', 'Digital Collections Developer']);
  await b.locator('.facet label', { hasText: 'Remote' }).click();
  await waitForTitles(b, ['Digital Collections Developer']);
  await b.locator('.listing-title a').click();
  await b.locator('.detail').waitFor();
  assert.equal((await b.locator('.detail-title').textContent()).trim(), 'Digital Collections Developer');
  assert.ok((await b.locator('.rich-text').textContent()).includes('IIIF'));
  assert.equal(await s.page.locator('head script[type="application/ld+json"]').count(), 1,
    'no JobPosting in the head: a JSON-LD data block needs no script-src');

  assert.deepEqual(await violations(s), [], 'the page reported Content-Security-Policy violations');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves the board never writes HTML from a string: with Trusted Types
// enforced (and no policy allowed), any innerHTML, outerHTML,
// insertAdjacentHTML, document.write or script-URL sink would be refused.
test('with Trusted Types enforced the board still works: it never writes HTML from strings', { timeout: 60_000 }, async () => {
  const policy = `${strictPolicy({ widget: h.servers.widgetOrigin, feeds: h.servers.feedsOrigin })}; `
    + "require-trusted-types-for 'script'; trusted-types 'none'";
  const s = await visitUnderPolicy(policy);
  const b = s.page.locator('openings-board');
  await waitForTitles(b, MUSEUM_TITLES);
  await b.locator('.listing-title a', { hasText: 'Collections Registrar' }).click();
  await b.locator('.detail').waitFor();
  assert.equal(await b.locator('.rich-text strong').textContent(), '12,000 objects');
  await b.locator('.detail-back').click();
  await waitForTitles(b, MUSEUM_TITLES);
  assert.deepEqual(await violations(s), [], 'the board used a Trusted Types sink');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves 'wasm-unsafe-eval' is needed, and that leaving it out fails in
// plain sight: the browser reports the refusal, the board says it could not
// start, and the host page sees no uncaught error.
test('without \'wasm-unsafe-eval\' the board cannot start, and says so in the board and the console', { timeout: 60_000 }, async () => {
  const policy = strictPolicy({ widget: h.servers.widgetOrigin, feeds: h.servers.feedsOrigin })
    .replace(" 'wasm-unsafe-eval'", '');
  const s = await visitUnderPolicy(policy);
  const b = s.page.locator('openings-board');
  const alert = b.getByRole('alert');
  await alert.waitFor({ timeout: 15_000 });
  assert.match(await alert.textContent(), /This job board could not start/);
  assert.ok((await violations(s)).some((v) => /wasm-unsafe-eval|script-src/.test(v)),
    `no violation reported: ${await violations(s)}`);
  assert.ok(s.boardMessages().some((m) => /Content-Security-Policy/.test(m.text)),
    'the console does not point the site editor to the policy');
  assert.equal(await b.locator('.listing').count(), 0);
  await assertHostUnharmed(s);
  await s.close();
});

// Proves a feed origin left out of connect-src is refused by the browser
// and shown as a feed error, not a broken board.
test('a feed whose origin the policy does not allow ends in a clear error', { timeout: 60_000 }, async () => {
  const policy = strictPolicy({ widget: h.servers.widgetOrigin, feeds: '' });
  const s = await visitUnderPolicy(policy);
  const b = s.page.locator('openings-board');
  const notice = b.locator('.notice-error');
  await notice.waitFor({ timeout: 20_000 });
  assert.match(await notice.textContent(), /Could not load openings from/);
  assert.ok((await violations(s)).some((v) => /connect-src/.test(v)), 'no connect-src violation reported');
  await assertHostUnharmed(s);
  await s.close();
});

// Proves the integrity value is the loader's: with a wrong one the browser
// refuses the script (and so no board starts), with the right one it runs.
test('a wrong integrity value on the script tag stops the loader', { timeout: 60_000 }, async () => {
  const policy = strictPolicy({ widget: h.servers.widgetOrigin, feeds: h.servers.feedsOrigin });
  const wrong = `sha384-${createHash('sha384').update('not the loader').digest('base64')}`;
  const s = await visitUnderPolicy(policy, { integrity: wrong });
  await s.page.waitForTimeout(1500);
  assert.equal(await s.page.evaluate(() => customElements.get('openings-board') === undefined), true,
    'the loader ran despite a wrong integrity value');
  assert.ok(s.consoleMessages.some((m) => /integrity/i.test(m.text)), 'the browser did not report the integrity failure');
  await s.close();
});

// Proves what the board needs at the least: script-src for its two scripts
// with 'wasm-unsafe-eval', and connect-src for its own files and the feeds.
// Its stylesheet is fetched and adopted as a constructed sheet, so it needs
// no style-src at all (default-src 'none' covers styles here).
test('the least policy that works: script-src and connect-src only', { timeout: 60_000 }, async () => {
  const { widgetOrigin: widget, feedsOrigin: feeds } = h.servers;
  const policy = `default-src 'none'; script-src ${widget} 'wasm-unsafe-eval'; connect-src ${widget} ${feeds}`;
  const s = await visitUnderPolicy(policy);
  const b = s.page.locator('openings-board');
  await waitForTitles(b, MUSEUM_TITLES);
  assert.equal(await b.locator('.facets').evaluate((el) => getComputedStyle(el).display), 'flex');
  assert.deepEqual(await violations(s), []);
  await assertHostUnharmed(s);
  await s.close();
});

// Proves a script-src narrowed to the loader's path is too narrow: the
// loader imports openings-board.js beside it, so a host that lists paths
// must list the directory (or both files).
test('a script-src naming only openings.js is too narrow, and the board says so', { timeout: 60_000 }, async () => {
  const { widgetOrigin: widget, feedsOrigin: feeds } = h.servers;
  const narrow = `default-src 'none'; script-src ${widget}/openings.js 'wasm-unsafe-eval'; connect-src ${widget} ${feeds}`;
  const s = await visitUnderPolicy(narrow);
  await s.page.locator('openings-board').getByRole('alert').waitFor({ timeout: 15_000 });
  assert.ok((await violations(s)).some((v) => v.includes('openings-board.js')), 'the glue module was not the one refused');
  await assertHostUnharmed(s);
  await s.close();

  const directory = narrow.replace(`${widget}/openings.js`, `${widget}/`);
  const fine = await visitUnderPolicy(directory);
  await waitForTitles(fine.page.locator('openings-board'), MUSEUM_TITLES);
  assert.deepEqual(await violations(fine), []);
  await fine.close();
});

// Proves iframe mode is the way out for a host that cannot allow
// 'wasm-unsafe-eval': the host page's policy names the widget's host for
// scripts and frames only (no WebAssembly, no connect-src), and the board,
// framed from the widget's host, lists, searches and tells the host of
// Apply, with no violation in the host page.
test('in iframe mode the host needs only script-src and frame-src for the widget host', { timeout: 60_000 }, async () => {
  const widget = h.servers.widgetOrigin;
  const policy = `default-src 'none'; script-src ${widget}; frame-src ${widget}; base-uri 'none'`;
  const s = await visitUnderPolicy(policy, {}, 'csp-iframe.html');
  await s.page.evaluate(() => {
    window.applied = [];
    document.addEventListener('openings:apply', (e) => window.applied.push(e.detail.title));
  });
  const inside = s.page.frameLocator('openings-board#main iframe');
  await waitForTitles(inside.locator('openings-board'), MUSEUM_TITLES);
  await inside.getByRole('searchbox', { name: 'Search openings' }).fill('registrar');
  await waitForTitles(inside.locator('openings-board'), ['Collections Registrar']);
  const [portal] = await Promise.all([s.context.waitForEvent('page'), inside.locator('.listing a.apply').click()]);
  await portal.close();
  await eventually(async () => assert.deepEqual(await s.page.evaluate(() => window.applied), ['Collections Registrar']));
  assert.deepEqual(await violations(s), [], 'the host page reported Content-Security-Policy violations');
  await assertHostUnharmed(s);
  await s.close();
});
