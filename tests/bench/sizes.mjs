//! Bytes shipped: each file a page loads, raw, gzip (level 9) and brotli
//! (quality 11), compressed with node's zlib as a static host would
//! precompress them.

import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

/** The files a host page loads for one board, in load order (as `xtask/src/dist.rs`). */
export const EMBED_FILES = ['openings.js', 'openings-board.js', 'openings-board_bg.wasm', 'openings.css'];

/** List.js's minified bundle, as the npm package ships it. */
export const listJsBundle = join(here, 'node_modules', 'list.js', 'dist', 'list.min.js');

/** `{name, raw, gzip, brotli}` for bytes. */
export function measure(name, bytes) {
  return {
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

/** `{files: [...], total}` for a list of `{name, bytes}`. */
export function bundle(parts) {
  const files = parts.map(({ name, bytes }) => measure(name, bytes));
  const total = { name: 'total', raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    total.raw += f.raw;
    total.gzip += f.gzip;
    total.brotli += f.brotli;
  }
  return { files, total };
}

/** What the embed ships, read from `dist`. */
export function embedBytes(dist) {
  return bundle(EMBED_FILES.map((name) => ({ name, bytes: readFileSync(join(dist, name)) })));
}

/** What the hand-built page ships: List.js and the script written for it. */
export function theirBytes(inlineScript) {
  return bundle([
    { name: 'list.min.js', bytes: readFileSync(listJsBundle) },
    { name: '(inline page script)', bytes: Buffer.from(inlineScript) },
  ]);
}
