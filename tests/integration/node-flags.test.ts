import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureServerBuilt, serverBundle, serverEnv, serverNodeFlags } from '../../scripts/serverBuild.mjs';
import { repoRoot, startServer, type RunningServer } from '../helpers/server';
import { metric } from '../helpers/sync';

/**
 * The server's Node flags and environment: `npm start` and the spawned servers
 * (tests, cluster, benchmarks) run with the same ones, and they take effect (a
 * young generation of 1 MB instead of V8's 2 x 16 MB, which an idle server
 * would keep; two glibc malloc arenas).
 */
describe('server Node flags and environment', () => {
  const servers: RunningServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.dispose()));
  });

  it('npm start passes every one of them', () => {
    const { scripts } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const start = scripts.start!.split(/\s+/);
    const node = start.indexOf('node');
    expect(node).toBeGreaterThanOrEqual(0);
    for (const flag of serverNodeFlags) expect(start.slice(node + 1, start.indexOf('scripts/start.mjs'))).toContain(flag);
    // Each variable is set unless the caller set it: `NAME=${NAME:-value}` before `node`.
    const assignments = start.slice(0, node);
    for (const [name, value] of Object.entries(serverEnv)) expect(assignments).toContain(`${name}=\${${name}:-${value}}`);
    expect(assignments).toHaveLength(Object.keys(serverEnv).length);
  });

  it.runIf(existsSync('/proc/self/environ'))('starts a spawned server with the environment', async () => {
    const server = await startServer();
    servers.push(server);
    const environ = readFileSync(`/proc/${server.process.pid}/environ`, 'utf8').split('\0');
    for (const [name, value] of Object.entries(serverEnv)) expect(environ).toContain(`${name}=${value}`);
  });

  it('caps the young generation of a running server', async () => {
    const server = await startServer();
    servers.push(server);
    const newSpace = await metric(server, 'pc_nodejs_heap_space_size_total_bytes', { space: 'new' });
    expect(newSpace).toBeGreaterThan(0);
    expect(newSpace).toBeLessThanOrEqual(2 * 2 ** 20);
    const commandLine = readFileSync(`/proc/${server.process.pid}/cmdline`, 'utf8').split('\0');
    for (const flag of serverNodeFlags) expect(commandLine).toContain(flag);
  });

  it('loads Yjs, lib0, y-protocols and zod from the minified vendor modules, zod without its locales', async () => {
    await ensureServerBuilt();
    const bundle = readFileSync(serverBundle, 'utf8');
    expect(bundle).toContain('from "./vendor/yjs.mjs"');
    expect(bundle).toContain('from "./vendor/zod.mjs"');
    expect(bundle).not.toMatch(/from "(yjs|zod|lib0\/[\w-]+|y-protocols\/[\w-]+)"/);
    const vendorDir = join(dirname(serverBundle), 'vendor');
    const vendored = readdirSync(vendorDir).map((name) => readFileSync(join(vendorDir, name), 'utf8')).join('\n');
    // English messages are there; another locale's (German) are not.
    expect(vendored).toContain('Invalid input');
    expect(vendored).not.toContain('Ungültige Eingabe');
  });
});
