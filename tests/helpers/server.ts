import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureServerBuilt, serverBundle, serverEnv, serverNodeFlags } from '../../scripts/serverBuild.mjs';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningServer {
  port: number;
  url: string;
  wsUrl: string;
  /** Base URL of the separate metrics listener (tests always turn it on). */
  metricsUrl: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything the server printed, for assertions and for failure messages. */
  output(): string;
  /** Stop with a signal (SIGTERM: graceful; SIGKILL: crash) and wait for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Stop and delete the data directory. */
  dispose(): Promise<void>;
}

export interface StartOptions {
  dataDir?: string;
  port?: number;
  env?: Record<string, string>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'pc-test-'));
}

/**
 * Start the real server (server/src/main.ts) as its own process and wait for /healthz.
 * A port picked here can be taken before the server binds it (another test's server,
 * or a client socket's own local port from the same range): then it tries other ports.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const portsPickedHere = options.port === undefined && options.env?.METRICS_PORT === undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerOnce(options);
    } catch (error) {
      if (!portsPickedHere || attempt >= 5 || !String(error).includes('EADDRINUSE')) throw error;
    }
  }
}

async function startServerOnce(options: StartOptions): Promise<RunningServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const port = options.port ?? (await freePort());
  const metricsPort = options.env?.METRICS_PORT ?? String(await freePort());
  let output = '';
  // The process `npm start` runs: the bundled server, rebuilt here when its sources changed.
  await ensureServerBuilt();
  // The test runner's own service settings (DATABASE_URL, REDIS_URL for the tests that
  // reach PostgreSQL and Redis directly) are not the server's: a test passes what it wants.
  const { REDIS_URL: _redis, STORAGE: _storage, ...inherited } = process.env;
  const child = spawn(process.execPath, [...serverNodeFlags, serverBundle], {
    cwd: repoRoot,
    env: {
      ...serverEnv,
      ...inherited,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      METRICS_PORT: metricsPort,
      // Every test client comes from 127.0.0.1, as a whole venue behind one router would:
      // the per-address limits are raised here and tested on their own (limits.test.ts,
      // review-pack.test.ts).
      MAX_CONNECTIONS_PER_IP: '100000',
      BOARD_CREATIONS_PER_IP_PER_HOUR: '0',
      COMPARISONS_PER_IP_PER_MINUTE: '0',
      COMPARISONS_PER_BOARD_PER_MINUTE: '0',
      COMPARISONS_PER_LINK_PER_MINUTE: '0',
      PDF_EXPORTS_PER_IP_PER_MINUTE: '0',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`server exited early (${child.exitCode}):\n${output}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy in 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill(signal);
    return exited;
  };
  return {
    port,
    url,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    metricsUrl: `http://127.0.0.1:${metricsPort}`,
    dataDir,
    process: child,
    output: () => output,
    stop,
    async dispose() {
      await stop('SIGTERM');
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A new server process on the same port and data directory as `server` (which
 * must have stopped): what a supervisor does after a crash. Clients that keep
 * retrying the same URL reconnect to it on their own.
 */
export function restartServer(server: Pick<RunningServer, 'port' | 'dataDir'>, env: Record<string, string> = {}): Promise<RunningServer> {
  return startServer({ port: server.port, dataDir: server.dataDir, env });
}

/** Resident memory of the server process (VmRSS in /proc), in bytes. */
export function serverRss(server: Pick<RunningServer, 'process'>): number {
  const status = readFileSync(`/proc/${server.process.pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS for process ${server.process.pid}`);
  return Number(match[1]) * 1024;
}

export interface CreatedBoard {
  id: string;
  title: string;
  tokens: { owner: string; edit: string; view: string };
  links: { owner: string; edit: string; view: string };
}

export async function createBoard(server: { url: string }, title = 'Test board'): Promise<CreatedBoard> {
  const res = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new Error(`POST /api/boards -> ${res.status}: ${await res.text()}`);
  return (await res.json()) as CreatedBoard;
}
