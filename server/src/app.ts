import express from 'express';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import type { Config } from './config';
import { BoardService } from './boards/boardService';
import { boardsRouter } from './http/boards';
import { addressLimiter, creationLimiter, requestLimiter } from './http/requestLimit';
import { errorHandler, HttpError, notFound } from './http/errors';
import { timeRouter } from './http/time';
import { exportRouter } from './http/export';
import { importRouter } from './http/import';
import { votingRouter } from './http/voting';
import { VoteService } from './facilitation/voteService';
import { findFonts, type PdfFonts } from './pdf';
import { requestLog } from './http/requestLog';
import { reviewPointsRouter } from './http/reviewPoints';
import { healthRatingsRouter, storeSealedRatings } from './http/healthRatings';
import { securityHeaders } from './http/securityHeaders';
import { staticClient } from './http/staticClient';
import type { Logger } from './logger';
import { createMetrics, type Metrics } from './metrics';
import type { Fanout } from './fanout/fanout';
import { RedisFanout, type RedisDriver } from './fanout/redisFanout';
import { randomBytes } from 'node:crypto';
import type { BoardStore } from './storage/boardStore';
import { MemoryBoardStore } from './storage/memory';
import { PostgresBoardStore } from './storage/postgres';
import { SqliteBoardStore } from './storage/sqlite';
import { UpdateWriter } from './storage/updateWriter';
import { ConnectionLimits } from './sync/connectionLimits';
import { RoomRegistry } from './sync/roomRegistry';
import { createUpgradeHandler } from './sync/upgrade';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface PartnershipServer {
  httpServer: Server;
  metrics: Metrics;
  /** The separate /metrics listener (METRICS_PORT), if configured. */
  metricsServer: Server | null;
  /** Listen on config.port/host; resolves with the real port. */
  listen(): Promise<number>;
  /** Stop accepting, close sockets with 1001, flush and compact every board, close storage. */
  close(): Promise<void>;
}

/**
 * Wires the whole server, choosing each implementation in this one place
 * (storage: SQLite, PostgreSQL or memory; with REDIS_URL, the Redis fan-out between nodes).
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

/**
 * Build the server. `redis` (from `loadRedisDriver`, only when REDIS_URL is
 * set) turns on the fan-out between nodes.
 */
export function buildServer(config: Config, log: Logger, store: BoardStore, redis?: RedisDriver): PartnershipServer {
  const metrics = createMetrics();
  const writer = new UpdateWriter(store, {
    intervalMs: config.flushIntervalMs,
    maxQueued: config.maxQueuedUpdates,
    onWritten: ({ updates, bytes, seconds }) => {
      metrics.updatesStored.inc(updates);
      metrics.bytesStored.inc({ kind: 'update' }, bytes);
      metrics.flushSeconds.observe(seconds);
    },
    onError: (error) => log.error({ err: error }, 'could not write updates; they stay queued'),
  });
  metrics.observeQueue(() => writer.pending);
  const nodeId = config.nodeId ?? randomBytes(6).toString('base64url');
  if (config.redisUrl && !redis) throw new Error('REDIS_URL is set: pass the Redis driver (loadRedisDriver) to buildServer');
  const fanout: Fanout | undefined = config.redisUrl
    ? new RedisFanout({
        driver: redis!,
        url: config.redisUrl,
        prefix: config.redisChannelPrefix,
        nodeId,
        resyncMs: config.fanoutResyncMs,
        nodeTimeoutMs: config.fanoutNodeTimeoutMs,
        awarenessIntervalMs: config.awarenessIntervalMs,
        maxMessageBytes: config.maxMessageBytes * 2,
        metrics,
        log: log.child({ node: nodeId }),
      })
    : undefined;
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
    limits: {
      contentGate: config.contentGate,
      maxUpdateBytes: config.maxUpdateBytes,
      maxBoardBytes: config.maxBoardBytes,
      rateLimits: config.rateLimits,
      maxPresenceBytes: config.maxPresenceBytes,
      maxPresenceClients: config.maxPresenceClients,
    },
    fanout,
  });

  let ready = true;
  let shuttingDown = false;
  let port = config.port;
  const publicUrl = () => config.publicUrl ?? `http://localhost:${port}`;

  const boards = new BoardService({ store, registry, writer, log, publicUrl });

  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders({ https: config.publicUrl?.startsWith('https:') ?? false, syncUrls: config.wsUrls }));
  app.use(requestLog(log));
  // A path with a broken %-escape (`/%E0%A4%A`) is the client's mistake: 400, before any route tries to decode it.
  app.use((req, _res, next) => {
    try {
      decodeURIComponent(req.path);
      next();
    } catch {
      next(new HttpError(400, 'The address is not valid: it has a malformed %-escape'));
    }
  });
  app.get('/healthz', (_req, res) => {
    const storage = writer.health;
    const redis = fanout?.health;
    // With several nodes, both shared services are named, so a load balancer's log says which one failed.
    const services = fanout ? { node: fanout.nodeId, storage: storage.ok ? 'ok' : 'failing', redis: redis?.ok ? 'ok' : 'down' } : {};
    if (!ready || shuttingDown) res.status(503).json({ ok: false, error: 'shutting down' });
    else if (!storage.ok) {
      res.status(503).json({ ok: false, ...services, storage: 'failing', error: `storage is failing since ${new Date(storage.since).toISOString()}: ${storage.error}`, queued: writer.pending });
    } else if (redis && !redis.ok) {
      res.status(503).json({ ok: false, ...services, error: redis.error });
    } else res.json({ ok: true, ...services });
  });
  app.use(
    '/api',
    boardsRouter({
      boards,
      creations: creationLimiter(config.boardCreationsPerIpPerHour, config.trustProxyHops),
      maxJsonBytes: config.maxJsonBytes,
      maxRestoreBytes: config.maxRestoreBytes,
      syncUrls: config.wsUrls,
    }),
  );
  app.use('/api', timeRouter());
  let fonts: Promise<PdfFonts> | undefined;
  app.use(
    '/api',
    exportRouter({
      boards,
      store,
      pdfLimiter: addressLimiter({ points: config.pdfExportsPerIpPerMinute, windowSeconds: 60, what: 'PDF packs from this address' }, config.trustProxyHops),
      // Read on first use: most servers never print a pack.
      fonts: () => (fonts ??= findFonts(config.pdfFont)),
      maxPdfPages: config.maxPdfPages,
    }),
  );
  app.use('/api', importRouter({ boards, log, maxImportBytes: config.maxImportBytes }));
  app.use(
    '/api',
    reviewPointsRouter({
      boards,
      store,
      log,
      maxJsonBytes: config.maxJsonBytes,
      saves: requestLimiter({ points: config.reviewPointSavesPerBoardPerHour, windowSeconds: 3600, what: 'review points saved on this board' }),
      savesPerLink: requestLimiter({ points: config.reviewPointSavesPerLinkPerHour, windowSeconds: 3600, what: 'review points saved through this link' }),
      comparisons: addressLimiter({ points: config.comparisonsPerIpPerMinute, windowSeconds: 60, what: 'comparisons from this address' }, config.trustProxyHops),
      comparisonsPerBoard: requestLimiter({ points: config.comparisonsPerBoardPerMinute, windowSeconds: 60, what: 'comparisons on this board' }),
      comparisonsPerLink: requestLimiter({ points: config.comparisonsPerLinkPerMinute, windowSeconds: 60, what: 'comparisons through this link' }),
    }),
  );
  app.use('/api', votingRouter({ boards, votes: new VoteService({ boards, store, log }), trustProxyHops: config.trustProxyHops }));
  app.use('/api', healthRatingsRouter({ boards, ratings: storeSealedRatings(store), log, maxJsonBytes: config.maxJsonBytes, trustProxyHops: config.trustProxyHops }));
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
    createUpgradeHandler({
      wss,
      store,
      registry,
      log,
      origins: { allowed: config.allowedOrigins, publicOrigin: config.publicUrl ? new URL(config.publicUrl).origin : undefined },
      limits: new ConnectionLimits(config.maxConnectionsPerBoard, config.maxConnectionsPerIp),
      trustProxyHops: config.trustProxyHops,
      isShuttingDown: () => shuttingDown,
    }),
  );

  // Metrics reveal board activity: never on the public port, only on their own (METRICS_PORT) when asked for.
  const metricsServer =
    config.metricsPort === undefined
      ? null
      : createServer((req, res) => {
          if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
            res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"Not found"}');
            return;
          }
          metrics.registry.metrics().then(
            (body) => res.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(body),
            () => res.writeHead(500).end(),
          );
        });

  let closed: Promise<void> | null = null;
  return {
    httpServer,
    metrics,
    metricsServer,
    listen: async () => {
      if (metricsServer) await listenOn(metricsServer, config.metricsPort!, config.host);
      port = await listenOn(httpServer, config.port, config.host);
      return port;
    },
    close: () => {
      closed ??= (async () => {
        shuttingDown = true;
        ready = false;
        const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        httpServer.closeIdleConnections();
        await registry.closeAll();
        await writer.close();
        await fanout?.close();
        await store.close();
        wss.close();
        httpServer.closeAllConnections();
        metricsServer?.close();
        metricsServer?.closeAllConnections();
        await stopped;
      })();
      return closed;
    },
  };
}

function listenOn(server: Server, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
