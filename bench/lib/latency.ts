import * as Y from 'yjs';
import { BenchClient, encodeSync, SYNC_UPDATE, type UpdateMeta } from './yclient';

/**
 * Writer-to-client latency: writers stamp each update's clocks when they send
 * (`SendLog`), sampled receivers look up the clocks of what arrives
 * (`Receiver`). Shared by the sync fan-out and cluster benchmarks.
 */

/** Send times per writer clientID, indexed by clock. */
export class SendLog {
  readonly times = new Map<number, number[]>();
  windowStart = Infinity;
  windowEnd = Infinity;

  record(client: number, from: number, to: number, at: number): void {
    let list = this.times.get(client);
    if (!list) this.times.set(client, (list = []));
    for (let clock = from; clock < to; clock++) list[clock] = at;
  }

  inWindow(at: number): boolean {
    return at >= this.windowStart && at < this.windowEnd;
  }
}

/** A sampled receiver's view: the next clock expected from each writer of its room. */
export class Receiver {
  readonly next = new Map<number, number>();
  gaps = 0;

  constructor(
    private readonly log: SendLog,
    private readonly latencies: number[],
  ) {}

  readonly onUpdate = (meta: UpdateMeta, receivedAt: number): void => {
    for (const [client, to] of meta.to) {
      // Clocks written before a writer synced (its record's creation) have no send time but still count for gaps.
      const times = this.log.times.get(client);
      const seen = this.next.get(client) ?? 0;
      const from = meta.from.get(client) ?? 0;
      if (from > seen) this.gaps += from - seen;
      for (let clock = Math.max(seen, from); clock < to; clock++) {
        const sentAt = times?.[clock];
        if (sentAt !== undefined && this.log.inWindow(sentAt)) this.latencies.push(receivedAt - sentAt);
      }
      if (to > seen) this.next.set(client, to);
    }
  };
}

export class Writer {
  readonly doc = new Y.Doc();
  readonly client: BenchClient;
  private readonly item: Y.Map<unknown>;
  private timer: NodeJS.Timeout | null = null;
  private startTimer: NodeJS.Timeout | null = null;
  sent = 0;
  private tick = 0;

  /** `log`: where its send times go (several logs: e.g. one per node that should count this writer). */
  constructor(url: string, log: SendLog | readonly SendLog[], counter: { sent: number }) {
    const logs = Array.isArray(log) ? log : [log as SendLog];
    this.client = new BenchClient(url, { doc: this.doc });
    // A canvas sticky of our schema, one record per writer; each tick moves it.
    const id = `bench-${this.doc.clientID}`;
    this.item = new Y.Map<unknown>();
    this.doc.transact(() => {
      this.doc.getMap('canvasItems').set(id, this.item);
      this.item.set('id', id);
      this.item.set('kind', 'sticky');
      this.item.set('text', 'bench');
      this.item.set('y', 0);
    });
    this.doc.on('update', (update: Uint8Array) => {
      if (!this.client.synced) return;
      const meta = Y.parseUpdateMeta(update);
      const at = performance.now();
      for (const [client, to] of meta.to) for (const target of logs) target.record(client, meta.from.get(client) ?? 0, to, at);
      this.client.send(encodeSync(SYNC_UPDATE, update));
      this.sent++;
      counter.sent++;
    });
  }

  /** Tick every 1000/hz ms, starting after `offsetMs` (writers are spread over the period). */
  start(hz: number, offsetMs: number): void {
    this.startTimer = setTimeout(() => {
      this.step();
      this.timer = setInterval(() => this.step(), 1000 / hz);
    }, offsetMs);
  }

  private step(): void {
    this.item.set('x', ++this.tick);
  }

  stop(): void {
    if (this.startTimer) clearTimeout(this.startTimer);
    if (this.timer) clearInterval(this.timer);
    this.startTimer = this.timer = null;
  }

  /** Exclusive end of this writer's own clocks. */
  get finalClock(): number {
    return Y.decodeStateVector(Y.encodeStateVector(this.doc)).get(this.doc.clientID) ?? 0;
  }
}
