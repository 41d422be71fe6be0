import type * as awarenessProtocol from 'y-protocols/awareness';
import { MAX_UPDATES_PER_ROW, mergeIntoRows } from '../storage/updateWriter';
import type { Metrics } from '../metrics';
import type { Connection } from './connection';
import { encodeBinaryFrame } from './frame';
import { encodeAwareness, encodeUpdate } from './protocol';

/**
 * How a room's changes reach its connections: this process's sockets
 * (`LocalBroadcaster`); with several nodes, the fan-out's broadcaster
 * (fanout/redisFanout.ts) wraps it and also publishes what it is given.
 */
export interface Broadcaster {
  /** A change applied to the room's document; `origin` is the connection that sent it, if any. */
  documentChanged(update: Uint8Array, origin: unknown): void;
  /** Presence of these client ids changed (set or removed). */
  presenceChanged(clientIds: Iterable<number>): void;
  /** Send what is pending now (before unloading). */
  flush(): void;
  stop(): void;
}

export interface BroadcasterOptions {
  syncBatchMs: number;
  awarenessIntervalMs: number;
  metrics?: Pick<Metrics, 'messagesSent' | 'bytesSent'>;
}

/** Most updates merged into one broadcast message (merging is super-linear in the count). */
const MAX_UPDATES_PER_BROADCAST = MAX_UPDATES_PER_ROW;

/**
 * Batches a room's document changes (at most one message per `syncBatchMs`,
 * leading edge) and presence (at most one per `awarenessIntervalMs`), frames
 * each message once and writes the same bytes to every started connection.
 */
export class LocalBroadcaster implements Broadcaster {
  private pendingUpdates: { update: Uint8Array; origin: unknown }[] = [];
  private broadcastTimer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  private lastBroadcast = -Infinity;
  private readonly pendingAwareness = new Set<number>();
  private awarenessTimer: NodeJS.Timeout | null = null;
  private lastAwarenessBroadcast = 0;

  constructor(
    private readonly connections: ReadonlySet<Connection>,
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly options: BroadcasterOptions,
  ) {}

  documentChanged(update: Uint8Array, origin: unknown): void {
    this.pendingUpdates.push({ update, origin });
    if (this.broadcastTimer) return;
    // Leading edge: the first change after a quiet spell goes out this turn
    // (a 2.5 Hz room never waits); in a busy room, the changes of the next
    // `syncBatchMs` are merged into one message, so 50 people dragging notes
    // cost each client ~60 messages a second, not 500.
    const wait = this.lastBroadcast + this.options.syncBatchMs - performance.now();
    this.broadcastTimer = wait > 0 ? setTimeout(this.flushDocument, wait) : setImmediate(this.flushDocument);
  }

  presenceChanged(clientIds: Iterable<number>): void {
    for (const id of clientIds) this.pendingAwareness.add(id);
    if (this.awarenessTimer) return;
    // Leading edge when the room was quiet, then at most one broadcast per interval.
    const wait = Math.max(0, this.lastAwarenessBroadcast + this.options.awarenessIntervalMs - Date.now());
    this.awarenessTimer = setTimeout(this.flushAwareness, wait);
  }

  flush(): void {
    this.flushDocument();
  }

  stop(): void {
    if (this.broadcastTimer) {
      clearTimeout(this.broadcastTimer as NodeJS.Timeout);
      clearImmediate(this.broadcastTimer as NodeJS.Immediate);
      this.broadcastTimer = null;
    }
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.awarenessTimer = null;
  }

  /**
   * Everything applied since the last flush goes out merged, in bounded
   * chunks (a burst of thousands of updates costs a few messages, never one
   * super-linear merge). When one connection wrote it all, that connection is
   * skipped; otherwise authors get their own change back, which Yjs ignores,
   * and that is cheaper than one merge per recipient.
   */
  private readonly flushDocument = (): void => {
    this.broadcastTimer = null;
    const pending = this.pendingUpdates;
    this.pendingUpdates = [];
    if (pending.length === 0 || this.connections.size === 0) return;
    this.lastBroadcast = performance.now();
    const firstOrigin = pending[0]!.origin;
    const soleAuthor = pending.every((p) => p.origin === firstOrigin) ? firstOrigin : undefined;
    for (const update of mergeIntoRows(pending.map((p) => p.update), MAX_UPDATES_PER_BROADCAST)) {
      const frame = encodeBinaryFrame(encodeUpdate(update));
      let sent = 0;
      for (const connection of this.connections) {
        if (connection !== soleAuthor && connection.started) {
          connection.sendFrame(frame);
          sent++;
        }
      }
      this.counted('update', sent, frame.byteLength);
    }
  };

  private readonly flushAwareness = (): void => {
    this.awarenessTimer = null;
    this.lastAwarenessBroadcast = Date.now();
    const clients = [...this.pendingAwareness].filter((id) => this.awareness.meta.has(id));
    this.pendingAwareness.clear();
    if (clients.length === 0 || this.connections.size === 0) return;
    const frame = encodeBinaryFrame(encodeAwareness(this.awareness, clients));
    let sent = 0;
    for (const connection of this.connections) {
      if (connection.started) {
        connection.sendFrame(frame);
        sent++;
      }
    }
    this.counted('awareness', sent, frame.byteLength);
  };

  private counted(kind: 'update' | 'awareness', recipients: number, frameBytes: number): void {
    const metrics = this.options.metrics;
    if (!metrics || recipients === 0) return;
    metrics.messagesSent.inc({ kind }, recipients);
    metrics.bytesSent.inc(recipients * frameBytes);
  }
}
