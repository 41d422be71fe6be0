import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from './config';

/** The README's configuration table is the user's only manual: it must name every setting. */
describe('README configuration table', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

  it.each(CONFIG_VARIABLES.map((variable) => [variable.name, variable.default] as const))('documents %s', (name, fallback) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
    expect(row, `README.md has no row for ${name}`).toBeDefined();
    if (fallback !== undefined) expect(row).toContain(`\`${fallback}\``);
  });
});
