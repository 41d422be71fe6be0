import express from 'express';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import type { Config } from './config';
import { boardsRouter } from './http/boards';
import { errorHandler, notFound } from './http/errors';
import { exportRouter } from './http/export';
import { requestLog } from './http/requestLog';
import { reviewPointsRouter } from './http/reviewPoints';
import { staticClient } from './http/staticClient';
import type { Logger } from './logger';
import { createMetrics, type Metrics } from './metrics';
import type { BoardStore } from './storage/boardStore';
import { MemoryBoardStore } from './storage/memory';
import { PostgresBoardStore } from './storage/postgres';
import { SqliteBoardStore } from './storage/sqlite';
import { UpdateWriter } from './storage/updateWriter';
import { RoomRegistry } from './sync/roomRegistry';
import { createUpgradeHandler } from './sync/upgrade';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface PartnershipServer {
  httpServer: Server;
  metrics: Metrics;
  /** Listen on config.port/host; resolves with the real port. */
  listen(): Promise<number>;
  /** Stop accepting, close sockets with 1001, flush and compact every board, close storage. */
  close(): Promise<void>;
}

/**
 * Wires the whole server, choosing each implementation in this one place
 * (storage: SQLite, PostgreSQL or memory; a Redis fan-out for several nodes slots in here later).
 * HTTP API, static app and WebSocket sync share one port.
 */
/** The storage implementation the configuration names. */
export async function openStore(config: Config): Promise<BoardStore> {
  switch (config.storage) {
    case 'postgres':
      return PostgresBoardStore.open({ connectionString: config.databaseUrl!, schema: config.databaseSchema });
    case 'memory':
      return new MemoryBoardStore();
    case 'sqlite':
      return new SqliteBoardStore(config.dataDir);
  }
}

export function buildServer(config: Config, log: Logger, store: BoardStore): PartnershipServer {
  const metrics = createMetrics();
  const writer = new UpdateWriter(store, {
    intervalMs: config.flushIntervalMs,
    onWritten: ({ updates, bytes, seconds }) => {
      metrics.updatesStored.inc(updates);
      metrics.bytesStored.inc({ kind: 'update' }, bytes);
      metrics.flushSeconds.observe(seconds);
    },
    onError: (error) => log.error({ err: error }, 'could not write updates; they stay queued'),
  });
  metrics.observeQueue(() => writer.pending);
  const registry = new RoomRegistry({
    store,
    writer,
    metrics,
    log,
    compactEvery: config.compactEvery,
    syncBatchMs: config.syncBatchMs,
    awarenessIntervalMs: config.awarenessIntervalMs,
    unloadDelayMs: config.unloadDelayMs,
    pingIntervalMs: config.pingIntervalMs,
    maxMessageBytes: config.maxMessageBytes,
    maxSendBufferBytes: config.maxSendBufferBytes,
  });

  let ready = true;
  let shuttingDown = false;
  let port = config.port;
  const publicUrl = () => config.publicUrl ?? `http://localhost:${port}`;

  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  app.use(requestLog(log));
  app.get('/healthz', (_req, res) => {
    if (ready && !shuttingDown) res.json({ ok: true });
    else res.status(503).json({ ok: false, error: 'shutting down' });
  });
  app.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  app.use('/api', boardsRouter({ store, registry, log, maxJsonBytes: config.maxJsonBytes, publicUrl }));
  app.use('/api', exportRouter({ store, registry }));
  app.use('/api', reviewPointsRouter({ store, registry, log, maxJsonBytes: config.maxJsonBytes }));
  app.use('/api', notFound);
  app.use(staticClient(config.staticDir ?? join(repoRoot, 'client', 'dist')));
  app.use(notFound);
  app.use(errorHandler(log));

  const httpServer = createServer(app);
  // perMessageDeflate off: Yjs updates are small and dense, and deflate costs
  // ~300 KB of zlib state per connection (the idle-connection budget is 50 KB).
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes, perMessageDeflate: false });
  httpServer.on(
    'upgrade',
    createUpgradeHandler({ wss, store, registry, log, isShuttingDown: () => shuttingDown }),
  );

  let closed: Promise<void> | null = null;
  return {
    httpServer,
    metrics,
    listen: () =>
      new Promise<number>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          httpServer.off('error', reject);
          const address = httpServer.address();
          port = typeof address === 'object' && address ? address.port : config.port;
          resolve(port);
        });
      }),
    close: () => {
      closed ??= (async () => {
        shuttingDown = true;
        ready = false;
        const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        httpServer.closeIdleConnections();
        await registry.closeAll();
        await writer.close();
        await store.close();
        wss.close();
        httpServer.closeAllConnections();
        await stopped;
      })();
      return closed;
    },
  };
}
