// Bundle the server (server/src + shared/src) into one plain-JavaScript file,
// server/dist/main.mjs, when it is missing or older than its sources. Node runs
// it directly: no TypeScript loader in the running process, which saves about a
// third of an idle server's memory. Packages stay external (loaded from
// node_modules as usual); only our own TypeScript is bundled.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from './clientBuild.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const serverBundle = join(root, 'server', 'dist', 'main.mjs');

/**
 * The Node flags the server runs with (`npm start` passes the same in
 * package.json; `npm run cluster`, the tests and the benchmarks spawn the
 * bundle with these). The young generation is capped at 4 MB per semi-space:
 * V8's default lets it grow to 16 MB while modules load and keeps those pages,
 * about 20 MB of an idle server's RSS, for no gain in speed at the server's
 * load (sync fan-out p99 and CPU unchanged; RSS 109 -> 87 MB with 300 clients
 * in one room). Source maps are not enabled: they cost about 10 MB; the bundle
 * is unminified with each source file's path above its code, and
 * NODE_OPTIONS=--enable-source-maps turns them on.
 */
export const serverNodeFlags = ['--max-semi-space-size=4'];

/**
 * The environment the server starts with, under whatever the caller sets
 * (package.json's start script sets the same, unless already set). glibc's
 * allocator gives each thread that allocates (V8's GC and compiler helpers,
 * libuv's pool) an arena of its own and keeps their freed pages; with two
 * arenas, RSS with 300 clients in one room is 3-5 MB lower (86-90 -> 83-85 MB),
 * p99 and CPU unchanged. Other C libraries ignore it.
 */
export const serverEnv = { MALLOC_ARENA_MAX: '2' };
const sources = ['server/src', 'shared/src', 'server/package.json', 'package-lock.json'];

/**
 * The server's packages, loaded from node_modules as usual (Yjs must stay one
 * instance shared with y-protocols). The shared code's own small packages are
 * bundled: one of them (nanoid) is a different major version at the top of
 * node_modules than the one shared/ depends on.
 */
function externalPackages() {
  const { dependencies = {} } = JSON.parse(readFileSync(join(root, 'server', 'package.json'), 'utf8'));
  return [...Object.keys(dependencies).filter((name) => !name.startsWith('@pc/')), 'yjs', 'lib0'];
}

export async function buildServer() {
  const { build } = await import('esbuild');
  const result = await build({
    write: false,
    entryPoints: [join(root, 'server', 'src', 'main.ts')],
    outfile: serverBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Subpath imports (e.g. `yjs/...`, `lib0/decoding`) are external too.
    external: externalPackages().flatMap((name) => [name, `${name}/*`]),
    sourcemap: true,
    // Stack traces need the mappings only; the sources' text would stay in the server's memory for nothing.
    sourcesContent: false,
    logLevel: 'warning',
    // `import.meta.url` keeps pointing two folders below the repository root, as server/src/app.ts expects.
  });
  // Written next to the target and renamed: a server starting meanwhile never reads half a file.
  mkdirSync(dirname(serverBundle), { recursive: true });
  const map = result.outputFiles.find((file) => file.path.endsWith('.map'));
  const code = result.outputFiles.find((file) => !file.path.endsWith('.map'));
  const suffix = `.${process.pid}.tmp`;
  if (map) {
    writeFileSync(`${serverBundle}.map${suffix}`, map.contents);
    renameSync(`${serverBundle}.map${suffix}`, `${serverBundle}.map`);
  }
  writeFileSync(`${serverBundle}${suffix}`, code.contents);
  renameSync(`${serverBundle}${suffix}`, serverBundle);
}

export async function ensureServerBuilt() {
  const builtAt = existsSync(serverBundle) ? statSync(serverBundle).mtimeMs : 0;
  const changedAt = Math.max(...sources.map((source) => newestMtime(join(root, source))));
  if (builtAt >= changedAt) return;
  console.log(builtAt ? 'Server sources changed; rebuilding…' : 'Building the server (first start)…');
  await buildServer();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
