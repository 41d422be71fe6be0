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
