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
    storageSeconds: new Histogram({
      name: 'pc_storage_operation_seconds',
      help: 'Duration of loading a board from storage and of compacting it',
      labelNames: ['operation'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
      registers: [registry],
    }),
    messagesSent: new Counter({
      name: 'pc_ws_messages_sent_total',
      help: 'Messages sent to clients (document changes and presence broadcasts, counted per recipient)',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    bytesSent: new Counter({
      name: 'pc_ws_bytes_sent_total',
      help: 'Bytes of document changes and presence broadcast to clients (counted per recipient)',
      registers: [registry],
    }),
    bytesReceived: new Counter({
      name: 'pc_ws_bytes_received_total',
      help: 'Bytes of sync messages received from clients',
      registers: [registry],
    }),
    fanoutMessages: new Counter({
      name: 'pc_fanout_messages_total',
      help: 'Messages exchanged with other nodes through Redis, by direction and kind',
      labelNames: ['direction', 'kind'] as const,
      registers: [registry],
    }),
    fanoutBytes: new Counter({
      name: 'pc_fanout_bytes_total',
      help: 'Bytes exchanged with other nodes through Redis, by direction',
      labelNames: ['direction'] as const,
      registers: [registry],
    }),
    fanoutDropped: new Counter({
      name: 'pc_fanout_dropped_total',
      help: 'Fan-out messages dropped: malformed ones received, publishes that failed (Redis away), by reason',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    fanoutResyncs: new Counter({
      name: 'pc_fanout_resync_requests_total',
      help: 'Times this node found itself behind a peer (a message was lost) and asked for the difference',
      registers: [registry],
    }),
    fanoutLag: new Histogram({
      name: 'pc_fanout_lag_seconds',
      help: 'From a peer publishing a document change to this node applying it (clocks of both nodes)',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    fanoutPeers: new Gauge({ name: 'pc_fanout_peers', help: 'Other nodes heard from recently', registers: [registry] }),
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
