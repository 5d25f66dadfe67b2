//! A bug in one board stays in that board (issue 6, "Never crash"): each
//! board has a runtime of its own, so when one panics (here on purpose,
//! through the test-only `el._board.simulate_internal_error()`), that board
//! shows "This job board stopped because of an internal error…" and logs it
//! with `[openings]`, while the other board on the page keeps searching and
//! filtering, and a board added afterwards starts afresh.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useHarness, visit, board, waitForTitles, eventually, assertHostUnharmed } from './harness.mjs';

const h = useHarness();
const MUSEUM_TITLES = ['Collections Registrar', 'Visitor Experience Associate', 'Digital Collections Developer'];
const LIBRARY_TITLES = ["Children's Librarian", 'Makerspace Coordinator'];
const STOPPED = 'This job board stopped because of an internal error. Reload the page to try again.';

/** Two boards, both loaded. */
async function twoBoards() {
  const s = await visit(h, h.servers.hostPage('two-boards.html'));
  const museums = board(s.page, 'museums');
  const libraries = board(s.page, 'libraries');
  await waitForTitles(museums, MUSEUM_TITLES);
  await waitForTitles(libraries, LIBRARY_TITLES);
  return { s, museums, libraries };
}

/** The failed board says so in itself (role=alert) and in the console, naming itself. */
async function assertStopped(s, failed) {
  const alert = failed.getByRole('alert');
  await alert.waitFor();
  assert.equal((await alert.textContent()).trim(), STOPPED);
  assert.equal(await failed.locator('.listing, .search').count(), 0, 'the stopped board still shows its controls');
  const logged = s.boardMessages().filter((m) => m.type === 'error' && m.text.includes('internal error'));
  assert.equal(logged.length, 1, `logged ${logged.length} times`);
  assert.match(logged[0].text, /^\[openings\] board #museums: the board stopped because of an internal error/);
}

/** The other board still searches and filters. */
async function assertStillWorks(libraries) {
  const search = libraries.getByRole('searchbox', { name: 'Search openings' });
  await search.fill('maker');
  await waitForTitles(libraries, ['Makerspace Coordinator']);
  await search.fill('');
  await waitForTitles(libraries, LIBRARY_TITLES);
  // Tick a facet value that narrows the list (fewer openings than all).
  const values = libraries.locator('.facet li');
  let facet = null;
  let count = 0;
  for (let i = 0; i < await values.count(); i++) {
    count = Number((await values.nth(i).locator('.facet-count').textContent()).trim());
    if (count < LIBRARY_TITLES.length) {
      facet = values.nth(i);
      break;
    }
  }
  assert.ok(facet, 'no facet value narrows the list');
  const label = (await facet.locator('.facet-label').textContent()).trim();
  await facet.locator('label').click();
  await eventually(async () => assert.equal(await libraries.locator('.listing').count(), count, `ticking "${label}" does not filter`));
  assert.ok(await facet.locator('input').isChecked());
}

// Proves the panic stays in its board when the host calls into the board
// and catches what it throws: the board says it stopped, the other board
// searches and filters, and the host page sees no uncaught error.
test('a board that fails shows it in itself; the other board keeps searching and filtering', { timeout: 60_000 }, async () => {
  const { s, museums, libraries } = await twoBoards();
  const thrown = await s.page.evaluate(() => {
    try {
      document.getElementById('museums')._board.simulate_internal_error();
      return null;
    } catch (error) {
      return `${error.constructor.name}: ${error.message}`;
    }
  });
  // What the host's own call gets back: the trap of the aborted panic.
  assert.equal(thrown, 'RuntimeError: unreachable');
  await assertStopped(s, museums);
  await assertStillWorks(libraries);
  await assertHostUnharmed(s);
  await s.close();
});

// The way a real bug fails: not inside a host try/catch but from the event
// loop (the board's own event handlers and timers are called by the
// browser). The board and its neighbour behave as above. The aborted panic
// ends in a wasm trap (Rust in wasm32 aborts on panic) that unwinds into the
// browser's event loop; the board catches that report (no "Uncaught" error
// in the console, none for Playwright), but the host's own `error` listeners,
// registered before the board's, still see that one trap. Nothing else.
test('a failure from the event loop: the board stops, the other works, one trap is all the host sees', { timeout: 60_000 }, async () => {
  const { s, museums, libraries } = await twoBoards();
  await s.page.evaluate(() => setTimeout(() => document.getElementById('museums')._board.simulate_internal_error()));
  await assertStopped(s, museums);
  await assertStillWorks(libraries);
  assert.deepEqual(s.pageErrors, [], 'the trap was reported as an uncaught error');
  const own = await s.page.evaluate(() => window.hostErrors ?? []);
  assert.deepEqual(own.map((e) => e.replace(/^.*?RuntimeError: /, '')), ['unreachable'],
    'something other than the one trap reached the host page\'s listeners');
  await s.close();
});

// The ideal the previous story falls short of (report, not hidden): the
// host page's own error listeners see nothing either.
test('a failure from the event loop never reaches the host as an uncaught error', {
  timeout: 60_000,
  todo: 'the panic\'s wasm trap ("RuntimeError: unreachable") is uncaught in the host page when the failing call came from the event loop',
}, async () => {
  const { s } = await twoBoards();
  await s.page.evaluate(() => setTimeout(() => document.getElementById('museums')._board.simulate_internal_error()));
  await board(s.page, 'museums').getByRole('alert').waitFor();
  await assertHostUnharmed(s);
  await s.close();
});

// Proves a stopped board can be taken away and a new board started: the
// new one gets a fresh runtime (not the broken one) and works, while the
// untouched board carries on; changing or removing the stopped board
// throws nothing into the host.
test('after a failure, the stopped board can be removed and a new board works', { timeout: 60_000 }, async () => {
  const { s, museums, libraries } = await twoBoards();
  await s.page.evaluate(() => {
    try {
      document.getElementById('museums')._board.simulate_internal_error();
    } catch {
      // the host's own call gets the trap; tested above
    }
  });
  await assertStopped(s, museums);
  await s.page.evaluate(() => document.getElementById('museums').setAttribute('feed', 'https://example.org/other.json'));
  await s.page.evaluate((feed) => {
    document.getElementById('museums').remove();
    const fresh = document.createElement('openings-board');
    fresh.id = 'fresh';
    fresh.setAttribute('feed', feed);
    document.body.append(fresh);
  }, `${h.servers.feedsOrigin}/feeds/museum.json`);
  const fresh = board(s.page, 'fresh');
  await waitForTitles(fresh, MUSEUM_TITLES);
  await fresh.getByRole('searchbox', { name: 'Search openings' }).fill('developer');
  await waitForTitles(fresh, ['Digital Collections Developer']);
  await assertStillWorks(libraries);
  // Whatever the stopped board logged while being changed and removed is the board's own line.
  const unprefixed = s.consoleMessages.filter((m) => m.type === 'error' && !m.text.startsWith('[openings]')
    && !m.text.startsWith('Failed to load resource'));
  assert.deepEqual(unprefixed, [], 'errors in the console that do not say they are the board\'s');
  await assertHostUnharmed(s);
  await s.close();
});

// A board that stops while an opening is open (with `seo`) should take its
// JobPosting out of the host's head: the page no longer shows that opening.
// The board's effects never run their clean-up after a panic, so the panic
// handler itself takes the board's JobPosting out of the head.
test('a board that stops takes its JobPosting out of the host page', {
  timeout: 60_000,
}, async () => {
  const s = await visit(h, h.servers.hostPage('attributes.html', { seo: 'on', 'openings-main': 'open:HM-2024-011' }));
  const b = s.page.locator('openings-board');
  await b.locator('.detail').waitFor({ timeout: 15_000 });
  const postings = s.page.locator('head script[type="application/ld+json"]');
  await postings.first().waitFor({ state: 'attached' });
  await s.page.evaluate(() => {
    try {
      document.getElementById('main')._board.simulate_internal_error();
    } catch {
      // tested above
    }
  });
  await b.getByRole('alert').waitFor();
  await s.page.evaluate(() => document.getElementById('main').remove());
  assert.equal(await postings.count(), 0, 'the stopped board\'s JobPosting is still in the head');
  await s.close();
});
