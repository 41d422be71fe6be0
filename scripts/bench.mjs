// `npm run bench [name…] [-- --option…]`: run the benchmark scripts in bench/
// one after the other (never in parallel: they measure a 2-core machine). Each
// prints a table and appends it to bench/RESULTS.md. A script that fails does
// not stop the others; the run exits non-zero and names it at the end.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureClientBuilt } from './clientBuild.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// Names filter the scripts; options (--quick, --measure=30, ...) go to each script.
const args = process.argv.slice(2);
const wanted = args.filter((arg) => !arg.startsWith('-'));
const options = args.filter((arg) => arg.startsWith('-'));
const all = readdirSync(join(root, 'bench')).filter((file) => file.endsWith('.bench.ts'));
// A name is a script's exact name when one has it (`render`, not also `matrix-render`), else a substring.
const matches = (name) => {
  const exact = all.filter((file) => file === `${name}.bench.ts`);
  return exact.length > 0 ? exact : all.filter((file) => file.includes(name));
};
const scripts = (wanted.length === 0 ? all : [...new Set(wanted.flatMap(matches))]).sort();
if (scripts.length === 0) {
  console.error(`No benchmark matches ${wanted.join(', ')}`);
  process.exit(1);
}
const started = Date.now();
// Browser benchmarks measure the built client: make sure it is the current one.
const BROWSER_SCRIPTS = ['render', 'matrix-render', 'stakeholder-pan', 'remote-edit'];
if (scripts.some((script) => BROWSER_SCRIPTS.some((name) => script.startsWith(`${name}.`)))) ensureClientBuilt();
const summary = [];
for (const script of scripts) {
  console.log(`\n▶ bench/${script}`);
  const scriptStarted = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', join('bench', script), ...options], { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - scriptStarted) / 1000).toFixed(0);
  const ok = result.status === 0;
  summary.push(`${ok ? 'ok    ' : 'FAILED'} ${script.padEnd(28)} ${seconds.padStart(4)} s${ok ? '' : ` (exit ${result.status ?? result.signal})`}`);
  if (result.signal === 'SIGINT') break;
}
console.log(`\n${summary.join('\n')}\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (summary.some((line) => line.startsWith('FAILED'))) process.exit(1);
