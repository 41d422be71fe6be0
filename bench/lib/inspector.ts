/**
 * The V8 inspector of a server process: full garbage collections, so heap
 * numbers before and after are comparable, and CPU profiles of a measured
 * window (start the server with NODE_OPTIONS=--inspect=127.0.0.1:0, see
 * INSPECT_ENV; the port it picked is in its output).
 */
import { WebSocket } from './yclient';

/** Environment that makes a Node server open its inspector on a free loopback port. */
export const INSPECT_ENV = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --inspect=127.0.0.1:0`.trim() };

export function inspectorUrl(output: string): string | null {
  return /Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[\w-]+)/.exec(output)?.[1] ?? null;
}

/** Connect to the inspector of a server started with INSPECT_ENV (waits up to 10 s for its URL). */
/** HeapProfiler's sampled allocation profile: a call tree with the bytes allocated in each function. */
export interface AllocationProfile {
  head: AllocationNode;
}

export interface AllocationNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: AllocationNode[];
}

/** The functions that allocated the most (self), and the call paths through our code that did (total), in bytes. */
export function summariseAllocations(profile: AllocationProfile, top = 20): { total: number; self: { name: string; bytes: number }[]; inclusive: { name: string; bytes: number }[] } {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const label = (node: AllocationNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^.*\/(node_modules|server|shared)\//, '$1/');
    return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
  };
  const walk = (node: AllocationNode, onPath: Set<string>): number => {
    const name = label(node);
    self.set(name, (self.get(name) ?? 0) + node.selfSize);
    const first = !onPath.has(name);
    if (first) onPath.add(name);
    let total = node.selfSize;
    for (const child of node.children) total += walk(child, onPath);
    if (first) {
      onPath.delete(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + total);
    }
    return total;
  };
  const total = walk(profile.head, new Set());
  const ranked = (map: Map<string, number>) =>
    [...map].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, top);
  return { total, self: ranked(self), inclusive: ranked(inclusive) };
}

export async function connectInspector(output: () => string): Promise<Inspector> {
  const deadline = Date.now() + 10_000;
  let url = inspectorUrl(output());
  while (!url && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    url = inspectorUrl(output());
  }
  if (!url) throw new Error(`no inspector URL in the server output:\n${output().slice(-2000)}`);
  return Inspector.connect(url);
}

export class Inspector {
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();
  /** Chunks of a heap snapshot being taken. */
  private snapshotChunks: string[] | null = null;

  private constructor(private readonly ws: InstanceType<typeof WebSocket>) {
    ws.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { id?: number; result?: unknown; method?: string; params?: { chunk?: string } };
      if (message.method === 'HeapProfiler.addHeapSnapshotChunk' && this.snapshotChunks) this.snapshotChunks.push(message.params!.chunk!);
      if (message.id !== undefined) this.pending.get(message.id)?.(message.result);
      if (message.id !== undefined) this.pending.delete(message.id);
    });
  }

  static async connect(url: string): Promise<Inspector> {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new Inspector(ws);
  }

  call(method: string, params: Record<string, unknown> = {}, timeoutMs = 30_000): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer in ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Two full collections (the second frees what finalizers of the first released). */
  async collectGarbage(): Promise<void> {
    await this.call('HeapProfiler.collectGarbage');
    await this.call('HeapProfiler.collectGarbage');
  }

  /** Start sampling the CPU (interval in microseconds). */
  async startProfiling(intervalUs = 200): Promise<void> {
    await this.call('Profiler.enable');
    await this.call('Profiler.setSamplingInterval', { interval: intervalUs });
    await this.call('Profiler.start');
  }

  /** Stop sampling; the profile is a .cpuprofile document (Chrome DevTools, speedscope). */
  async stopProfiling(): Promise<unknown> {
    const result = (await this.call('Profiler.stop')) as { profile: unknown };
    return result.profile;
  }

  /**
   * Start sampling allocations (one sample per `intervalBytes` allocated on
   * average), counting objects that die young too: what a busy window churns
   * through, not only what it keeps.
   */
  async startAllocationSampling(intervalBytes = 4096): Promise<void> {
    await this.call('HeapProfiler.enable');
    await this.call('HeapProfiler.startSampling', { samplingInterval: intervalBytes, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  }

  /** Stop sampling allocations; the profile is a .heapprofile document (Chrome DevTools). */
  async stopAllocationSampling(): Promise<AllocationProfile> {
    const result = (await this.call('HeapProfiler.stopSampling')) as { profile: AllocationProfile };
    return result.profile;
  }

  /** A heap snapshot (after a full collection), as the .heapsnapshot JSON text. */
  async heapSnapshot(): Promise<string> {
    this.snapshotChunks = [];
    await this.call('HeapProfiler.enable');
    await this.call('HeapProfiler.takeHeapSnapshot', { reportProgress: false }, 300_000);
    const text = this.snapshotChunks.join('');
    this.snapshotChunks = null;
    return text;
  }

  close(): void {
    this.ws.terminate();
  }
}
