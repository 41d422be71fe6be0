/**
 * Sync fan-out: the reference server (@y/websocket-server 0.1.1: no auth, no
 * persistence), ours (auth tokens, SQLite storage) and ours in memory-only
 * mode (auth tokens, STORAGE=memory) under the same load, in one run,
 * alternating (ref, ours, ours-memory, ref, ...), medians across repeats.
 * Every room holds the same document: ours are new boards (opened, so they
 * carry their settings and the health check-up's items), and each reference
 * room is sent that same new-board state before the writers start.
 *
 *   (a) 300 clients in one room, 50 of them writers at 10 Hz (500 updates/s)
 *   (a100) the same room at 100 updates/s (10 writers at 10 Hz): a rate the
 *       reference keeps up with, so the ratios compare like with like
 *   (b) 2,000 clients over 200 rooms, one writer per room at 2.5 Hz
 *
 * Latency is writer-to-client: a writer stamps each update's clocks when it
 * sends; sampled receivers decode what arrives (Y.parseUpdateMeta) and look
 * the clocks up. Only updates sent inside the measured window count.
 * Server CPU is utime+stime of the server process over the measured window
 * (% of one core); RSS is read at the end of the window. Server pinned to
 * core 0, this process to core 1. (a) and (b) send 500 updates/s in all.
 *
 * Options (flag or env BENCH_<NAME>): --quick, --warm <s>, --measure <s>,
 * --repeats <n>, --drain <s>, --quiet-wait <s>, --scenario=a|a100|b (a: both a's),
 * --servers=reference,ours,ours-memory (any subset),
 * --ours-env="KEY=VALUE ...", --profile=<dir>, --alloc, --heap, --no-results. See bench/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  appendResults,
  checkFileLimit,
  flag,
  fmt,
  installCleanup,
  machineLine,
  markdownTable,
  median,
  numberOption,
  percentile,
  pinLoadGenerator,
  processCpuSeconds,
  processRssBytes,
  machineBusySeconds,
  otherBusyProcesses,
  scrapeMetrics,
  sleep,
  startOurs,
  startReference,
  waitForQuietMachine,
  stringOption,
  waitUntil,
  type BenchServer,
  type Pinning,
} from './lib/harness';
import { connectInspector, INSPECT_ENV, summariseAllocations } from './lib/inspector';
import { summariseHeap } from './lib/heapSummary';
import { BenchClient, closeAll, connectAll, encodeSync, SYNC_UPDATE } from './lib/yclient';
import * as Y from 'yjs';
import { openBoardDoc } from '@pc/shared';
import { Receiver, SendLog, Writer } from './lib/latency';
import { createBoard } from '../tests/helpers/server';

/** What a board created through our API holds once a server has opened it. */
const NEW_BOARD_STATE = (() => {
  const doc = new Y.Doc();
  openBoardDoc(doc, { title: 'bench room', createdAt: Date.now() });
  return Y.encodeStateAsUpdate(doc);
})();

interface Scenario {
  key: 'a' | 'a100' | 'b';
  label: string;
  clients: number;
  rooms: number;
  writersPerRoom: number;
  hz: number;
}

interface RunResult {
  scenario: Scenario['key'];
  server: BenchServer['kind'];
  repeat: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  samples: number;
  updatesSent: number;
  /** (sampled receiver, writer) pairs whose final clock arrived / expected. */
  pairsComplete: number;
  pairsExpected: number;
  /** Clocks a sampled receiver never saw (a gap before a later range). */
  gaps: number;
  dropped: number;
  serverCpu: number;
  /** Server CPU over the window per update the writers sent in it: fair when a starved load generator sent fewer. */
  cpuPerUpdateUs: number;
  loadgenCpu: number;
  /** Busy CPU of the rest of the machine (% of one core) over the window: noise. */
  otherCpu: number;
  messagesPerSecond: number;
  /** Bytes/s received by all clients during the window. */
  bytesPerSecond: number;
  /** Update deliveries per second to all receivers (sampled receivers' count scaled to every receiver). */
  deliveriesPerSecond: number;
  /** Server resident memory at the end of the window. */
  serverRssMb: number;
}

const quick = flag('quick');
const warmSeconds = numberOption('warm', quick ? 1 : 10);
const measureSeconds = numberOption('measure', quick ? 3 : 20);
const repeats = Math.max(1, Math.round(numberOption('repeats', quick ? 1 : 2)));
const only = stringOption('scenario');
const drainSeconds = numberOption('drain', quick ? 5 : 10);
/** Before each run, wait up to this long for other jobs on the machine to finish. */
const quietWaitSeconds = numberOption('quiet-wait', quick ? 1 : 120);
/** --profile=<dir>: write a V8 CPU profile of each server over the measured window there. */
const profileDir = stringOption('profile');
/** --heap: at the end of the window, print what our server's heap holds, grouped by constructor (with --profile, the snapshot is written there too). */
const heapSummary = flag('heap');
/** --alloc: sample what our server allocates over the measured window and print who allocates most (with --profile, the .heapprofile is written there too). */
const allocations = flag('alloc');
const SERVER_KINDS = ['reference', 'ours', 'ours-memory'] as const;
/** --servers=ours to measure one side only (diagnosis; the budget needs the reference too). */
const servers = SERVER_KINDS.filter((kind) => (stringOption('servers') ?? SERVER_KINDS.join(',')).split(',').includes(kind));
const SERVER_LABELS: Record<BenchServer['kind'], string> = {
  reference: 'reference',
  ours: 'ours (auth + SQLite)',
  'ours-memory': 'ours (auth, memory only)',
};
/** Extra environment for our server, e.g. --ours-env="SYNC_BATCH_MS=16 COMPACT_EVERY=5000" (to try settings). */
const oursEnv: Record<string, string> = Object.fromEntries(
  (stringOption('ours-env') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
);

const SCENARIOS: Scenario[] = quick
  ? [
      { key: 'a', label: '(a) 60 clients / 1 room, 10 writers @10 Hz [quick]', clients: 60, rooms: 1, writersPerRoom: 10, hz: 10 },
      { key: 'b', label: '(b) 200 clients / 20 rooms, 1 writer/room @2.5 Hz [quick]', clients: 200, rooms: 20, writersPerRoom: 1, hz: 2.5 },
    ]
  : [
      { key: 'a', label: '(a) 300 clients / 1 room, 50 writers @10 Hz', clients: 300, rooms: 1, writersPerRoom: 50, hz: 10 },
      { key: 'a100', label: '(a100) 300 clients / 1 room, 10 writers @10 Hz', clients: 300, rooms: 1, writersPerRoom: 10, hz: 10 },
      { key: 'b', label: '(b) 2,000 clients / 200 rooms, 1 writer/room @2.5 Hz', clients: 2000, rooms: 200, writersPerRoom: 1, hz: 2.5 },
    ];

// Shape overrides (for rate sweeps): applied to every selected scenario.
for (const scenario of SCENARIOS) {
  const clients = numberOption('clients', 0);
  const rooms = numberOption('rooms', 0);
  const writers = numberOption('writers', 0);
  const hz = numberOption('hz', 0);
  if (!clients && !rooms && !writers && !hz) continue;
  if (clients) scenario.clients = Math.round(clients);
  if (rooms) scenario.rooms = Math.round(rooms);
  if (writers) scenario.writersPerRoom = Math.round(writers);
  if (hz) scenario.hz = hz;
  scenario.label = `(${scenario.key}') ${scenario.clients} clients / ${scenario.rooms} room(s), ${scenario.writersPerRoom} writer(s)/room @${scenario.hz} Hz [custom]`;
}

/** Event-loop delay and storage activity of our server over the window, from /metrics. */
function describeOurMetrics(before: Map<string, number>, after: Map<string, number>): string {
  const delta = (name: string) => (after.get(name) ?? 0) - (before.get(name) ?? 0);
  const ms = (name: string) => fmt((after.get(name) ?? NaN) * 1000);
  const mb = (name: string) => fmt((after.get(name) ?? NaN) / 2 ** 20);
  const flushes = delta('pc_storage_flush_seconds_count');
  const flushMean = flushes > 0 ? (delta('pc_storage_flush_seconds_sum') / flushes) * 1000 : NaN;
  const slowFlushes = flushes - delta('pc_storage_flush_seconds_bucket{le="0.01"}');
  return (
    `event-loop delay p50 ${ms('pc_nodejs_eventloop_lag_p50_seconds')} / p99 ${ms('pc_nodejs_eventloop_lag_p99_seconds')} / ` +
    `max ${ms('pc_nodejs_eventloop_lag_max_seconds')} ms; group commits ${flushes} (mean ${fmt(flushMean, 2)} ms, ` +
    `${slowFlushes} over 10 ms); compactions ${delta('pc_storage_compactions_total')}; ` +
    `updates applied ${delta('pc_updates_applied_total')}; ` +
    `memory at the end: heap used ${mb('pc_nodejs_heap_size_used_bytes')} of ${mb('pc_nodejs_heap_size_total_bytes')} MB, ` +
    `external ${mb('pc_nodejs_external_memory_bytes')} MB, RSS ${mb('pc_process_resident_memory_bytes')} MB`
  );
}

async function runOnce(kind: BenchServer['kind'], scenario: Scenario, repeat: number, pinning: Pinning): Promise<RunResult> {
  const inspectEnv = profileDir || heapSummary || allocations ? INSPECT_ENV : {};
  const server =
    kind === 'reference'
      ? await startReference(pinning, inspectEnv)
      : await startOurs(pinning, { env: { ...oursEnv, ...inspectEnv }, memory: kind === 'ours-memory' });
  const inspector = profileDir || heapSummary || allocations ? await connectInspector(server.output) : null;
  const writers: Writer[] = [];
  const clients: BenchClient[] = [];
  try {
    // Rooms: ours are boards created through the API, joined with the edit token.
    const roomUrls: string[] = [];
    for (let r = 0; r < scenario.rooms; r++) {
      if (server.kind !== 'reference') {
        const board = await createBoard(server, `bench ${scenario.key} room ${r}`);
        roomUrls.push(`ws://127.0.0.1:${server.port}/ws/${board.id}?token=${encodeURIComponent(board.tokens.edit)}`);
      } else {
        roomUrls.push(`ws://127.0.0.1:${server.port}/bench-${scenario.key}-${repeat}-${r}`);
      }
    }

    const log = new SendLog();
    const latencies: number[] = [];
    const counter = { sent: 0 };
    const perRoom = Math.floor(scenario.clients / scenario.rooms);
    const readers: { client: BenchClient; room: number; receiver: Receiver | null }[] = [];
    const writersByRoom: Writer[][] = roomUrls.map(() => []);
    for (let r = 0; r < scenario.rooms; r++) {
      for (let i = 0; i < perRoom; i++) {
        if (i < scenario.writersPerRoom) {
          const writer = new Writer(roomUrls[r]!, log, counter);
          writers.push(writer);
          writersByRoom[r]!.push(writer);
          clients.push(writer.client);
        } else {
          readers.push({ client: null as unknown as BenchClient, room: r, receiver: null });
        }
      }
    }
    // Sample ~10% of all clients (at least 20) among the readers, evenly spread over the rooms.
    const sampleCount = Math.min(readers.length, Math.max(20, Math.ceil(scenario.clients * 0.1)));
    const step = readers.length / sampleCount;
    const sampled = new Set<number>();
    for (let k = 0; k < sampleCount; k++) sampled.add(Math.floor(k * step));
    readers.forEach((reader, index) => {
      reader.receiver = sampled.has(index) ? new Receiver(log, latencies) : null;
      reader.client = new BenchClient(roomUrls[reader.room]!, reader.receiver ? { onUpdate: reader.receiver.onUpdate } : {});
      clients.push(reader.client);
    });

    const rampStart = performance.now();
    await connectAll(clients, 50, 10);
    const rampSeconds = (performance.now() - rampStart) / 1000;
    if (server.kind === 'reference') {
      // Our boards open with what a new board holds (settings, the health check-up's items); the
      // reference's rooms get the same document, so both servers keep the same content in memory.
      for (const roomWriters of writersByRoom) roomWriters[0]?.client.send(encodeSync(SYNC_UPDATE, NEW_BOARD_STATE));
    }

    // Writers spread over one period; warm up, then measure.
    const periodMs = 1000 / scenario.hz;
    writers.forEach((writer, i) => writer.start(scenario.hz, (i * periodMs) / writers.length));
    await sleep(warmSeconds * 1000);

    // Ours: one scrape now resets prom-client's event-loop-delay histogram, so the
    // scrape after the window reports that window only (not counted in the CPU).
    const metricsBefore = server.kind !== 'reference' ? await scrapeMetrics(server.metricsUrl!) : null;
    const messagesBefore = clients.reduce((sum, c) => sum + c.messages, 0);
    const bytesBefore = clients.reduce((sum, c) => sum + c.bytes, 0);
    const cpuBefore = processCpuSeconds(server.pid);
    const machineBefore = machineBusySeconds();
    const ownCpuBefore = process.cpuUsage();
    const sentBefore = counter.sent;
    if (profileDir) await inspector?.startProfiling();
    if (allocations) await inspector?.startAllocationSampling();
    log.windowStart = performance.now();
    await sleep(measureSeconds * 1000);
    log.windowEnd = performance.now();
    if (inspector && profileDir) {
      const file = join(profileDir, `sync-fanout-${scenario.key}-${server.kind}-${repeat}.cpuprofile`);
      mkdirSync(profileDir, { recursive: true });
      writeFileSync(file, JSON.stringify(await inspector.stopProfiling()));
      console.log(`      CPU profile of the window: ${file}`);
    }
    if (inspector && allocations) {
      const profile = await inspector.stopAllocationSampling();
      if (profileDir) {
        const file = join(profileDir, `sync-fanout-${scenario.key}-${server.kind}-${repeat}.heapprofile`);
        mkdirSync(profileDir, { recursive: true });
        writeFileSync(file, JSON.stringify(profile));
        console.log(`      allocation profile of the window: ${file}`);
      }
      const { total, self, inclusive } = summariseAllocations(profile);
      const perUpdate = (bytes: number) => `${fmt(bytes / Math.max(1, counter.sent - sentBefore) / 1024, 1)} KB/update`;
      console.log(`      ${server.kind} allocated in the window (sampled): ${fmt(total / 2 ** 20)} MB, ${perUpdate(total)}`);
      console.log('        self:');
      for (const row of self) console.log(`        ${fmt(row.bytes / 2 ** 20, 2).padStart(8)} MB  ${perUpdate(row.bytes).padStart(16)}  ${row.name}`);
      console.log('        total (with callees):');
      for (const row of inclusive) console.log(`        ${fmt(row.bytes / 2 ** 20, 2).padStart(8)} MB  ${perUpdate(row.bytes).padStart(16)}  ${row.name}`);
    }
    const cpuAfter = processCpuSeconds(server.pid);
    const rssAfter = processRssBytes(server.pid);
    if (inspector && heapSummary) {
      const snapshot = await inspector.heapSnapshot();
      if (profileDir) {
        const file = join(profileDir, `sync-fanout-${scenario.key}-${server.kind}-${repeat}.heapsnapshot`);
        writeFileSync(file, snapshot);
        console.log(`      heap snapshot after the window: ${file}`);
      }
      const { total, groups } = summariseHeap(snapshot);
      console.log(`      ${server.kind} heap after the window: ${fmt(total / 2 ** 20)} MB live`);
      for (const group of groups) console.log(`        ${fmt(group.bytes / 2 ** 20, 2).padStart(8)} MB ${String(group.count).padStart(8)}  ${group.name}`);
    }
    const ownCpu = process.cpuUsage(ownCpuBefore);
    const machineAfter = machineBusySeconds();
    const windowSeconds = (log.windowEnd - log.windowStart) / 1000;
    const diagnostics = metricsBefore ? describeOurMetrics(metricsBefore, await scrapeMetrics(server.metricsUrl!)) : '';
    const sentInWindow = counter.sent - sentBefore;
    const sampledInWindow = latencies.length;
    const messagesInWindow = clients.reduce((sum, c) => sum + c.messages, 0) - messagesBefore;
    const bytesInWindow = clients.reduce((sum, c) => sum + c.bytes, 0) - bytesBefore;

    // Stop writing, then wait (bounded) until every sampled receiver has every writer's last clock.
    for (const writer of writers) writer.stop();
    const finals = writersByRoom.map((room) => room.map((w) => ({ client: w.doc.clientID, clock: w.finalClock })));
    const sampledReaders = readers.filter((reader) => reader.receiver);
    const completePairs = () => {
      let complete = 0;
      for (const reader of sampledReaders) {
        for (const final of finals[reader.room]!) if ((reader.receiver!.next.get(final.client) ?? 0) >= final.clock) complete++;
      }
      return complete;
    };
    const pairsExpected = sampledReaders.reduce((sum, reader) => sum + finals[reader.room]!.length, 0);
    await waitUntil(() => completePairs() === pairsExpected, drainSeconds * 1000, 100);
    const pairsComplete = completePairs();
    const dropped = clients.filter((c) => c.droppedCode !== null || !c.open).length;

    latencies.sort((a, b) => a - b);
    const result: RunResult = {
      scenario: scenario.key,
      server: server.kind,
      repeat,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.length ? latencies[latencies.length - 1]! : NaN,
      samples: latencies.length,
      updatesSent: sentInWindow,
      pairsComplete,
      pairsExpected,
      gaps: sampledReaders.reduce((sum, reader) => sum + reader.receiver!.gaps, 0),
      dropped,
      serverCpu: ((cpuAfter - cpuBefore) / windowSeconds) * 100,
      cpuPerUpdateUs: sentInWindow > 0 ? ((cpuAfter - cpuBefore) / sentInWindow) * 1e6 : NaN,
      loadgenCpu: ((ownCpu.user + ownCpu.system) / 1e6 / windowSeconds) * 100,
      otherCpu: 0,
      messagesPerSecond: messagesInWindow / windowSeconds,
      bytesPerSecond: bytesInWindow / windowSeconds,
      // Deliveries of window updates to sampled receivers, scaled to all receivers (writers receive too but are not sampled).
      deliveriesPerSecond: (sampledInWindow / windowSeconds) * (readers.length / Math.max(1, sampledReaders.length)),
      serverRssMb: rssAfter / 1024 / 1024,
    };
    // Everything else on the machine (kernel network work, other people's jobs) over the window.
    result.otherCpu = Math.max(0, ((machineAfter - machineBefore) / windowSeconds) * 100 - result.serverCpu - result.loadgenCpu);
    console.log(
      `  ${scenario.key} ${server.kind.padEnd(11)} #${repeat}: ramp ${fmt(rampSeconds)} s, p50 ${fmt(result.p50)} ms, ` +
        `p95 ${fmt(result.p95)} ms, p99 ${fmt(result.p99)} ms, max ${fmt(result.max)} ms (${result.samples} samples), sent ${result.updatesSent}, ` +
        `delivered ${result.pairsComplete}/${result.pairsExpected}, gaps ${result.gaps}, dropped ${result.dropped}, ` +
        `server CPU ${fmt(result.serverCpu)}%, loadgen CPU ${fmt(result.loadgenCpu)}%, other CPU ${fmt(result.otherCpu)}%, ` +
        `${fmt(result.messagesPerSecond / 1000)}k msg/s, ${fmt(result.bytesPerSecond / 1e6, 2)} MB/s, ` +
        `${fmt(result.deliveriesPerSecond / 1000)}k updates delivered/s, server RSS ${fmt(result.serverRssMb)} MB`,
    );
    if (result.otherCpu > 25) {
      console.log(`      ! the machine was busy with other work (${fmt(result.otherCpu)}% of a core): ${otherBusyProcesses([process.pid, server.pid])}`);
    }
    if (diagnostics) console.log(`      ours during the window: ${diagnostics}`);
    if (result.dropped > 0 || result.pairsComplete < result.pairsExpected) {
      const tail = server.output().split('\n').slice(-15).join('\n');
      if (tail.trim()) console.log(`  server output (tail):\n${tail}`);
    }
    return result;
  } finally {
    inspector?.close();
    for (const writer of writers) writer.stop();
    await closeAll(clients).catch(() => undefined);
    for (const writer of writers) writer.doc.destroy();
    await server.stop();
  }
}

function summarise(results: RunResult[], scenarios: Scenario[]): { table: string; ratios: string } {
  const header = [
    'scenario',
    'server',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'updates sent',
    'updates delivered/s',
    'deliveries verified',
    'dropped conns',
    'server CPU %',
    'CPU µs/update',
    'server RSS MB',
    'loadgen CPU %',
    'other CPU %',
    'recv msg/s',
  ];
  const rows: string[][] = [];
  const ratioLines: string[] = [];
  for (const scenario of scenarios) {
    const medians = new Map<BenchServer['kind'], { p99: number; cpu: number; perUpdate: number; rss: number; delivered: number }>();
    for (const kind of servers) {
      const runs = results.filter((r) => r.scenario === scenario.key && r.server === kind);
      if (runs.length === 0) continue;
      const p99 = median(runs.map((r) => r.p99));
      const cpu = median(runs.map((r) => r.serverCpu));
      const perUpdate = median(runs.map((r) => r.cpuPerUpdateUs));
      const rss = median(runs.map((r) => r.serverRssMb));
      const delivered = median(runs.map((r) => r.deliveriesPerSecond));
      medians.set(kind, { p99, cpu, perUpdate, rss, delivered });
      const complete = runs.reduce((sum, r) => sum + r.pairsComplete, 0);
      const expected = runs.reduce((sum, r) => sum + r.pairsExpected, 0);
      const gaps = runs.reduce((sum, r) => sum + r.gaps, 0);
      rows.push([
        scenario.label,
        SERVER_LABELS[kind],
        fmt(median(runs.map((r) => r.p50))),
        fmt(median(runs.map((r) => r.p95))),
        fmt(p99),
        String(Math.round(median(runs.map((r) => r.updatesSent)))),
        String(Math.round(delivered)),
        `${complete}/${expected}${gaps ? ` (${gaps} gaps)` : ''}${complete === expected && !gaps ? ' ✓' : ' ✗'}`,
        String(runs.reduce((sum, r) => sum + r.dropped, 0)),
        fmt(cpu),
        fmt(perUpdate),
        fmt(rss),
        fmt(median(runs.map((r) => r.loadgenCpu))),
        fmt(median(runs.map((r) => r.otherCpu))),
        String(Math.round(median(runs.map((r) => r.messagesPerSecond)))),
      ]);
    }
    const ref = medians.get('reference');
    // Goals: p99 and CPU <= 0.8x the reference's, RSS <= 1.0x, at a rate the reference keeps up with.
    const verdict = (ratio: number, goal: number) => (ratio <= goal ? `meets <= ${goal}x` : `OVER ${goal}x`);
    const bestDelivered = Math.max(...[...medians.values()].map((m) => m.delivered));
    const saturated = ref !== undefined && ref.delivered < 0.95 * bestDelivered;
    for (const kind of ['ours', 'ours-memory'] as const) {
      const ours = medians.get(kind);
      if (!ref || !ours) continue;
      const p99Ratio = ours.p99 / ref.p99;
      const cpuRatio = ours.cpu / ref.cpu;
      const rssRatio = ours.rss / ref.rss;
      const judged = kind === 'ours' && !saturated;
      ratioLines.push(
        `- ${scenario.label}, ${SERVER_LABELS[kind]} / reference: p99 **${fmt(p99Ratio, 2)}x**${judged ? ` (${verdict(p99Ratio, 0.8)})` : ''}` +
          `, CPU **${fmt(cpuRatio, 2)}x**${judged ? ` (${verdict(cpuRatio, 0.8)})` : ''}` +
          `, RSS **${fmt(rssRatio, 2)}x**${judged ? ` (${verdict(rssRatio, 1)})` : ''}` +
          `, CPU per update sent ${fmt(ours.perUpdate / ref.perUpdate, 2)}x` +
          (saturated && kind === 'ours'
            ? ` (the reference is saturated here: it delivered ${Math.round(ref.delivered)} updates/s of ${Math.round(bestDelivered)}, so its latency and CPU are not a yardstick; ours alone: p99 ${fmt(ours.p99)} ms, CPU ${fmt(ours.cpu)}%, every update delivered ${ours.delivered >= 0.95 * bestDelivered ? 'yes' : 'NO'})`
            : ''),
      );
    }
    const sqlite = medians.get('ours');
    const memory = medians.get('ours-memory');
    if (sqlite && memory) {
      ratioLines.push(
        `- ${scenario.label}, cost of SQLite storage (ours SQLite / ours memory): p99 ${fmt(sqlite.p99 / memory.p99, 2)}x, CPU ${fmt(sqlite.cpu / memory.cpu, 2)}x`,
      );
    }
  }
  return { table: markdownTable(header, rows), ratios: ratioLines.join('\n') };
}

async function main(): Promise<void> {
  installCleanup();
  const pinning = pinLoadGenerator();
  const scenarios = SCENARIOS.filter((s) => !only || only === '0' || s.key.startsWith(only));
  const maxClients = Math.max(...scenarios.map((s) => s.clients));
  const limitWarning = checkFileLimit(maxClients);
  if (limitWarning) {
    console.error(limitWarning);
    process.exitCode = 1;
    return;
  }
  console.log(
    `sync fan-out: ${quick ? 'QUICK, ' : ''}warm ${warmSeconds} s + measure ${measureSeconds} s, ${repeats} repeat(s), ` +
      `order ${servers.join("/")} alternating; ${pinning.note}`,
  );

  const results: RunResult[] = [];
  for (const scenario of scenarios) {
    console.log(`\n${scenario.label}`);
    for (let repeat = 1; repeat <= repeats; repeat++) {
      for (const kind of servers) {
        await waitForQuietMachine(quietWaitSeconds * 1000);
        results.push(await runOnce(kind, scenario, repeat, pinning));
        await sleep(500);
      }
    }
  }

  const { table, ratios } = summarise(results, scenarios);
  console.log(`\nMedians of ${repeats} run(s) per server\n\n${table}\n\n${ratios}`);

  const perRun = markdownTable(
    ['scenario', 'server', 'run', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'server CPU %', 'CPU µs/update', 'server RSS MB', 'loadgen CPU %', 'other CPU %', 'delivered', 'dropped'],
    results.map((r) => [
      r.scenario,
      r.server,
      String(r.repeat),
      fmt(r.p50),
      fmt(r.p95),
      fmt(r.p99),
      fmt(r.max),
      fmt(r.serverCpu),
      fmt(r.cpuPerUpdateUs),
      fmt(r.serverRssMb),
      fmt(r.loadgenCpu),
      fmt(r.otherCpu),
      `${r.pairsComplete}/${r.pairsExpected}`,
      String(r.dropped),
    ]),
  );
  appendResults(
    [
      `## sync-fanout${quick ? ' (quick smoke run, not a budget check)' : ''}: ${machineLine()}`,
      '',
      `warm ${warmSeconds} s + measured ${measureSeconds} s per run, ${repeats} repeat(s) per server, alternating ${servers.join('/')}; ` +
        `${pinning.note}. Ours: auth tokens + SQLite (temp DATA_DIR) or auth tokens + STORAGE=memory, default settings` +
        `${Object.keys(oursEnv).length ? ` plus ${stringOption('ours-env')}` : ''}. ` +
        `Latency = writer send -> sampled receiver (10% of clients, >= 20); CPU = % of one core over the measured window.`,
      '',
      table,
      '',
      ratios,
      '',
      '<details><summary>Every run</summary>',
      '',
      perRun,
      '',
      '</details>',
    ].join('\n'),
  );
}

await main();
