// `npm run bench [name…]`: run the benchmark scripts in bench/ one after the
// other (never in parallel: they measure a 2-core machine). Each prints a table
// and appends it to bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Names filter the scripts; options (--quick, --measure=30, ...) go to each script.
const args = process.argv.slice(2);
const wanted = args.filter((arg) => !arg.startsWith('-'));
const options = args.filter((arg) => arg.startsWith('-'));
const scripts = readdirSync(join(root, 'bench'))
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.includes(name)))
  .sort();
if (scripts.length === 0) {
  console.error(`No benchmark matches ${wanted.join(', ')}`);
  process.exit(1);
}
for (const script of scripts) {
  console.log(`\n▶ bench/${script}`);
  execFileSync(process.execPath, ['--import', 'tsx', join('bench', script), ...options], { cwd: root, stdio: 'inherit' });
}
