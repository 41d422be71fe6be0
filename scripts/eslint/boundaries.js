/**
 * Import boundaries between the packages and board folders, as each CONTEXT.md
 * states them. Relative imports are resolved against the importing file, so a
 * `../../` path is judged by where it lands, not by how it is spelled.
 *
 * - shared/: never client/, server/, Node built-ins or a package outside its
 *   own dependencies (it runs in the browser and in Node).
 * - client/: never server/ or Node built-ins.
 * - server/: never client/.
 * - client/src/boards/<board>/: never another board's folder (folders listed in
 *   SHARED_BOARD_FOLDERS hold what every board shares).
 * - client/src/{lib,ui-kit,canvas,collab}/: the layers boards build on never
 *   import a board or the app shell (arrows run one way: shell -> boards -> kit).
 * - client/src/shell/ (pages, workspace, header, toolbar, share dialog): only
 *   the entry (App.tsx, main.tsx) and the shell itself import it. Boards, the
 *   free canvas, comments, exports and the rest take shared inputs, icons and
 *   dialog hooks from ui-kit/.
 * - Everyone outside shared/ reaches it through `@pc/shared` (tests may also use
 *   `@pc/shared/testing`; the client's first script uses `@pc/shared/protocol`,
 *   the wire constants without the schemas), never by a path into shared/src.
 */
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const NODE_BUILTINS = new Set(builtinModules);
const SHARED_DEPENDENCIES = ['yjs', 'zod', 'lib0', 'nanoid', 'fractional-indexing'];
const TEST_ONLY_DEPENDENCIES = ['vitest'];
const SHARED_BOARD_FOLDERS = new Set(['partners']);
const CLIENT_BASE_LAYERS = /^client\/src\/(lib|ui-kit|canvas|collab)\//;
const CLIENT_UPPER_LAYERS = /^client\/src\/(boards|shell|freeCanvas)\//;
const CLIENT_SHELL = /^client\/src\/shell\//;
const CLIENT_ENTRY = new Set(['client/src/App.tsx', 'client/src/main.tsx', 'client/src/appStart.tsx']);
/** The client's first script and what it imports: kept small, so they take the wire constants alone. */
const EARLY_FILES = new Set(['client/src/earlyStart.ts', 'client/src/routing.ts', 'client/src/collab/earlySocket.ts', 'client/src/collab/gzippedSync.ts']);

const isNodeBuiltin = (spec) => spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]);
const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
const isTestFile = (path) => /\.test\.tsx?$|\.testutil\.ts$/.test(path) || path.startsWith('tests/') || path.startsWith('bench/');

/** Repo-relative path with forward slashes, or null outside the repo. */
function repoPath(absolute) {
  const rel = relative(ROOT, absolute);
  return rel.startsWith('..') ? null : rel.split(sep).join('/');
}

/** The board folder a repo path is in (client/src/boards/<name>/...), or null. */
function boardOf(path) {
  const match = /^client\/src\/boards\/([^/]+)\//.exec(path);
  return match ? match[1] : null;
}

function problem(file, spec) {
  const from = repoPath(file);
  if (from === null) return null;
  const test = isTestFile(from);
  const target = spec.startsWith('.') ? repoPath(resolve(dirname(file), spec)) : null;

  if (spec.startsWith('@pc/shared/') && !(spec === '@pc/shared/testing' && test) && !(spec === '@pc/shared/protocol' && EARLY_FILES.has(from))) {
    return `Import @pc/shared through its package entry ('@pc/shared'${test ? " or '@pc/shared/testing'" : ''}), not ${spec}.`;
  }
  if (target?.startsWith('shared/') && !from.startsWith('shared/')) {
    return "Reach shared/ through '@pc/shared', not a path into its sources.";
  }

  if (from.startsWith('shared/')) {
    if (target && !target.startsWith('shared/')) return `shared/ never imports from outside itself (${target}).`;
    if (spec === '@pc/shared') return 'Inside shared/, import the module itself (a relative path), not the package entry.';
    if (!spec.startsWith('.')) {
      if (isNodeBuiltin(spec)) return `shared/ runs in the browser too: no Node built-ins (${spec}).`;
      const name = packageName(spec);
      if (!SHARED_DEPENDENCIES.includes(name) && !(test && TEST_ONLY_DEPENDENCIES.includes(name))) {
        return `shared/ may import only ${SHARED_DEPENDENCIES.join(', ')} (got ${spec}).`;
      }
    }
    return null;
  }

  if (from.startsWith('client/')) {
    if (target?.startsWith('server/') || spec.startsWith('@pc/server')) return 'The client never imports the server.';
    if (!spec.startsWith('.') && isNodeBuiltin(spec)) return `The client runs in the browser: no Node built-ins (${spec}).`;
    if (CLIENT_BASE_LAYERS.test(from) && target && CLIENT_UPPER_LAYERS.test(target)) {
      return `${from.split('/')[2]}/ is below the boards and the shell: it never imports ${target.split('/').slice(2, 3)}/.`;
    }
    if (target && CLIENT_SHELL.test(target) && !CLIENT_SHELL.test(from) && !CLIENT_ENTRY.has(from)) {
      return `Only App.tsx and the shell import shell/ (${target}); take shared parts from ui-kit/.`;
    }
    const board = boardOf(from);
    const targetBoard = target ? boardOf(target) : null;
    if (board && targetBoard && targetBoard !== board && !SHARED_BOARD_FOLDERS.has(targetBoard)) {
      return `A board never imports another board (boards/${board} -> boards/${targetBoard}); move what both need below boards/.`;
    }
    return null;
  }

  if (from.startsWith('server/')) {
    if (target?.startsWith('client/') || spec.startsWith('@pc/client')) return 'The server never imports the client.';
  }
  return null;
}

const importBoundaries = {
  meta: { type: 'problem', docs: { description: 'Import boundaries between packages and boards' }, schema: [] },
  create(context) {
    const check = (node) => {
      const source = node.source;
      if (!source || typeof source.value !== 'string') return;
      const message = problem(context.filename, source.value);
      if (message) context.report({ node: source, message });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { imports: importBoundaries } };
