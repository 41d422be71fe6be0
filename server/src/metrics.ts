import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One registry per server instance (not prom-client's global one), so unit
 * tests can build several apps in one process without "metric already registered".
 */
export function createMetrics() {
  const registry = new Registry();
  let queuedUpdates = () => 0;
  // Process memory and event-loop lag back the "idle connection <= 50 KB" budget.
  collectDefaultMetrics({ register: registry, prefix: 'pc_' });
  return {
    registry,
    connections: new Gauge({ name: 'pc_ws_connections', help: 'Open WebSocket sync connections', registers: [registry] }),
    roomsLoaded: new Gauge({ name: 'pc_rooms_loaded', help: 'Boards held in memory', registers: [registry] }),
    updatesApplied: new Counter({
      name: 'pc_updates_applied_total',
      help: 'Document updates from clients applied to a board',
      registers: [registry],
    }),
    updatesRejected: new Counter({
      name: 'pc_updates_rejected_total',
      help: 'Document updates from clients refused by the update gate, by reason',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    protocolErrors: new Counter({
      name: 'pc_ws_protocol_errors_total',
      help: 'Connections closed for malformed or oversized messages',
      labelNames: ['code'] as const,
      registers: [registry],
    }),
    slowConsumersDropped: new Counter({
      name: 'pc_ws_slow_consumers_dropped_total',
      help: 'Connections dropped because their unsent backlog passed MAX_SEND_BUFFER_BYTES',
      registers: [registry],
    }),
    updatesStored: new Counter({
      name: 'pc_storage_updates_written_total',
      help: 'Document updates written to storage (before merging per group commit)',
      registers: [registry],
    }),
    bytesStored: new Counter({
      name: 'pc_storage_bytes_written_total',
      help: 'Bytes written to storage (updates and snapshots)',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    storageQueued: new Gauge({
      name: 'pc_storage_updates_queued',
      help: 'Accepted updates waiting for the next group commit',
      registers: [registry],
      collect() {
        this.set(queuedUpdates());
      },
    }),
    /** Where the queued-updates gauge reads from (the writer is built after the metrics). */
    observeQueue(source: () => number) {
      queuedUpdates = source;
    },
    compactions: new Counter({ name: 'pc_storage_compactions_total', help: 'Snapshots written', registers: [registry] }),
    flushSeconds: new Histogram({
      name: 'pc_storage_flush_seconds',
      help: 'Duration of one group commit',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
