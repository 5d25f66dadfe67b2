//! A host page under a Content-Security-Policy, for the stories of
//! `csp.test.mjs` (Chromium) and `firefox.test.mjs`: the policy
//! SECURITY.md tells a host to send, the loader's Subresource Integrity
//! value, and a host server that sends each page with the policy it is
//! asked for.

import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir } from './servers.mjs';

/** The policy SECURITY.md tells a host to send, for these origins. */
export function strictPolicy({ widget, feeds }) {
  return [
    "default-src 'none'",
    `script-src ${widget} 'wasm-unsafe-eval'`,
    `connect-src ${widget} ${feeds}`,
    `style-src ${widget}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The SRI value of the built loader, as `cargo xtask dist` prints it. */
export function loaderIntegrity() {
  const digest = createHash('sha384').update(readFileSync(join(distDir, 'openings.js'))).digest('base64');
  return `sha384-${digest}`;
}

/**
 * A host server that sends each page of HOST (`hostOrigin()`, asked at
 * each request: the servers may start after it; templated as usual)
 * with the Content-Security-Policy header given in the request's
 * `?policy=` parameter. (Not the driver's routing: a page fulfilled by the
 * driver has no address, and Chromium then refuses its requests to
 * 127.0.0.1.) Returns `{origin, close()}`.
 */
export async function startPolicyHost(hostOrigin) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const policy = url.searchParams.get('policy') ?? '';
    url.searchParams.delete('policy');
    const answer = await fetch(`${hostOrigin()}${url.pathname}${url.search}`);
    res.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'text/plain',
      'cache-control': 'no-store',
      'content-security-policy': policy,
    });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
  };
}
