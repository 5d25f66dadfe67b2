//! The three origins of an embedding, on 127.0.0.1 with ephemeral ports:
//! WIDGET serves the built `dist/`, HOST serves the test host pages and
//! FEEDS serves the sample feeds, a fake recruiting portal and every server
//! fault a board must survive (issue 6). Each origin differs from the others,
//! as on a real site where the board, the page and the feeds live apart.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Where the built widget is: `$DIST`, or the workspace's `dist/`. */
export const distDir = resolve(process.env.DIST ?? join(here, '..', '..', 'dist'));
export const pagesDir = join(here, 'pages');

// What the host pages share, written once: `{{hostErrors}}` is the page's own
// bookkeeping of every uncaught error or rejection it sees (`hostErrors`,
// read by assertHostUnharmed); `{{hostHead}}` is that with the charset, the
// viewport and the host's stylesheet; `{{hostTicks}}` a counter that must keep
// ticking while boards load (`hostTicks`, shown in #host-counter);
// `{{pauseProbe}}` the longest the main thread was held (`longestPause`): a
// timer that should fire every 10 ms notes each gap, so a frozen page shows
// a long one.
const HOST_ERRORS = `<script>
    window.hostErrors = [];
    window.addEventListener("error", (e) => hostErrors.push(String(e.message || e)));
    window.addEventListener("unhandledrejection", (e) => hostErrors.push("unhandled rejection: " + String(e.reason)));
  </script>`;
const HOST_HEAD = `<meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="/host.css">
  ${HOST_ERRORS}`;
const PAUSE_PROBE = `<script>
    window.longestPause = 0;
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      longestPause = Math.max(longestPause, now - last);
      last = now;
    }, 10);
  </script>`;
const HOST_TICKS = `<script>
    window.hostTicks = 0;
    setInterval(() => {
      hostTicks += 1;
      const out = document.getElementById("host-counter");
      if (out) out.textContent = String(hostTicks);
    }, 20);
  </script>`;
export const feedsDir = join(here, 'feeds');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** A valid feed body used by the faults that need one. */
const TINY_FEED = (feeds) =>
  JSON.stringify([
    {
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Conservation Technician',
      hiringOrganization: { '@type': 'Organization', name: 'Harbour Museum of Maritime History' },
      jobLocation: {
        '@type': 'Place',
        address: { '@type': 'PostalAddress', addressLocality: 'Portland', addressRegion: 'ME', addressCountry: 'US' },
      },
      employmentType: 'FULL_TIME',
      datePosted: isoDate(-3),
      validThrough: isoDate(40),
      url: `${feeds}/portal/harbour/conservation-technician`,
    },
  ]);

/** `YYYY-MM-DD`, `days` from today (negative: in the past). */
export function isoDate(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Starts the three servers. Resolves to their origins, the origin of a port
 * nothing listens on (`refusedOrigin`), a log of the requests FEEDS received,
 * `setSwitch(name, fault)` to make `/switch/<name>` answer a fault or a feed,
 * and `close()`, which also destroys connections left hanging.
 */
export async function startServers({ dist = distDir } = {}) {
  const origins = {};
  const sockets = new Set();
  const servers = [];
  const feedRequests = [];
  const widgetRequests = [];
  const switches = new Map();
  const timers = new Set();

  const later = (ms, fn) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
    return t;
  };

  async function listen(handler) {
    // Links as long as a browser sends (a crafted ?openings=… of megabytes).
    const server = createServer({ maxHeaderSize: 4 * 1024 * 1024 }, (req, res) => {
      handler(req, res).catch((err) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`test server error: ${err.message}`);
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

  /** A file under `root`, or null when the path leaves it or is missing. */
  async function fileUnder(root, urlPath) {
    const rel = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
    const file = join(root, rel);
    if (file !== root && !file.startsWith(root + sep)) return null;
    try {
      const info = await stat(file);
      if (info.isDirectory()) return fileUnder(root, join(rel, 'index.html'));
      return file;
    } catch {
      return null;
    }
  }

  const rendered = { html: '' };

  function fill(template, params) {
    return template
      .replaceAll('{{rendered}}', rendered.html)
      .replaceAll('{{hostHead}}', HOST_HEAD)
      .replaceAll('{{hostErrors}}', HOST_ERRORS)
      .replaceAll('{{hostTicks}}', HOST_TICKS)
      .replaceAll('{{pauseProbe}}', PAUSE_PROBE)
      // {{longLang}}: "en" and ?variants=N variant subtags, a tag built to be slow.
      .replaceAll('{{longLang}}', 'en' + Array.from({ length: Math.min(Number(params.get('variants') ?? 0), 100_000) }, (_, i) => `-v${String(i).padStart(4, '0')}`).join(''))
      .replaceAll('{{widgetScript}}', params.has('nowidget')
        ? '<!-- widget left out (?nowidget) -->'
        : params.has('slowwasm')
          ? `<script src="${origins.widget}/slow-wasm/openings.js" defer></script>`
          : `<script src="${origins.widget}/openings.js" defer></script>`)
      .replaceAll('{{widget}}', origins.widget)
      .replaceAll('{{feeds}}', origins.feeds)
      .replaceAll('{{refused}}', origins.refused)
      .replace(/\{\{date:([+-]?\d+)\}\}/g, (_, d) => isoDate(Number(d)))
      // {{param:feed|/feeds/museum.json}}: the query parameter, else the
      // fallback (a path on FEEDS when it starts with '/').
      .replace(/\{\{param:([\w-]+)(?:\|([^}]*))?\}\}/g, (_, name, fallback = '') =>
        escapeHtml(params.get(name) ?? (fallback.startsWith('/') ? origins.feeds + fallback : fallback)),
      );
  }

  // WIDGET: the release build, as a CDN would serve it (CORS open, so that
  // the loader may import its module, wasm and stylesheet from any page).
  // Under /slow-wasm/ the same files, the WebAssembly held back 1.5 s, as
  // on a slow connection.
  origins.widget = await listen(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    // Under /same-origin/, a host page served beside the widget's files,
    // for a page that loads openings.js by a relative URL.
    if (url.pathname.startsWith('/same-origin/') && url.pathname.endsWith('.html')) {
      const page = await fileUnder(pagesDir, url.pathname.slice('/same-origin'.length));
      if (page) {
        res.writeHead(200, { 'content-type': MIME['.html'], 'cache-control': 'no-store' });
        return res.end(fill(await readFile(page, 'utf8'), url.searchParams));
      }
    }
    if (url.pathname.startsWith('/same-origin/')) url.pathname = url.pathname.slice('/same-origin'.length);
    const slow = url.pathname.startsWith('/slow-wasm/');
    const path = slow ? url.pathname.slice('/slow-wasm'.length) : url.pathname;
    widgetRequests.push({ path, at: Date.now() });
    if (slow && path.endsWith('.wasm')) {
      await new Promise((ok) => later(1500, ok));
      if (res.destroyed) return;
      widgetRequests.push({ path, at: Date.now(), answered: true });
    }
    const file = await fileUnder(dist, path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' });
      res.end(`not in dist/: ${url.pathname}`);
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'access-control-allow-origin': '*',
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : await readFile(file));
  });

  // HOST: the site editor's pages, templated with the other origins.
  origins.host = await listen(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const file = await fileUnder(pagesDir, url.pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('no such host page');
      return;
    }
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    const body = type.startsWith('text/')
      ? fill(await readFile(file, 'utf8'), url.searchParams)
      : await readFile(file);
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  });

  // FEEDS: sample feeds, a fake recruiting portal, and faults.
  origins.feeds = await listen(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = url.pathname;
    feedRequests.push({ path, url: req.url, at: Date.now() });
    const cors = { 'access-control-allow-origin': '*' };
    const json = { ...cors, 'content-type': 'application/ld+json; charset=utf-8', 'cache-control': 'no-store' };

    const serveFeed = async (name) => {
      const file = await fileUnder(feedsDir, name);
      if (!file) {
        res.writeHead(404, { ...cors, 'content-type': 'text/plain' });
        res.end(`no such feed: ${name}`);
        return;
      }
      res.writeHead(200, json);
      res.end(fill(await readFile(file, 'utf8'), new URLSearchParams()));
    };

    const fault = async (kind) => {
      switch (kind) {
        case '404':
          res.writeHead(404, { ...cors, 'content-type': 'text/html' });
          return res.end('<!doctype html><title>Not Found</title><h1>Not Found</h1>');
        case '500':
          res.writeHead(500, { ...cors, 'content-type': 'text/html' });
          return res.end('<!doctype html><title>Internal Server Error</title><h1>Oops</h1>');
        case 'html':
          res.writeHead(200, { ...cors, 'content-type': 'text/html; charset=utf-8' });
          return res.end('<!doctype html><html><head><title>Jobs</title></head><body><h1>Jobs at the museum</h1><p>See our careers page.</p></body></html>');
        case 'truncated': {
          const body = TINY_FEED(origins.feeds);
          res.writeHead(200, json);
          return res.end(body.slice(0, Math.floor(body.length / 2)));
        }
        case 'not-a-feed':
          res.writeHead(200, json);
          return res.end('{"hello":"world"}');
        case 'no-cors':
          res.writeHead(200, { 'content-type': 'application/ld+json' });
          return res.end(TINY_FEED(origins.feeds));
        case 'hang':
          return; // never answers; close() destroys the socket
        case 'endless': {
          res.writeHead(200, json);
          res.write('[');
          const drip = () => {
            if (res.destroyed || res.writableEnded) return;
            res.write(' ');
            later(250, drip);
          };
          drip();
          return;
        }
        case 'empty':
          res.writeHead(200, json);
          return res.end('[]');
        default:
          res.writeHead(404, { ...cors, 'content-type': 'text/plain' });
          return res.end(`no such fault: ${kind}`);
      }
    };

    let m;
    if ((m = path.match(/^\/large\/(\d+)$/))) return largeFeed(res, Number(m[1]), url.searchParams);
    if ((m = path.match(/^\/fault\/([\w-]+)$/))) return fault(m[1]);
    if ((m = path.match(/^\/slow\/(\d+)\/(.+)$/))) {
      await new Promise((ok) => later(Number(m[1]), ok));
      if (res.destroyed) return;
      return serveFeed(m[2]);
    }
    if ((m = path.match(/^\/switch\/([\w-]+)$/))) {
      const mode = switches.get(m[1]) ?? 'ok';
      return mode === 'ok' ? serveFeed(`${m[1]}.json`) : fault(mode);
    }
    if ((m = path.match(/^\/portal\/(.+)$/))) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(`<!doctype html><title>Apply: ${escapeHtml(m[1])}</title><h1>Recruiting portal</h1><p>Application form for ${escapeHtml(m[1])}</p>`);
    }
    if ((m = path.match(/^\/feeds\/(.+)$/))) return serveFeed(m[1]);
    if (path === '/framing.html') {
      // A page on FEEDS that frames ?src= and notes every message it hears
      // (window.received): a stranger to the board's host page.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(`<!doctype html><title>A page that frames the widget</title>
        <script>window.received = []; addEventListener('message', (e) => received.push({ origin: e.origin, data: e.data }));</script>
        <iframe src="${escapeHtml(url.searchParams.get('src') ?? '')}" style="width: 900px; height: 600px"></iframe>`);
    }
    res.writeHead(404, { ...cors, 'content-type': 'text/plain' });
    res.end('not found');
  });

  /**
   * `/large/N`: a schema.org ItemList of N openings ("Opening 1"…), sent in
   * three parts. `?pause=MS` waits that long after the first part (the
   * rest is still on its way); `?cut=1` ends the body after the first part;
   * `?whole=1` sends it all at once, with its length, as a small feed or a
   * cached one comes; `?delay=MS` answers only after that long.
   */
  function largeFeed(res, count, params) {
    if (params.get('delay')) {
      const wait = Number(params.get('delay'));
      params.delete('delay');
      return later(wait, () => {
        if (!res.destroyed) largeFeed(res, count, params);
      });
    }
    const posting = (i) => JSON.stringify({
      '@type': 'ListItem',
      position: i,
      item: {
        '@type': 'JobPosting',
        title: `Opening ${i}`,
        identifier: `large-${i}`,
        datePosted: isoDate(-i % 30),
        hiringOrganization: { '@type': 'Organization', name: `Institution ${i % 7}` },
        jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Leiden', addressCountry: 'NL' } },
        description: `<p>${'A long description of the work of this opening. '.repeat(40)}</p>`,
        url: `${origins.feeds}/portal/large-${i}`,
      },
    });
    const items = Array.from({ length: count }, (_, i) => posting(i + 1));
    const third = Math.ceil(count / 3);
    const head = '{"@context":"https://schema.org","@type":"ItemList","itemListElement":[';
    // Each later part starts with the comma that joins it to what came
    // before, when it holds an entry at all (a feed of one or two openings
    // has empty parts).
    const joined = (from, to) => items.slice(from, to).map((item) => `,${item}`).join('');
    const parts = [
      head + items.slice(0, third).join(','),
      joined(third, 2 * third),
      joined(2 * third) + ']}',
    ];
    const headers = { 'access-control-allow-origin': '*', 'content-type': 'application/ld+json; charset=utf-8', 'cache-control': 'no-store' };
    if (params.get('whole')) {
      const body = Buffer.from(parts.join(''));
      res.writeHead(200, { ...headers, 'content-length': body.length });
      return res.end(body);
    }
    res.writeHead(200, headers);
    res.write(parts[0]);
    if (params.get('cut')) return res.end();
    later(Number(params.get('pause') ?? 0), () => {
      if (res.destroyed) return;
      res.write(parts[1]);
      res.end(parts[2]);
    });
  }

  // A port that was free a moment ago and that nothing listens on now.
  const probe = createServer();
  await new Promise((ok) => probe.listen(0, '127.0.0.1', ok));
  origins.refused = `http://127.0.0.1:${probe.address().port}`;
  await new Promise((ok) => probe.close(ok));

  return {
    widgetOrigin: origins.widget,
    hostOrigin: origins.host,
    feedsOrigin: origins.feeds,
    refusedOrigin: origins.refused,
    dist,
    /** Requests FEEDS received, oldest first: `{path, url (path and query), at}`. */
    feedRequests,
    /** Requests WIDGET received, oldest first: `{path, at}`, and `{path, at, answered}` when a held-back one was answered. */
    widgetRequests,
    /** `/switch/<name>` answers `feeds/<name>.json` ('ok') or the named fault. */
    setSwitch(name, mode) {
      switches.set(name, mode);
    },
    /** What `{{rendered}}` in a host page becomes (`openings render`'s output). */
    setRendered(html) {
      rendered.html = html;
    },
    /** A URL on HOST for `page` with `params` as its query. */
    hostPage(page, params = {}) {
      const url = new URL(`/${page}`, origins.host);
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      return url.href;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      await Promise.all(
        servers.map((s) => new Promise((ok) => {
          s.closeAllConnections?.();
          s.close(() => ok());
        })),
      );
    },
  };
}

/** Is there a build to test? */
export function distIsBuilt(dist = distDir) {
  return existsSync(join(dist, 'openings.js'));
}
