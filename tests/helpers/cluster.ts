import { nextSyncUrl } from '../../client/src/collab/failover';
import { startServer, type RunningServer } from './server';
import { throwawayPrefix, throwawaySchema } from './services';
import type { ClientPool, SyncClient } from './sync';

/**
 * Several real server processes sharing one PostgreSQL schema and one Redis
 * channel prefix (both throwaway), as a deployment behind a load balancer.
 */
export interface ClusterEnv {
  schema: string;
  prefix: string;
  env: Record<string, string>;
}

export function clusterEnv(databaseUrl: string, redisUrl: string, extra: Record<string, string> = {}): ClusterEnv {
  const schema = throwawaySchema('pc_cluster');
  const prefix = throwawayPrefix();
  return {
    schema,
    prefix,
    env: {
      STORAGE: 'postgres',
      DATABASE_URL: databaseUrl,
      DATABASE_SCHEMA: schema,
      REDIS_URL: redisUrl,
      REDIS_CHANNEL_PREFIX: prefix,
      FANOUT_RESYNC_MS: '500',
      FANOUT_NODE_TIMEOUT_MS: '2000',
      ...extra,
    },
  };
}

export function startNodes(count: number, env: Record<string, string>): Promise<RunningServer[]> {
  // One after the other: three cold starts at once on two shared cores can pass the 30 s health wait.
  return Array.from({ length: count }).reduce<Promise<RunningServer[]>>(
    async (started, _, index) => [...(await started), await startServer({ env: { ...env, NODE_ID: `node${index}` } })],
    Promise.resolve([]),
  );
}

/** A stock client that moves to the next node when its socket closes, as the app does with WS_URLS. */
export function failoverClient(pool: ClientPool, nodes: readonly RunningServer[], first: number, boardId: string, token: string): SyncClient {
  const client = pool.connect(nodes[first]!, boardId, token);
  const urls = nodes.map((node) => node.wsUrl);
  client.provider.on('connection-close', () => {
    client.provider.serverUrl = nextSyncUrl(urls, client.provider.serverUrl);
  });
  return client;
}
