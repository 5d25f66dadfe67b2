//! The npm package (issue 13), as a site editor gets it: installed with npm
//! from its tarball (`cargo xtask package`), served the way public npm CDNs
//! serve packages — a versioned path on an origin of its own — and pasted as
//! its README says into a page of a third origin: the board shows, and the
//! README's integrity value is the shipped loader's.

import assert from 'node:assert/strict';
import { test, before, after } from 'node:test';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSession } from './browser.mjs';
import { useHarness, titles, eventually, assertHostUnharmed } from './harness.mjs';

const h = useHarness();
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MUSEUM_TITLES = ['Collections Registrar', 'Visitor Experience Associate', 'Digital Collections Developer'];
const MIME = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.html': 'text/html', '.json': 'application/json' };

function tarball() {
  if (process.env.PACKAGE_TGZ) return process.env.PACKAGE_TGZ;
  const dir = join(repo, 'target', 'package');
  const found = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.tgz')) : [];
  assert.ok(found.length === 1, `one tarball in ${dir} (run \`cargo xtask package\`, or set PACKAGE_TGZ)`);
  return join(dir, found[0]);
}

const npm = (args, cwd) => new Promise((ok, fail) => {
  execFile('npm', args, { cwd, timeout: 120_000 }, (error, stdout, stderr) => (error ? fail(new Error(stderr || error.message)) : ok(stdout)));
});

let scratch;
let installed;
let cdn;
let version;

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'openings-package-'));
  await npm(['install', tarball(), '--no-audit', '--no-fund', '--offline', '--ignore-scripts', '--prefix', scratch], scratch);
  installed = join(scratch, 'node_modules', 'openings-board');
  version = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).version;
  // A CDN for npm packages: /npm/<name>@<version>/<file>, open to every origin.
  cdn = createServer((req, res) => {
    const prefix = `/npm/openings-board@${version}/`;
    const path = new URL(req.url, 'http://x').pathname;
    const rel = path.startsWith(prefix) ? normalize(decodeURIComponent(path.slice(prefix.length))) : null;
    const file = rel && join(installed, rel);
    if (!file || !file.startsWith(installed + sep) || !existsSync(file)) {
      res.writeHead(404, { 'access-control-allow-origin': '*' });
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'access-control-allow-origin': '*' });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => cdn.listen(0, '127.0.0.1', ok));
});

after(async () => {
  await new Promise((ok) => cdn?.close(ok));
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

// Proves the package holds the build and nothing else: the loader, glue,
// wasm and CSS, the iframe mode's files, the configurator (with its own wasm), its README and
// licences — no sources, no demo feeds.
test('the package ships the build, its README and licences, and nothing else', () => {
  const files = readdirSync(installed, { recursive: true }).map(String).sort();
  assert.deepEqual(files, [
    'LICENSE-APACHE', 'LICENSE-MIT', 'README.md', 'dist',
    'dist/configure.css', 'dist/configure.html', 'dist/configure.js',
    'dist/frame.css', 'dist/frame.html', 'dist/frame.js',
    'dist/openings-board.js', 'dist/openings-board_bg.wasm',
    'dist/openings-configure.js', 'dist/openings-configure_bg.wasm',
    'dist/openings.css', 'dist/openings.js',
    'package.json',
  ]);
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.equal(pkg.jsdelivr, 'dist/openings.js');
  assert.equal(pkg.unpkg, 'dist/openings.js');
});

// Proves the README's snippet, served from a CDN-style versioned path,
// shows the board on a page of another origin, with the integrity value
// the browser checks.
test('the README snippet from a versioned CDN path shows a board, integrity checked', { timeout: 60_000 }, async () => {
  const readme = readFileSync(join(installed, 'README.md'), 'utf8');
  const script = readme.match(/<script src="https:\/\/cdn\.jsdelivr\.net\/npm\/openings-board@([^/]+)\/dist\/openings\.js"\s+integrity="([^"]+)" crossorigin="anonymous" defer><\/script>/);
  assert.ok(script, 'the README gives the versioned snippet');
  assert.equal(script[1], version);
  const loader = readFileSync(join(installed, 'dist', 'openings.js'));
  assert.equal(script[2], `sha384-${createHash('sha384').update(loader).digest('base64')}`, 'the README\'s integrity is the shipped loader\'s');

  const src = `http://127.0.0.1:${cdn.address().port}/npm/openings-board@${version}/dist/openings.js`;
  h.servers.setRendered(
    `<script src="${src}" integrity="${script[2]}" crossorigin="anonymous" defer></script>\n` +
    `<openings-board id="main" feed="${h.servers.feedsOrigin}/feeds/museum.json"></openings-board>`,
  );
  const s = await openSession(h.browser);
  await s.page.goto(h.servers.hostPage('rendered.html', { nowidget: '1' }));
  const b = s.page.locator('openings-board#main');
  await eventually(async () => assert.deepEqual((await titles(b)).sort(), [...MUSEUM_TITLES].sort()), { timeout: 20_000 });
  await assertHostUnharmed(s);
  assert.deepEqual(s.pageErrors, []);
  await s.close();
});
