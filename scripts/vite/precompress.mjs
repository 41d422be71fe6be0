// A Vite plugin: after the client build, write a Brotli (.br) and a gzip (.gz)
// copy next to every compressible asset, so the server sends them without
// compressing per request (server/src/http/staticClient.ts). The app's script
// is about 1.2 MB as built and about a quarter of that compressed: the
// difference is most of a first load on a venue's Wi-Fi.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|wasm)$/;
/** Smaller files gain less than the headers cost. */
const MIN_BYTES = 1024;

function* files(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Write `<file>.br` and `<file>.gz` for each compressible file of `dir` (kept only when smaller). */
export function precompressDir(dir) {
  const written = [];
  for (const path of files(dir)) {
    if (!COMPRESSIBLE.test(path)) continue;
    const source = readFileSync(path);
    if (source.byteLength < MIN_BYTES) continue;
    const br = brotliCompressSync(source, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: 10,
        [constants.BROTLI_PARAM_SIZE_HINT]: source.byteLength,
      },
    });
    const gz = gzipSync(source, { level: 9 });
    if (br.byteLength < source.byteLength) writeFileSync(`${path}.br`, br);
    if (gz.byteLength < source.byteLength) writeFileSync(`${path}.gz`, gz);
    written.push({ path, bytes: source.byteLength, br: br.byteLength, gzip: gz.byteLength });
  }
  return written;
}

export function precompress() {
  let outDir = '';
  return {
    name: 'pc-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    closeBundle() {
      precompressDir(outDir);
    },
  };
}
