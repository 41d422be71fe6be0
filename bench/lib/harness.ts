/**
 * Shared plumbing for the benchmark scripts: CPU pinning, /proc readers,
 * server processes (ours through tests/helpers/server.ts, the reference
 * @y/websocket-server spawned directly), cleanup on every exit path, stats
 * and the markdown table written to bench/RESULTS.md.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { freePort, repoRoot, startServer, type RunningServer, type StartOptions } from '../../tests/helpers/server';

export { repoRoot };

// ---------------------------------------------------------------- processes

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();
let cleanupInstalled = false;

/** Kill every server we started (synchronously: also runs from process 'exit'). */
function killAll(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  children.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/** Run a script's `main` and exit with its outcome: 0, or 1 with the error printed. */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** Every child process is stopped whatever happens: normal end, error, Ctrl-C. */
export function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping servers`);
      killAll();
      process.exit(130);
    });
  }
  process.on('uncaughtException', (error) => {
    console.error(error);
    killAll();
    process.exit(1);
  });
  process.on('unhandledRejection', (error) => {
    console.error(error);
    killAll();
    process.exit(1);
  });
}

// ---------------------------------------------------------------- pinning

export interface Pinning {
  enabled: boolean;
  note: string;
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Load generator on core 1 (this process, every thread), servers on core 0.
 * Servers spawned later inherit core 1 until they are re-pinned with pinServer.
 */
export function pinLoadGenerator(): Pinning {
  const cores = availableParallelism();
  if (cores < 2) return { enabled: false, note: `only ${cores} core: not pinned, numbers are not comparable to the budget` };
  if (!hasTaskset()) return { enabled: false, note: 'taskset not found (apt-get install util-linux): not pinned' };
  if (process.env.BENCH_NO_PIN === '1') return { enabled: false, note: 'BENCH_NO_PIN=1: not pinned' };
  execFileSync('taskset', ['-a', '-cp', '1', String(process.pid)], { stdio: 'ignore' });
  return { enabled: true, note: 'server on core 0, load generator on core 1 (taskset)' };
}

/** Pin every thread of a server process to core 0 (threads created later inherit it). */
export function pinServer(pid: number, pinning: Pinning): void {
  if (!pinning.enabled) return;
  execFileSync('taskset', ['-a', '-cp', '0', String(pid)], { stdio: 'ignore' });
}

/** Sockets this run needs vs. RLIMIT_NOFILE (soft) of this process; a warning when too low. */
export function checkFileLimit(sockets: number): string | null {
  let soft = Infinity;
  try {
    const limits = readFileSync('/proc/self/limits', 'utf8');
    const line = limits.split('\n').find((l) => l.startsWith('Max open files'));
    const value = line?.split(/\s{2,}/)[1];
    if (value && value !== 'unlimited') soft = Number(value);
  } catch {
    return null;
  }
  // Each process (load generator and server) holds one descriptor per socket, plus ~100 of its own.
  if (soft >= sockets + 200) return null;
  return (
    `Open file limit is ${soft}, this run needs ~${sockets + 200} descriptors per process. ` +
    `Raise it with \`ulimit -n 8192\` in this shell before \`npm run bench\`, ` +
    `or for a running shell: \`prlimit --pid $$ --nofile=8192:8192\`.`
  );
}

// ---------------------------------------------------------------- /proc

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a whole process (every thread), in seconds. */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces: fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / CLK_TCK;
}

/** Busy CPU seconds of the whole machine (every core; idle and iowait excluded). */
export function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / CLK_TCK;
}

/**
 * Wait (bounded) until the machine is quiet: the benchmarks need both cores,
 * and another job (a CI run, a browser test) skews every number. Returns the
 * busy CPU (% of one core) of the last 1 s sample.
 */
export async function waitForQuietMachine(maxWaitMs: number, thresholdPercent = 20): Promise<number> {
  const deadline = Date.now() + maxWaitMs;
  let warned = false;
  for (;;) {
    const before = machineBusySeconds();
    await sleep(1000);
    const busy = (machineBusySeconds() - before) * 100;
    if (busy <= thresholdPercent) return busy;
    if (Date.now() >= deadline) {
      console.log(`  ! machine still busy (${fmt(busy)}% of a core: ${otherBusyProcesses([process.pid])}); measuring anyway`);
      return busy;
    }
    if (!warned) {
      console.log(`  … machine busy (${fmt(busy)}% of a core: ${otherBusyProcesses([process.pid])}); waiting up to ${fmt(maxWaitMs / 1000, 0)} s`);
      warned = true;
    }
  }
}

/** The busiest processes that are not ours (pid, %CPU, command), for a noisy-machine warning. */
export function otherBusyProcesses(exclude: number[]): string {
  try {
    const out = execFileSync('ps', ['-eo', 'pid=,pcpu=,comm=', '--sort=-pcpu'], { encoding: 'utf8' });
    return out
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((f) => f.length >= 3 && f[2] !== 'ps' && !exclude.includes(Number(f[0])) && Number(f[1]) >= 5)
      .slice(0, 3)
      .map((f) => `${f[2]} (pid ${f[0]}, ${f[1]}%)`)
      .join(', ');
  } catch {
    return '';
  }
}

/** VmRSS of a process, in bytes. */
export function processRssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

// ---------------------------------------------------------------- servers

export interface BenchServer {
  /** ours: auth + SQLite in a temp DATA_DIR; ours-memory: auth + STORAGE=memory; reference: @y/websocket-server. */
  kind: 'reference' | 'ours' | 'ours-memory';
  pid: number;
  port: number;
  /** http://127.0.0.1:PORT */
  url: string;
  /** Where our server serves /metrics (its separate METRICS_PORT); the reference has none. */
  metricsUrl?: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Ours, as tests start it (real process, temp DATA_DIR with SQLite, auth on);
 * with `memory`, the same server with STORAGE=memory (auth still on, nothing written).
 */
export async function startOurs(
  pinning: Pinning,
  options: StartOptions & { memory?: boolean } = {},
): Promise<BenchServer & { running: RunningServer }> {
  const { memory, ...startOptions } = options;
  const running = await startServer(memory ? { ...startOptions, env: { ...startOptions.env, STORAGE: 'memory' } } : startOptions);
  children.add(running.process);
  tempDirs.add(running.dataDir);
  const pid = running.process.pid!;
  pinServer(pid, pinning);
  return {
    kind: memory ? 'ours-memory' : 'ours',
    pid,
    port: running.port,
    url: running.url,
    metricsUrl: running.metricsUrl,
    running,
    output: running.output,
    stop: async () => {
      // Graceful stop flushes and compacts; bounded so a hung shutdown cannot stall the bench.
      const stopped = running.dispose();
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, 15_000).unref());
      await Promise.race([stopped, timeout]);
      if (running.process.exitCode === null && running.process.signalCode === null) running.process.kill('SIGKILL');
      children.delete(running.process);
      rmSync(running.dataDir, { recursive: true, force: true });
      tempDirs.delete(running.dataDir);
    },
  };
}

const REFERENCE_SERVER = join(repoRoot, 'node_modules', '@y', 'websocket-server', 'src', 'server.js');

/** The reference: @y/websocket-server@0.1.1 as shipped (no auth, no persistence). */
export async function startReference(pinning: Pinning, extraEnv: Record<string, string> = {}): Promise<BenchServer> {
  if (!existsSync(REFERENCE_SERVER)) throw new Error(`reference server missing: ${REFERENCE_SERVER} (npm install)`);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...extraEnv };
  delete env.YPERSISTENCE;
  // taskset execs node, so the pid is the server's own.
  const [command, args] = pinning.enabled
    ? ['taskset', ['-c', '0', process.execPath, REFERENCE_SERVER]]
    : [process.execPath, [REFERENCE_SERVER]];
  const child = spawn(command as string, args as string[], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`reference server exited early (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(url);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`reference server did not answer in 15 s:\n${output}`);
    await sleep(100);
  }
  return {
    kind: 'reference',
    pid: child.pid!,
    port,
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5000).unref());
        await Promise.race([exited, timeout]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      children.delete(child);
    },
  };
}

// ---------------------------------------------------------------- helpers

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Poll `check` until it is true or the deadline passes; returns whether it became true. */
export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(intervalMs);
  }
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(values: number[]): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return NaN;
  const mid = Math.floor(finite.length / 2);
  return finite.length % 2 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
}

export function fmt(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** Date, cores, Node version: the header of every RESULTS.md entry. */
export function machineLine(): string {
  let nproc = String(availableParallelism());
  try {
    // --all: plain nproc honours this process's affinity, which pinning has set to one core.
    nproc = execFileSync('nproc', ['--all'], { encoding: 'utf8' }).trim();
  } catch {
    // keep availableParallelism
  }
  return `${new Date().toISOString()} · nproc ${nproc} · node ${process.version}`;
}

export function appendResults(markdown: string): void {
  if (flag('no-results')) {
    console.log('\n--no-results: RESULTS.md left alone');
    return;
  }
  const file = join(repoRoot, 'bench', 'RESULTS.md');
  appendFileSync(file, `\n${markdown.trimEnd()}\n`);
  console.log(`\nappended to ${file}`);
}

/** Options given on the command line (scripts/bench.mjs forwards every `--option`). */
function benchArgs(): string[] {
  return process.argv.slice(2);
}

/** `--name value`, `--name=value` or env BENCH_NAME (the command line wins). */
export function stringOption(name: string): string | undefined {
  const argv = benchArgs();
  let raw: string | undefined = process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === `--${name}`) raw = argv[i + 1];
    else if (arg.startsWith(`--${name}=`)) raw = arg.slice(name.length + 3);
  }
  return raw === '' ? undefined : raw;
}

/** A non-negative number option, see stringOption. */
export function numberOption(name: string, fallback: number): number {
  const raw = stringOption(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number, got ${raw}`);
  return value;
}

export function flag(name: string): boolean {
  return benchArgs().includes(`--${name}`) || process.env[`BENCH_${name.toUpperCase()}`] === '1';
}

/** Read the Prometheus text of our server's /metrics into name{labels} -> value. */
export async function scrapeMetrics(baseUrl: string): Promise<Map<string, number>> {
  const res = await fetch(`${baseUrl}/metrics`);
  if (!res.ok) throw new Error(`GET /metrics -> ${res.status}`);
  const text = await res.text();
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    values.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return values;
}
