// Bundle the server (server/src + shared/src) into one plain-JavaScript file,
// server/dist/main.mjs, when it is missing or older than its sources. Node runs
// it directly: no TypeScript loader in the running process, which saves about a
// third of an idle server's memory. Packages stay external (loaded from
// node_modules as usual), except the pure-ESM ones the server imports (Yjs,
// lib0, y-protocols, zod), which go minified into server/dist/vendor/.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from './clientBuild.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const serverBundle = join(root, 'server', 'dist', 'main.mjs');

/**
 * The Node flags the server runs with (`npm start` passes the same in
 * package.json; `npm run cluster`, the tests and the benchmarks spawn the
 * bundle with these). `--optimize-for-size` has V8 keep a 1 MB young
 * generation (its default grows to 2 x 16 MB while modules load and keeps
 * those pages) and grow the old generation in smaller steps. With 300 clients
 * in one room at 100 updates/s (bench/sync-fanout.bench.ts, a100): RSS 84-85
 * -> 76 MB, V8's pages 30.8 -> 23.6 MB, p99 and CPU unchanged within the
 * runs' noise; with 2,000 clients over 200 rooms, RSS 125-134 -> 108-113 MB,
 * but its full collections compact the heap (10-15 ms pauses every few
 * seconds). `--single-threaded-gc` has the collector do its marking,
 * sweeping and scavenging on the main thread, in small incremental steps,
 * instead of also on helper threads: the server runs as one process per core
 * (the benchmarks give it one; `npm run cluster` runs one per node), where
 * the helpers only take turns with the main thread and the full collection's
 * final pause waits for marking they had not finished. With 2,000 clients
 * over 200 rooms (b, side by side, 3 runs each): p99 16.4 -> 7.0 ms, CPU
 * 23.9 -> 22.1 %, RSS 112 -> 115 MB (the reference's 122); with 300 clients
 * in one room (a100): RSS 75.4 -> 75.3 MB, p99 23.2 -> 21.5 ms. Source maps
 * are not enabled: they cost about 10 MB; our own
 * code in the bundle is unminified with each source file's path above its
 * code, and NODE_OPTIONS=--enable-source-maps turns them on.
 */
export const serverNodeFlags = ['--optimize-for-size', '--single-threaded-gc'];

/**
 * The environment the server starts with, under whatever the caller sets
 * (package.json's start script sets the same, unless already set). glibc's
 * allocator gives each thread that allocates (V8's GC and compiler helpers,
 * libuv's pool) an arena of its own and keeps their freed pages; with two
 * arenas, RSS with 300 clients in one room is 3-5 MB lower (86-90 -> 83-85 MB),
 * p99 and CPU unchanged. Other C libraries ignore it.
 */
export const serverEnv = { MALLOC_ARENA_MAX: '2' };
const sources = ['server/src', 'shared/src', 'server/package.json', 'package-lock.json', 'scripts/serverBuild.mjs'];

/**
 * Pure-ESM packages bundled into minified modules of their own under
 * server/dist/vendor/ (one chunk per package the server imports, splitting
 * shares their common code, so Yjs stays one instance with y-protocols).
 * V8 keeps every loaded module's source text in the heap: zod's 120 files
 * (with its 40 locales, which the server never uses: English messages only)
 * and Yjs's unminified build were about 2.6 MB of an idle server's 15.8 MB
 * heap; minified and without the locales the heap is 13.2 MB.
 */
const VENDORED = ['yjs', 'lib0', 'y-protocols', 'zod'];
const vendoredImport = new RegExp(`^(${VENDORED.join('|')})(/|$)`);
const vendorDir = join(dirname(serverBundle), 'vendor');

/**
 * The server's other packages load from node_modules as usual (CommonJS
 * packages such as express load their parts on demand, which a bundle would
 * not). The shared code's own small packages are bundled: one of them
 * (nanoid) is a different major version at the top of node_modules than the
 * one shared/ depends on.
 */
function externalPackages() {
  const { dependencies = {} } = JSON.parse(readFileSync(join(root, 'server', 'package.json'), 'utf8'));
  return Object.keys(dependencies).filter((name) => !name.startsWith('@pc/') && !VENDORED.includes(name));
}

/** A vendored module's file name: `lib0/encoding` -> `lib0-encoding.mjs`. */
const vendorFile = (specifier) => `${specifier.replace(/\//g, '-')}.mjs`;

/** Our code as esbuild bundles it, with the vendored packages left as `import`s to resolve later. */
function serverOptions(build, plugins) {
  return {
    write: false,
    entryPoints: [join(root, 'server', 'src', 'main.ts')],
    outfile: serverBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Subpath imports (e.g. `pg/...`) are external too.
    external: externalPackages().flatMap((name) => [name, `${name}/*`]),
    logLevel: 'warning',
    plugins,
    ...build,
  };
}

/** zod's locale collection replaced by nothing: its English messages are imported on their own. */
const noZodLocales = {
  name: 'no-zod-locales',
  setup(build) {
    build.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'zod')}`) ? { path: 'zod-locales', namespace: 'no-zod-locales' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'no-zod-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

export async function buildServer() {
  const { build } = await import('esbuild');
  // 1. Which vendored modules does the server import? (Bundle once with them external.)
  const specifiers = new Set();
  const collect = {
    name: 'collect-vendored',
    setup(b) {
      b.onResolve({ filter: vendoredImport }, (args) => {
        specifiers.add(args.path);
        return { path: args.path, external: true };
      });
    },
  };
  await build(serverOptions({ sourcemap: false }, [collect]));
  // 2. The vendored modules, minified, one entry each (shared code in chunks).
  const vendor = await build({
    write: false,
    entryPoints: Object.fromEntries([...specifiers].map((specifier) => [vendorFile(specifier).slice(0, -4), `vendored:${specifier}`])),
    outdir: vendorDir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    logLevel: 'warning',
    plugins: [
      noZodLocales,
      {
        name: 'vendored-entries',
        setup(b) {
          b.onResolve({ filter: /^vendored:/ }, (args) => ({ path: args.path.slice('vendored:'.length), namespace: 'vendored' }));
          b.onLoad({ filter: /.*/, namespace: 'vendored' }, (args) => ({ contents: `export * from '${args.path}';`, resolveDir: root, loader: 'js' }));
        },
      },
    ],
  });
  // 3. Our code, importing the vendored modules from ./vendor/.
  const useVendor = {
    name: 'use-vendored',
    setup(b) {
      b.onResolve({ filter: vendoredImport }, (args) => ({ path: `./vendor/${vendorFile(args.path)}`, external: true }));
    },
  };
  const result = await build(
    serverOptions(
      {
        sourcemap: true,
        // Stack traces need the mappings only; the sources' text would stay in the server's memory for nothing.
        sourcesContent: false,
        // `import.meta.url` keeps pointing two folders below the repository root, as server/src/app.ts expects.
      },
      [useVendor],
    ),
  );
  // Written next to the target and renamed: a server starting meanwhile never reads half a file.
  // The vendored modules go first, so the new bundle never imports a file that is not there yet.
  const suffix = `.${process.pid}.tmp`;
  const writeFile = (path, contents) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}${suffix}`, contents);
    renameSync(`${path}${suffix}`, path);
  };
  for (const file of vendor.outputFiles) writeFile(file.path, file.contents);
  const map = result.outputFiles.find((file) => file.path.endsWith('.map'));
  const code = result.outputFiles.find((file) => !file.path.endsWith('.map'));
  if (map) writeFile(`${serverBundle}.map`, map.contents);
  writeFile(serverBundle, code.contents);
  // Chunks of an earlier build (their names carry a hash) are no longer imported.
  const written = new Set(vendor.outputFiles.map((file) => basename(file.path)));
  for (const name of readdirSync(vendorDir)) if (!written.has(name)) rmSync(join(vendorDir, name), { force: true });
}

export async function ensureServerBuilt() {
  const builtAt = existsSync(serverBundle) && existsSync(vendorDir) ? statSync(serverBundle).mtimeMs : 0;
  const changedAt = Math.max(...sources.map((source) => newestMtime(join(root, source))));
  if (builtAt >= changedAt) return;
  console.log(builtAt ? 'Server sources changed; rebuilding…' : 'Building the server (first start)…');
  await buildServer();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
