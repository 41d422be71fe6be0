/**
 * Presence (awareness) traffic in a big room: every client moves its cursor
 * at a set rate (our client sends at most 20 a second), and sampled observers
 * count what reaches them. Ours batches a room's presence into at most one
 * broadcast per AWARENESS_INTERVAL_MS (50 ms = 20 a second); the reference
 * (@y/websocket-server 0.1.1) forwards every change to everyone, O(N^2)
 * messages. Same load, same run, alternating.
 *
 * Columns: messages/s and KB/s received by one observer (median over the
 * observers), cursor positions/s it learns (fresh states), freshness (cursor
 * move -> observer, p50/p99), server CPU and RSS. Budget: <= ~20 messages/s.
 *
 * Options (flag or env BENCH_<NAME>): --quick, --clients <n> (300), --hz <n>
 * (10 per client), --warm <s>, --measure <s>, --repeats <n>, --quiet-wait <s>,
 * --servers=reference,ours, --no-results.
 */
import {
  appendResults,
  checkFileLimit,
  flag,
  fmt,
  installCleanup,
  machineBusySeconds,
  machineLine,
  markdownTable,
  median,
  numberOption,
  percentile,
  pinLoadGenerator,
  processCpuSeconds,
  processRssBytes,
  sleep,
  startOurs,
  startReference,
  stringOption,
  waitForQuietMachine,
  type BenchServer,
  type Pinning,
} from './lib/harness';
import { BenchClient, closeAll, connectAll, encodeAwarenessMessage, type AwarenessEntry } from './lib/yclient';
import { createBoard } from '../tests/helpers/server';

const quick = flag('quick');
const clientCount = Math.round(numberOption('clients', quick ? 100 : 300));
const hz = numberOption('hz', 10);
const warmSeconds = numberOption('warm', quick ? 1 : 5);
const measureSeconds = numberOption('measure', quick ? 3 : 15);
const repeats = Math.max(1, Math.round(numberOption('repeats', quick ? 1 : 2)));
const quietWaitSeconds = numberOption('quiet-wait', quick ? 1 : 120);
const OBSERVERS = 5;
const servers = (['reference', 'ours'] as const).filter((kind) =>
  (stringOption('servers') ?? 'reference,ours').split(',').includes(kind),
);

interface RunResult {
  server: BenchServer['kind'];
  repeat: number;
  messagesPerSecond: number;
  kbPerSecond: number;
  positionsPerSecond: number;
  freshnessP50: number;
  freshnessP99: number;
  sentPerSecond: number;
  serverCpu: number;
  serverRssMb: number;
  loadgenCpu: number;
  otherCpu: number;
  dropped: number;
}

/** An observer: counts messages and the cursor positions they carry, and how old each one is. */
class Observer {
  messages = 0;
  bytes = 0;
  positions = 0;
  readonly freshness: number[] = [];
  private readonly lastClock = new Map<number, number>();
  counting = false;
  readonly client: BenchClient;

  constructor(url: string) {
    this.client = new BenchClient(url, { onAwareness: this.onAwareness });
  }

  private readonly onAwareness = (entries: AwarenessEntry[], receivedAt: number): void => {
    if (!this.counting) return;
    this.messages++;
    for (const { clientId, clock, state } of entries) {
      if ((this.lastClock.get(clientId) ?? -1) >= clock) continue;
      this.lastClock.set(clientId, clock);
      const sentAt = (state as { t?: number } | null)?.t;
      if (typeof sentAt !== 'number') continue;
      this.positions++;
      this.freshness.push(receivedAt - sentAt);
    }
  };
}

async function runOnce(kind: BenchServer['kind'], repeat: number, pinning: Pinning): Promise<RunResult> {
  const server = kind === 'reference' ? await startReference(pinning) : await startOurs(pinning);
  const clients: BenchClient[] = [];
  const timers: NodeJS.Timeout[] = [];
  try {
    let url: string;
    if (server.kind === 'reference') {
      url = `ws://127.0.0.1:${server.port}/awareness-${repeat}`;
    } else {
      const board = await createBoard(server, 'awareness bench');
      url = `ws://127.0.0.1:${server.port}/ws/${board.id}?token=${encodeURIComponent(board.tokens.edit)}`;
    }
    const observers = Array.from({ length: OBSERVERS }, () => new Observer(url));
    const movers = Array.from({ length: clientCount - OBSERVERS }, () => new BenchClient(url));
    clients.push(...observers.map((o) => o.client), ...movers);
    await connectAll(clients, 50, 10);

    // Every client (observers too) moves its cursor at `hz`, spread evenly over the period.
    let sent = 0;
    const periodMs = 1000 / hz;
    clients.forEach((client, index) => {
      const clientId = 1_000_000 + index;
      let clock = 0;
      const move = () => {
        clock++;
        const state = { user: { name: `Person ${index}` }, cursor: { x: (clock * 7) % 1000, y: index }, t: performance.now() };
        client.send(encodeAwarenessMessage(clientId, clock, state));
        sent++;
      };
      timers.push(
        setTimeout(() => {
          move();
          timers.push(setInterval(move, periodMs));
        }, (index * periodMs) / clients.length),
      );
    });
    await sleep(warmSeconds * 1000);

    const cpuBefore = processCpuSeconds(server.pid);
    const machineBefore = machineBusySeconds();
    const ownBefore = process.cpuUsage();
    const sentBefore = sent;
    const bytesBefore = observers.map((o) => o.client.bytes);
    for (const observer of observers) observer.counting = true;
    const started = performance.now();
    await sleep(measureSeconds * 1000);
    for (const observer of observers) observer.counting = false;
    const seconds = (performance.now() - started) / 1000;
    const serverCpu = ((processCpuSeconds(server.pid) - cpuBefore) / seconds) * 100;
    const own = process.cpuUsage(ownBefore);
    const loadgenCpu = ((own.user + own.system) / 1e6 / seconds) * 100;
    const otherCpu = Math.max(0, ((machineBusySeconds() - machineBefore) / seconds) * 100 - serverCpu - loadgenCpu);
    const serverRssMb = processRssBytes(server.pid) / 1024 / 1024;

    const freshness = observers.flatMap((o) => o.freshness).sort((a, b) => a - b);
    const result: RunResult = {
      server: server.kind,
      repeat,
      messagesPerSecond: median(observers.map((o) => o.messages / seconds)),
      kbPerSecond: median(observers.map((o, i) => (o.client.bytes - bytesBefore[i]!) / 1024 / seconds)),
      positionsPerSecond: median(observers.map((o) => o.positions / seconds)),
      freshnessP50: percentile(freshness, 50),
      freshnessP99: percentile(freshness, 99),
      sentPerSecond: (sent - sentBefore) / seconds,
      serverCpu,
      serverRssMb,
      loadgenCpu,
      otherCpu,
      dropped: clients.filter((c) => c.droppedCode !== null || !c.open).length,
    };
    console.log(
      `  ${server.kind.padEnd(9)} #${repeat}: observer ${fmt(result.messagesPerSecond)} msg/s, ${fmt(result.kbPerSecond)} KB/s, ` +
        `${fmt(result.positionsPerSecond)} positions/s, freshness p50 ${fmt(result.freshnessP50)} / p99 ${fmt(result.freshnessP99)} ms; ` +
        `sent ${fmt(result.sentPerSecond, 0)}/s; server CPU ${fmt(serverCpu)}%, RSS ${fmt(serverRssMb)} MB; ` +
        `loadgen CPU ${fmt(loadgenCpu)}%, other CPU ${fmt(otherCpu)}%; dropped ${result.dropped}`,
    );
    return result;
  } finally {
    for (const timer of timers) clearInterval(timer);
    await closeAll(clients).catch(() => undefined);
    await server.stop();
  }
}

async function main(): Promise<void> {
  installCleanup();
  const pinning = pinLoadGenerator();
  const limitWarning = checkFileLimit(clientCount);
  if (limitWarning) {
    console.error(limitWarning);
    process.exitCode = 1;
    return;
  }
  const shape = `${clientCount} clients in one room, each moving its cursor at ${hz} Hz (${fmt(clientCount * hz, 0)} presence updates/s in)`;
  console.log(`awareness: ${quick ? 'QUICK, ' : ''}${shape}; warm ${warmSeconds} s + measure ${measureSeconds} s, ${repeats} repeat(s); ${pinning.note}`);
  const results: RunResult[] = [];
  for (let repeat = 1; repeat <= repeats; repeat++) {
    for (const kind of servers) {
      await waitForQuietMachine(quietWaitSeconds * 1000);
      results.push(await runOnce(kind, repeat, pinning));
      await sleep(500);
    }
  }

  const header = [
    'server',
    'observer msg/s',
    'observer KB/s',
    'cursor positions/s learnt',
    'freshness p50 ms',
    'freshness p99 ms',
    'server CPU %',
    'server RSS MB',
    'loadgen CPU %',
    'other CPU %',
    'dropped',
    '<= ~20 msg/s',
  ];
  const rows = servers
    .map((kind) => results.filter((r) => r.server === kind))
    .filter((runs) => runs.length > 0)
    .map((runs) => {
      const m = (pick: (r: RunResult) => number) => median(runs.map(pick));
      const messages = m((r) => r.messagesPerSecond);
      return [
        runs[0]!.server === 'ours' ? 'ours (auth + SQLite)' : 'reference',
        fmt(messages),
        fmt(m((r) => r.kbPerSecond)),
        fmt(m((r) => r.positionsPerSecond)),
        fmt(m((r) => r.freshnessP50)),
        fmt(m((r) => r.freshnessP99)),
        fmt(m((r) => r.serverCpu)),
        fmt(m((r) => r.serverRssMb)),
        fmt(m((r) => r.loadgenCpu)),
        fmt(m((r) => r.otherCpu)),
        String(runs.reduce((sum, r) => sum + r.dropped, 0)),
        messages <= 22 ? 'yes' : 'no',
      ];
    });
  const table = markdownTable(header, rows);
  const ours = results.filter((r) => r.server === 'ours');
  const ref = results.filter((r) => r.server === 'reference');
  const ratio =
    ours.length && ref.length
      ? `- ours/reference: observer messages/s **${fmt(median(ours.map((r) => r.messagesPerSecond)) / median(ref.map((r) => r.messagesPerSecond)), 3)}x**, ` +
        `server CPU **${fmt(median(ours.map((r) => r.serverCpu)) / median(ref.map((r) => r.serverCpu)), 2)}x**`
      : '';
  console.log(`\n${table}\n\n${ratio}`);
  appendResults(
    [
      `## awareness${quick ? ' (quick smoke run, not a budget check)' : ''}: ${machineLine()}`,
      '',
      `${shape}; ${OBSERVERS} observers among them count what they receive (median shown). Warm ${warmSeconds} s + measured ` +
        `${measureSeconds} s, ${repeats} repeat(s), alternating; ${pinning.note}. Freshness = cursor move (sender's clock) -> ` +
        `observer, for every position it learnt. Budget: a client in a 300-person room receives at most ~20 presence messages a second.`,
      '',
      table,
      '',
      ratio,
    ].join('\n'),
  );
}

await main();
