//! The bench's three origins on 127.0.0.1 (ephemeral ports): WIDGET serves
//! the release `dist/` and List.js's bundle, as a CDN would; FEEDS serves the
//! generated feeds with CORS; HOST serves the pages compared — ours, the
//! board embedded as the README says (and the same with its first page
//! rendered into the HTML by `openings render`), and theirs, the page a site
//! editor would otherwise build by hand with List.js.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

import { listJsBundle } from './sizes.mjs';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
};

/** Every response: open CORS, never cached (each run is a first visit). */
const COMMON = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };

/**
 * Starts the three servers. Resolves to `{widget, feeds, host, close()}`,
 * the origins and a close that also drops connections left open.
 */
export async function startServers({ dist, feedsDir, renderBoard }) {
  const sockets = new Set();
  const servers = [];
  const origins = {};

  async function listen(handler) {
    const server = createServer((req, res) => {
      handler(req, res).catch((err) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain', ...COMMON });
        res.end(`bench server error: ${err.message}`);
      });
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise((ok, fail) => {
      server.once('error', fail);
      server.listen(0, '127.0.0.1', ok);
    });
    servers.push(server);
    return `http://127.0.0.1:${server.address().port}`;
  }

  async function sendFile(res, file) {
    const body = file && (await readFile(file).catch(() => null));
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain', ...COMMON });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', ...COMMON });
    res.end(body);
  }

  origins.widget = await listen(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://x');
    if (pathname === '/vendor/list.min.js') return sendFile(res, listJsBundle);
    return sendFile(res, await fileUnder(dist, pathname));
  });

  // `/slice/N/K/I.json`: the I-th of K slices of N.json's postings, as a
  // feed of its own (a consortium's members, each with a feed).
  const parsed = new Map();
  origins.feeds = await listen(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://x');
    const slice = pathname.match(/^\/slice\/(\d+)\/(\d+)\/(\d+)\.json$/);
    if (slice) {
      const [n, k, i] = slice.slice(1).map(Number);
      if (!parsed.has(n)) {
        const file = await fileUnder(feedsDir, `/${n}.json`);
        parsed.set(n, file && JSON.parse(await readFile(file, 'utf8')));
      }
      const feed = parsed.get(n);
      if (!feed || k < 1 || i >= k) return sendFile(res, null);
      const items = feed.itemListElement;
      const per = Math.ceil(items.length / k);
      const part = { ...feed, itemListElement: items.slice(i * per, (i + 1) * per) };
      res.writeHead(200, { 'content-type': MIME['.json'], ...COMMON });
      res.end(JSON.stringify(part));
      return;
    }
    return sendFile(res, await fileUnder(feedsDir, pathname));
  });

  // The rendered board of each size, made once (by `openings render`).
  const renders = new Map();
  const rendered = (size) => {
    if (!renders.has(size)) renders.set(size, renderBoard(size, { ...origins }));
    return renders.get(size);
  };

  origins.host = await listen(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const size = Number(url.searchParams.get('n'));
    const parts = Number(url.searchParams.get('feeds') ?? 0);
    const feed = parts > 0
      ? Array.from({ length: parts }, (_, i) => `${origins.feeds}/slice/${size}/${parts}/${i}.json`).join(' ')
      : `${origins.feeds}/${size}.json`;
    const known = Number.isInteger(size) && size > 0;
    const page =
      !known ? null
      : url.pathname === '/ours.html' ? oursPage(origins.widget, feed)
      : url.pathname === '/theirs.html' ? theirsPage(origins.widget, feed)
      : url.pathname === '/rendered.html' && renderBoard && parts === 0 ? renderedPage(origins.widget, await rendered(size))
      : null;
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain', ...COMMON });
      res.end('pages: /ours.html?n=SIZE[&feeds=K], /rendered.html?n=SIZE and /theirs.html?n=SIZE');
      return;
    }
    res.writeHead(200, { 'content-type': MIME['.html'], ...COMMON });
    res.end(page);
  });

  return {
    ...origins,
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
    },
  };
}

/** A file under `root`, or null when the path leaves it or is not a file. */
async function fileUnder(root, urlPath) {
  const rel = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  const file = join(root, rel);
  if (!file.startsWith(root + sep)) return null;
  const info = await stat(file).catch(() => null);
  return info?.isFile() ? file : null;
}

/**
 * Ours: the embed exactly as the README gives it. The 10,000 feed is over
 * the board's default 20 MB cap, so every bench board allows 50 MB.
 */
export function oursPage(widget, feed) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Openings bench: the board</title>
<script src="${widget}/openings.js" defer></script>
</head>
<body>
<h1>Jobs in our consortium</h1>
<openings-board feed="${feed}" page-size="20" max-feed-size="50"></openings-board>
</body>
</html>
`;
}

/**
 * Ours again, its first page rendered into the HTML by `openings render`
 * (`board` is the element it wrote, for the same feed and attributes): the
 * same one script tag, which then takes the rendered board over.
 */
export function renderedPage(widget, board) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Openings bench: the board, rendered into the page</title>
<script src="${widget}/openings.js" defer></script>
</head>
<body>
<h1>Jobs in our consortium</h1>
${board}
</body>
</html>
`;
}

/**
 * The script a site editor would write by hand: fetch the JSON-LD feed,
 * hand every posting to List.js (title, organization, location, date, an
 * Apply link), paginated 20 a page by List.js, and let List.js's search box
 * filter them; a live count kept by List.js's `updated` event. Kept apart so
 * that its bytes can be counted.
 */
export const THEIRS_SCRIPT = `
document.addEventListener('DOMContentLoaded', function () {
  var container = document.getElementById('jobs');
  var count = container.querySelector('.result-count');
  function place(job) {
    var places = [].concat(job.jobLocation || []).map(function (p) {
      var a = (p && p.address) || {};
      return [a.addressLocality, a.addressRegion, a.addressCountry].filter(Boolean).join(', ');
    }).filter(Boolean);
    return places.length ? places.join('; ') : 'Remote';
  }
  fetch(container.dataset.feed)
    .then(function (r) { return r.json(); })
    .then(function (feed) {
      var postings = (feed.itemListElement || [].concat(feed)).map(function (e) { return e.item || e; });
      var values = postings.map(function (job) {
        var apply = job.potentialAction && job.potentialAction.target;
        return {
          title: job.title || '',
          link: job.url || '',
          org: (job.hiringOrganization && job.hiringOrganization.name) || '',
          location: place(job),
          date: (job.datePosted || '').slice(0, 10),
          apply: (apply && apply.urlTemplate) || job.url || ''
        };
      });
      var list = new List('jobs', {
        valueNames: ['title', { name: 'link', attr: 'href' }, 'org', 'location', 'date', { name: 'apply', attr: 'href' }],
        item: '<li class="listing"><h3 class="listing-title"><a class="link title"></a></h3>' +
          '<p class="org"></p><span class="location"></span> <time class="date"></time> ' +
          '<a class="apply" target="_blank" rel="noopener noreferrer">Apply</a></li>',
        // List.js's own pagination, 20 a page: what its documentation shows,
        // and the page a site editor would make.
        page: 20,
        pagination: true
      }, values);
      function showCount() {
        var n = list.matchingItems.length;
        count.textContent = n === 0 ? 'No openings' : n.toLocaleString('en') + (n === 1 ? ' opening' : ' openings');
      }
      list.on('updated', showCount);
      showCount();
    })
    .catch(function (e) { count.textContent = 'Could not load the openings: ' + e.message; });
});
`;

/** Theirs: List.js from the same CDN-like origin, the hand-written script inline. */
export function theirsPage(widget, feed) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Openings bench: List.js by hand</title>
<script src="${widget}/vendor/list.min.js" defer></script>
<style>
#jobs .list { list-style: none; padding: 0; }
#jobs .listing { margin: 0 0 1rem; }
#jobs .listing h3 { margin: 0; font-size: 1.1rem; }
#jobs .org { margin: 0; }
</style>
</head>
<body>
<h1>Jobs in our consortium</h1>
<div id="jobs" data-feed="${feed}">
<label for="job-search">Search openings</label>
<input id="job-search" class="search" type="search" autocomplete="off">
<p class="result-count" role="status" aria-live="polite"></p>
<ul class="list"></ul>
<ul class="pagination"></ul>
</div>
<script>${THEIRS_SCRIPT}</script>
</body>
</html>
`;
}
