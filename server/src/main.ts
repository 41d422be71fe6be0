import { buildServer, openStore } from './app';
import { loadRedisDriver } from './fanout/redisFanout';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger } from './logger';

/** Shutdown must finish well within the usual 10-30 s an orchestrator waits before SIGKILL. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

const log = createLogger(config.logLevel);
let store;
try {
  store = await openStore(config);
} catch (error) {
  log.fatal({ err: error, storage: config.storage }, 'could not open storage');
  process.stderr.write(`Could not open ${config.storage} storage: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
// The Redis client library loads only for several nodes.
const server = buildServer(config, log, store, config.redisUrl ? await loadRedisDriver() : undefined);

process.on('uncaughtException', (error) => {
  log.fatal({ err: error }, 'uncaught exception');
  process.exit(1);
});
process.on('unhandledRejection', (error) => {
  log.error({ err: error }, 'unhandled rejection');
});

let stopping = false;
function shutdown(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  const timer = setTimeout(() => {
    log.error('shutdown timed out');
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS);
  timer.unref();
  server.close().then(
    () => {
      log.info('stopped');
      process.exit(0);
    },
    (error: unknown) => {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    },
  );
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

try {
  const port = await server.listen();
  log.info({ host: config.host, port, storage: config.storage, dataDir: config.dataDir }, 'server started');
  if (config.storage === 'memory') process.stdout.write('STORAGE=memory: boards are not kept after the server stops.\n');
  process.stdout.write(`Partnership Canvas listening on http://localhost:${port}\n`);
} catch (error) {
  log.fatal({ err: error }, 'could not start');
  process.exit(1);
}
