import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * PostgreSQL and Redis for the tests that need them. Locally a missing service
 * skips those tests; with REQUIRE_SERVICES=1 (as CI sets) it fails them, so a
 * broken service can never pass as green.
 */
export const REQUIRE_SERVICES = process.env.REQUIRE_SERVICES === '1';

export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(check: () => Promise<void>, what: string): Promise<boolean> {
  try {
    await check();
    return true;
  } catch (error) {
    const message = `${what} is not reachable: ${error instanceof Error ? error.message : String(error)}`;
    if (REQUIRE_SERVICES) throw new Error(`${message} (REQUIRE_SERVICES=1, so this fails instead of skipping)`);
    console.warn(`${message}; skipping the tests that need it`);
    return false;
  }
}

/** The PostgreSQL URL when the server answers, null (skip) when it does not and it is not required. */
export async function availablePostgres(): Promise<string | null> {
  const ok = await reachable(async () => {
    const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 });
    await client.connect();
    try {
      await client.query('SELECT 1');
    } finally {
      await client.end();
    }
  }, `PostgreSQL at ${DATABASE_URL}`);
  return ok ? DATABASE_URL : null;
}

/** A fresh schema name, so parallel runs and earlier runs never see each other's tables. */
export function throwawaySchema(prefix = 'pc_test'): string {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The Redis URL when it answers PING, null (skip) when it does not and it is not required. */
export async function availableRedis(): Promise<string | null> {
  const ok = await reachable(async () => {
    const client = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
    } finally {
      client.disconnect();
    }
  }, `Redis at ${REDIS_URL}`);
  return ok ? REDIS_URL : null;
}

/** A fresh channel prefix, so parallel test files never hear each other's nodes. */
export function throwawayPrefix(): string {
  return `pc_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}

/** Whether `redis-server` can be started here (for tests that restart a Redis of their own); as `reachable`, fails under REQUIRE_SERVICES. */
export function redisServerInstalled(): boolean {
  const probe = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  if (probe.status === 0) return true;
  const message = 'redis-server is not installed';
  if (REQUIRE_SERVICES) throw new Error(`${message} (REQUIRE_SERVICES=1, so this fails instead of skipping)`);
  console.warn(`${message}; skipping the tests that restart Redis`);
  return false;
}

export interface PrivateRedis {
  url: string;
  port: number;
  /** Kill it (SIGKILL: what a crash or a restart looks like to clients). */
  stop(): Promise<void>;
  /** Start it again on the same port (empty: pub/sub keeps nothing anyway). */
  start(): Promise<void>;
}

/** A redis-server of our own on a free port, to stop and start inside a test without touching the shared one. */
export async function privateRedis(port: number): Promise<PrivateRedis> {
  let child: ChildProcess | null = null;
  const url = `redis://127.0.0.1:${port}`;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    for (;;) {
      const client = new Redis(url, { lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.ping();
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      } finally {
        client.disconnect();
      }
    }
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return { url, port, stop, start };
}
