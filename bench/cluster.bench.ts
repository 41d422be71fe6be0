/**
 * Several nodes: cross-node latency and server CPU with 3 nodes (PostgreSQL +
 * Redis fan-out) against 1 node (PostgreSQL, no Redis) under the same load,
 * and what the periodic resync costs with N idle boards loaded.
 *
 *   latency: one board, clients spread round-robin over the nodes, writers
 *            likewise; a sampled receiver counts only writers on OTHER nodes
 *            (3 nodes: every sample crossed Redis) or all writers (1 node).
 *   resync:  N boards with one idle client per board on every node, no edits:
 *            Redis bytes and messages per resync period, and the nodes' CPU.
 *
 * CPU is utime+stime of all server processes over the window (% of one core),
 * servers pinned to core 0 and this process to core 1 as in sync-fanout.
 * Options (flag or env BENCH_<NAME>): --quick, --measure <s>, --warm <s>,
 * --boards <n> (resync), --no-results. Needs PostgreSQL (DATABASE_URL) and
 * Redis (REDIS_URL) as the tests do.
 */
import {
  appendResults,
  flag,
  fmt,
  installCleanup,
  machineLine,
  markdownTable,
  numberOption,
  percentile,
  pinLoadGenerator,
  processCpuSeconds,
  scrapeMetrics,
  sleep,
  startOurs,
  waitUntil,
  type BenchServer,
  type Pinning,
} from './lib/harness';
import { Receiver, SendLog, Writer } from './lib/latency';
import { BenchClient, closeAll, connectAll } from './lib/yclient';
import { createBoard } from '../tests/helpers/server';
import { availablePostgres, availableRedis, dropSchema, throwawayPrefix, throwawaySchema } from '../tests/helpers/services';

installCleanup();
const quick = flag('quick');
const measureSeconds = numberOption('measure', quick ? 8 : 20);
const warmSeconds = numberOption('warm', quick ? 2 : 5);
const clientsTotal = quick ? 60 : 150;
const writersTotal = quick ? 9 : 30;
const hz = quick ? 5 : 10;
const resyncBoards = numberOption('boards', quick ? 50 : 200);
const RESYNC_MS = 2000;

const databaseUrl = await availablePostgres();
const redisUrl = await availableRedis();
if (!databaseUrl || !redisUrl) {
  console.error('cluster bench: needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL)');
  process.exit(1);
}

interface Cluster {
  nodes: (BenchServer & { running: { port: number } })[];
  schema: string;
  stop(): Promise<void>;
}

async function startCluster(count: number, pinning: Pinning, extra: Record<string, string> = {}): Promise<Cluster> {
  const schema = throwawaySchema('pc_bench');
  const env: Record<string, string> = {
    STORAGE: 'postgres',
    DATABASE_URL: databaseUrl!,
    DATABASE_SCHEMA: schema,
    ...(count > 1 ? { REDIS_URL: redisUrl!, REDIS_CHANNEL_PREFIX: throwawayPrefix(), FANOUT_RESYNC_MS: String(RESYNC_MS) } : {}),
    ...extra,
  };
  const nodes: Cluster['nodes'] = [];
  for (let i = 0; i < count; i++) nodes.push(await startOurs(pinning, { env: { ...env, NODE_ID: `bench${i}` } }));
  return {
    nodes,
    schema,
    stop: async () => {
      await Promise.all(nodes.map((node) => node.stop()));
      await dropSchema(databaseUrl!, schema);
    },
  };
}

const cpuOf = (cluster: Cluster) => cluster.nodes.reduce((sum, node) => sum + processCpuSeconds(node.pid), 0);

interface LatencyResult {
  nodes: number;
  p50: number;
  p99: number;
  samples: number;
  sent: number;
  cpu: number;
  delivered: string;
  lag: string;
}

async function measureLatency(count: number, pinning: Pinning): Promise<LatencyResult> {
  const cluster = await startCluster(count, pinning);
  const clients: BenchClient[] = [];
  const writers: Writer[] = [];
  try {
    const board = await createBoard(cluster.nodes[0]!, 'bench cluster');
    const urlOf = (index: number) => {
      const node = cluster.nodes[index % count]!;
      return `ws://127.0.0.1:${node.port}/ws/${board.id}?token=${encodeURIComponent(board.tokens.edit)}`;
    };
    // logs[n]: send times of writers a receiver on node n counts.
    const logs = cluster.nodes.map(() => new SendLog());
    const latencies: number[] = [];
    const counter = { sent: 0 };
    for (let i = 0; i < writersTotal; i++) {
      const node = i % count;
      const counted = count === 1 ? logs : logs.filter((_, n) => n !== node);
      const writer = new Writer(urlOf(i), counted, counter);
      writers.push(writer);
      clients.push(writer.client);
    }
    const receivers: { receiver: Receiver; node: number }[] = [];
    for (let i = writersTotal; i < clientsTotal; i++) {
      const node = i % count;
      const receiver = i % 2 === 0 ? new Receiver(logs[node]!, latencies) : null;
      if (receiver) receivers.push({ receiver, node });
      clients.push(new BenchClient(urlOf(i), receiver ? { onUpdate: receiver.onUpdate } : {}));
    }
    await connectAll(clients, 30, 10);
    const periodMs = 1000 / hz;
    writers.forEach((writer, i) => writer.start(hz, (i * periodMs) / writers.length));
    await sleep(warmSeconds * 1000);
    const cpuBefore = cpuOf(cluster);
    const metricsBefore = await Promise.all(cluster.nodes.map((node) => scrapeMetrics(node.metricsUrl!)));
    const sentBefore = counter.sent;
    const windowStart = performance.now();
    for (const log of logs) log.windowStart = windowStart;
    await sleep(measureSeconds * 1000);
    const windowEnd = performance.now();
    for (const log of logs) log.windowEnd = windowEnd;
    const cpu = ((cpuOf(cluster) - cpuBefore) / ((windowEnd - windowStart) / 1000)) * 100;
    const metricsAfter = await Promise.all(cluster.nodes.map((node) => scrapeMetrics(node.metricsUrl!)));
    const lagCount = metricsAfter.reduce((sum, m, i) => sum + (m.get('pc_fanout_lag_seconds_count') ?? 0) - (metricsBefore[i]!.get('pc_fanout_lag_seconds_count') ?? 0), 0);
    const lagSum = metricsAfter.reduce((sum, m, i) => sum + (m.get('pc_fanout_lag_seconds_sum') ?? 0) - (metricsBefore[i]!.get('pc_fanout_lag_seconds_sum') ?? 0), 0);
    const sent = counter.sent - sentBefore;
    for (const writer of writers) writer.stop();
    const finals = writers.map((writer) => ({ client: writer.doc.clientID, clock: writer.finalClock }));
    const complete = () => receivers.reduce((sum, { receiver }) => sum + finals.filter((f) => (receiver.next.get(f.client) ?? 0) >= f.clock).length, 0);
    await waitUntil(() => complete() === receivers.length * finals.length, 15_000, 100);
    latencies.sort((a, b) => a - b);
    const result: LatencyResult = {
      nodes: count,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      samples: latencies.length,
      sent,
      cpu,
      delivered: `${complete()}/${receivers.length * finals.length}`,
      lag: lagCount > 0 ? fmt((lagSum / lagCount) * 1000, 2) : '—',
    };
    console.log(`  ${count} node(s): p50 ${fmt(result.p50)} ms, p99 ${fmt(result.p99)} ms (${result.samples} samples), sent ${sent}, CPU ${fmt(cpu)}%, delivered ${result.delivered}, fan-out lag mean ${result.lag} ms`);
    return result;
  } finally {
    for (const writer of writers) writer.stop();
    await closeAll(clients).catch(() => undefined);
    for (const writer of writers) writer.doc.destroy();
    await cluster.stop();
  }
}

interface ResyncResult {
  boards: number;
  bytesPerPeriod: number;
  messagesPerPeriod: number;
  cpu: number;
}

async function measureResync(boards: number, pinning: Pinning): Promise<ResyncResult> {
  const cluster = await startCluster(3, pinning);
  const clients: BenchClient[] = [];
  try {
    for (let b = 0; b < boards; b++) {
      const board = await createBoard(cluster.nodes[b % 3]!, `idle ${b}`);
      for (const node of cluster.nodes) clients.push(new BenchClient(`ws://127.0.0.1:${node.port}/ws/${board.id}?token=${encodeURIComponent(board.tokens.view)}`));
    }
    await connectAll(clients, 30, 10);
    await sleep(RESYNC_MS * 2);
    const total = async (name: string) => (await Promise.all(cluster.nodes.map((node) => scrapeMetrics(node.metricsUrl!)))).reduce((sum, m) => sum + [...m].filter(([key]) => key.startsWith(name) && key.includes('direction="out"')).reduce((s, [, v]) => s + v, 0), 0);
    const bytesBefore = await total('pc_fanout_bytes_total');
    const messagesBefore = await total('pc_fanout_messages_total');
    const cpuBefore = cpuOf(cluster);
    const started = performance.now();
    await sleep(measureSeconds * 1000);
    const seconds = (performance.now() - started) / 1000;
    const cpu = ((cpuOf(cluster) - cpuBefore) / seconds) * 100;
    const periods = (seconds * 1000) / RESYNC_MS;
    const result: ResyncResult = {
      boards,
      bytesPerPeriod: ((await total('pc_fanout_bytes_total')) - bytesBefore) / periods,
      messagesPerPeriod: ((await total('pc_fanout_messages_total')) - messagesBefore) / periods,
      cpu,
    };
    console.log(`  resync, ${boards} idle boards on 3 nodes: ${fmt(result.bytesPerPeriod, 0)} B and ${fmt(result.messagesPerPeriod, 0)} messages per ${RESYNC_MS} ms period (all nodes), CPU ${fmt(cpu)}% (all nodes)`);
    return result;
  } finally {
    await closeAll(clients).catch(() => undefined);
    await cluster.stop();
  }
}

const pinning = pinLoadGenerator();
console.log(`cluster bench${quick ? ' (quick)' : ''}: ${clientsTotal} clients, ${writersTotal} writers @${hz} Hz on one board; ${pinning.note}`);
const latency = [await measureLatency(1, pinning), await measureLatency(3, pinning)];
const resync = [await measureResync(0, pinning), await measureResync(resyncBoards, pinning)];

const latencyTable = markdownTable(
  ['nodes', 'latency counted', 'p50 ms', 'p99 ms', 'samples', 'updates sent', 'server CPU % (all nodes)', 'delivered', 'fan-out lag mean ms'],
  latency.map((r) => [String(r.nodes), r.nodes === 1 ? 'same node' : 'cross-node only', fmt(r.p50), fmt(r.p99), String(r.samples), String(r.sent), fmt(r.cpu), r.delivered, r.lag]),
);
const resyncTable = markdownTable(
  ['idle boards', 'Redis bytes / period', 'messages / period', 'CPU % (3 nodes)'],
  resync.map((r) => [String(r.boards), fmt(r.bytesPerPeriod, 0), fmt(r.messagesPerPeriod, 0), fmt(r.cpu)]),
);
const [one, three] = latency;
const summary = `3 nodes vs 1: p99 ${fmt(three!.p99 / one!.p99, 2)}x, CPU ${fmt(three!.cpu / one!.cpu, 2)}x; resync ${fmt((resync[1]!.bytesPerPeriod - resync[0]!.bytesPerPeriod) / Math.max(1, resyncBoards), 0)} B per board per period (all nodes)`;
console.log(`\n${latencyTable}\n\n${resyncTable}\n\n${summary}`);
appendResults(
  `## cluster${quick ? ' (quick)' : ''} · ${machineLine()}\n\n` +
    `One board, ${clientsTotal} clients and ${writersTotal} writers @${hz} Hz spread round-robin over the nodes; PostgreSQL storage; ` +
    `3 nodes fan out through Redis (resync every ${RESYNC_MS} ms). ${pinning.note}.\n\n${latencyTable}\n\n` +
    `Resync cost with idle boards (one idle viewer per board on each of 3 nodes, no edits):\n\n${resyncTable}\n\n${summary}\n`,
);
process.exit(0);
