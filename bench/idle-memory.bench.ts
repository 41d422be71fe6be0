/**
 * Memory per idle connection on our server (budget: <= 50 KB), and that
 * rooms are unloaded and memory comes back once everyone has left.
 *
 * For 1,000 authenticated connections (edit token, raw ws, after sync) to one
 * board, then to 100 boards (10 each), on a fresh server each time:
 *   baseline (after a warm-up round and a full GC) -> connected (GC) ->
 *   all closed, rooms gauge back to 0 after UNLOAD_DELAY_MS (GC).
 * RSS is VmRSS from /proc; heap and external memory come from our /metrics
 * (prom-client process gauges). Full GCs go through the V8 inspector
 * (NODE_OPTIONS=--inspect=127.0.0.1:0), so heap deltas are live objects only.
 * The reference server is measured the same way (RSS and heap through the
 * inspector; it has no /metrics and never unloads) for context.
 *
 * Options (flag or env BENCH_<NAME>): --quick (200 connections, 20 boards),
 * --connections <n>, --boards <n>, --unload-delay <ms>, --no-reference.
 */
import { createBoard, type CreatedBoard } from '../tests/helpers/server';
import {
  appendResults,
  checkFileLimit,
  flag,
  fmt,
  installCleanup,
  machineLine,
  markdownTable,
  numberOption,
  pinLoadGenerator,
  processRssBytes,
  scrapeMetrics,
  sleep,
  startOurs,
  startReference,
  waitForQuietMachine,
  waitUntil,
  type BenchServer,
  type Pinning,
} from './lib/harness';
import { connectInspector, INSPECT_ENV, type Inspector } from './lib/inspector';
import { BenchClient, closeAll, connectAll } from './lib/yclient';

const quick = flag('quick');
const connections = Math.round(numberOption('connections', quick ? 200 : 1000));
const manyBoards = Math.round(numberOption('boards', quick ? 20 : 100));
const unloadDelayMs = Math.round(numberOption('unload-delay', quick ? 500 : 2000));
const withReference = !flag('no-reference');
const BUDGET_KB = 50;

interface Memory {
  rss: number;
  heapUsed: number | null;
  external: number | null;
  rooms: number | null;
  connections: number | null;
}

interface Row {
  server: BenchServer['kind'];
  boards: number;
  connections: number;
  before: Memory;
  connected: Memory;
  after: Memory | null;
  unloadSeconds: number | null;
}

async function gcViaInspector(server: BenchServer): Promise<Inspector> {
  return connectInspector(server.output);
}

async function measure(server: BenchServer, inspector: Inspector): Promise<Memory> {
  await inspector.collectGarbage();
  await sleep(300);
  const rss = processRssBytes(server.pid);
  if (server.kind === 'reference') {
    const usage = (await inspector.call('Runtime.getHeapUsage')) as { usedSize: number };
    return { rss, heapUsed: usage.usedSize, external: null, rooms: null, connections: null };
  }
  const metrics = await scrapeMetrics(server.metricsUrl!);
  return {
    rss,
    heapUsed: metrics.get('pc_nodejs_heap_size_used_bytes') ?? null,
    external: metrics.get('pc_nodejs_external_memory_bytes') ?? null,
    rooms: metrics.get('pc_rooms_loaded') ?? null,
    connections: metrics.get('pc_ws_connections') ?? null,
  };
}

async function runOurs(boardCount: number, pinning: Pinning): Promise<Row> {
  const server = await startOurs(pinning, {
    env: {
      UNLOAD_DELAY_MS: String(unloadDelayMs),
      // Every connection goes to one board in the first row: above the default per-board limit (500).
      MAX_CONNECTIONS_PER_BOARD: String(connections + 100),
      ...INSPECT_ENV,
    },
  });
  let inspector: Inspector | null = null;
  let clients: BenchClient[] = [];
  try {
    inspector = await gcViaInspector(server);
    const boards: CreatedBoard[] = [];
    for (let i = 0; i < boardCount; i++) boards.push(await createBoard(server, `idle ${i}`));
    const url = (board: CreatedBoard) =>
      `ws://127.0.0.1:${server.port}/ws/${board.id}?token=${encodeURIComponent(board.tokens.edit)}`;

    // Warm-up round on a board of its own: code paths compiled, lazy modules loaded, pools grown.
    const warmBoard = await createBoard(server, 'idle warm-up');
    const warm = Array.from({ length: 50 }, () => new BenchClient(url(warmBoard)));
    await connectAll(warm);
    await closeAll(warm);
    const warmUnloaded = await waitUntil(async () => (await scrapeMetrics(server.metricsUrl!)).get('pc_rooms_loaded') === 0, unloadDelayMs + 15_000, 200);
    if (!warmUnloaded) console.log('  ! the warm-up board was not unloaded');

    const before = await measure(server, inspector);
    clients = Array.from({ length: connections }, (_, i) => new BenchClient(url(boards[i % boardCount]!)));
    await connectAll(clients, 50, 10);
    await sleep(1000);
    const connected = await measure(server, inspector);

    await closeAll(clients);
    const closedAt = performance.now();
    let unloadSeconds: number | null = null;
    const unloaded = await waitUntil(
      async () => {
        const metrics = await scrapeMetrics(server.metricsUrl!);
        return metrics.get('pc_rooms_loaded') === 0 && metrics.get('pc_ws_connections') === 0;
      },
      unloadDelayMs + 20_000,
      100,
    );
    if (unloaded) unloadSeconds = (performance.now() - closedAt) / 1000;
    const after = await measure(server, inspector);
    return { server: 'ours', boards: boardCount, connections, before, connected, after, unloadSeconds };
  } finally {
    inspector?.close();
    await closeAll(clients).catch(() => undefined);
    await server.stop();
  }
}

async function runReference(pinning: Pinning): Promise<Row> {
  const server = await startReference(pinning, {
    ...INSPECT_ENV,
  });
  let inspector: Inspector | null = null;
  let clients: BenchClient[] = [];
  try {
    inspector = await gcViaInspector(server);
    const url = (room: string) => `ws://127.0.0.1:${server.port}/${room}`;
    const warm = Array.from({ length: 50 }, () => new BenchClient(url('warm-up')));
    await connectAll(warm);
    await closeAll(warm);
    const before = await measure(server, inspector);
    clients = Array.from({ length: connections }, () => new BenchClient(url('idle')));
    await connectAll(clients, 50, 10);
    await sleep(1000);
    const connected = await measure(server, inspector);
    return { server: 'reference', boards: 1, connections, before, connected, after: null, unloadSeconds: null };
  } finally {
    inspector?.close();
    await closeAll(clients).catch(() => undefined);
    await server.stop();
  }
}

const MB = (bytes: number | null | undefined) => (bytes == null ? 'n/a' : fmt(bytes / 1048576, 1));
const perConnKB = (from: number | null, to: number | null, n: number) => (from == null || to == null ? NaN : (to - from) / 1024 / n);

async function main(): Promise<void> {
  installCleanup();
  const pinning = pinLoadGenerator();
  const limitWarning = checkFileLimit(connections);
  if (limitWarning) {
    console.error(limitWarning);
    process.exitCode = 1;
    return;
  }
  console.log(
    `idle memory: ${connections} idle connections${quick ? ' (QUICK)' : ''}, UNLOAD_DELAY_MS=${unloadDelayMs}; ${pinning.note}`,
  );
  const rows: Row[] = [];
  for (const boards of [1, manyBoards]) {
    await waitForQuietMachine(quick ? 1000 : 60_000);
    const row = await runOurs(boards, pinning);
    rows.push(row);
    console.log(
      `  ours, ${boards} board(s): RSS ${MB(row.before.rss)} -> ${MB(row.connected.rss)} -> ${MB(row.after?.rss)} MB, ` +
        `heap ${MB(row.before.heapUsed)} -> ${MB(row.connected.heapUsed)} -> ${MB(row.after?.heapUsed)} MB, ` +
        `gauges while connected: ${row.connected.connections} connections, ${row.connected.rooms} rooms; ` +
        `after close: ${row.after?.connections} connections, ${row.after?.rooms} rooms` +
        (row.unloadSeconds == null ? ' (NOT unloaded in time)' : ` (unloaded after ${fmt(row.unloadSeconds)} s)`),
    );
  }
  if (withReference) {
    const row = await runReference(pinning);
    rows.push(row);
    console.log(
      `  reference, 1 room: RSS ${MB(row.before.rss)} -> ${MB(row.connected.rss)} MB, heap ${MB(row.before.heapUsed)} -> ${MB(row.connected.heapUsed)} MB`,
    );
  }

  const table = markdownTable(
    [
      'server',
      'connections',
      'boards',
      'RSS KB/conn',
      'heap KB/conn',
      'heap+external KB/conn',
      `<= ${BUDGET_KB} KB`,
      'RSS MB before/connected/closed',
      'heap MB before/connected/closed',
      'rooms after close',
      'unloaded after',
    ],
    rows.map((row) => {
      const rssKB = perConnKB(row.before.rss, row.connected.rss, row.connections);
      const heapKB = perConnKB(row.before.heapUsed, row.connected.heapUsed, row.connections);
      const totalKB =
        row.before.external == null || row.connected.external == null
          ? NaN
          : heapKB + perConnKB(row.before.external, row.connected.external, row.connections);
      const worst = Math.max(rssKB, Number.isFinite(totalKB) ? totalKB : heapKB);
      return [
        row.server,
        String(row.connections),
        String(row.boards),
        fmt(rssKB),
        fmt(heapKB),
        fmt(totalKB),
        worst <= BUDGET_KB ? 'yes' : 'NO',
        `${MB(row.before.rss)} / ${MB(row.connected.rss)} / ${MB(row.after?.rss)}`,
        `${MB(row.before.heapUsed)} / ${MB(row.connected.heapUsed)} / ${MB(row.after?.heapUsed)}`,
        row.server === 'reference' ? 'never unloads' : String(row.after?.rooms ?? 'n/a'),
        row.server === 'reference' ? '-' : row.unloadSeconds == null ? 'NOT within delay + 20 s' : `${fmt(row.unloadSeconds)} s`,
      ];
    }),
  );
  const notes = rows
    .filter((row) => row.server === 'ours' && row.after)
    .map((row) => {
      const heapBack = (row.after!.heapUsed ?? NaN) - (row.before.heapUsed ?? NaN);
      const rssBack = row.after!.rss - row.before.rss;
      return (
        `- ours, ${row.boards} board(s): after everyone left and the rooms unloaded, heap is ` +
        `${fmt(heapBack / 1024, 0)} KB and RSS ${fmt(rssBack / 1024, 0)} KB away from the baseline ` +
        `(RSS rarely shrinks fully: freed V8 pages and malloc arenas are kept for reuse).`
      );
    })
    .join('\n');
  console.log(`\n${table}\n\n${notes}`);
  appendResults(
    [
      `## idle-memory${quick ? ' (quick smoke run)' : ''}: ${machineLine()}`,
      '',
      `${connections} idle authenticated connections (raw ws, synced, no awareness), fresh server per row, ` +
        `after a 50-connection warm-up round and a full GC (inspector); UNLOAD_DELAY_MS=${unloadDelayMs}. ` +
        `KB/conn = (connected - baseline) / connections; the baseline has the boards created but not loaded, ` +
        `so the rooms' own cost is included. Budget: an idle connection costs <= ${BUDGET_KB} KB.`,
      '',
      table,
      '',
      notes,
    ].join('\n'),
  );
}

await main();
