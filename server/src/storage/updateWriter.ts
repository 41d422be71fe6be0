import * as Y from 'yjs';
import type { BoardId } from '@pc/shared';
import type { BoardStore, PendingUpdate } from './boardStore';

export interface UpdateWriterOptions {
  /** Group-commit window: the longest an accepted update waits before its transaction. */
  intervalMs: number;
  /** At most this many queued updates merged into one row (default MAX_UPDATES_PER_ROW). */
  maxUpdatesPerRow?: number;
  /**
   * While storage fails, at most this many updates wait in memory; past it
   * `accepting` turns false and rooms refuse new edits (clients keep them in
   * their own copy and send them again after reconnecting). Default 10,000.
   */
  maxQueued?: number;
  /** First retry after a failed commit; doubles up to 30 s. Default 500 ms. */
  retryMs?: number;
  onWritten?: (stats: { updates: number; rows: number; bytes: number; seconds: number }) => void;
  onError?: (error: unknown) => void;
}

export const DEFAULT_MAX_QUEUED = 10_000;
const MAX_RETRY_MS = 30_000;

/** Storage as the writer last found it: healthy, or failing since a time with a reason. */
export type WriterHealth = { ok: true } | { ok: false; since: number; error: string };

/**
 * Most updates merged into one stored row. Y.mergeUpdates re-sorts its inputs
 * for every run of structs it copies, so its cost grows with the square of the
 * number of updates: 100 small updates merge in ~0.3 ms, 20,000 took ~10 s
 * and blocked the event loop (a backlog after a slow or failed commit, or one
 * very busy board). Up to here merging is cheaper than storing the rows.
 */
export const MAX_UPDATES_PER_ROW = 100;

/**
 * One board's queued updates as the rows to store, in order: each run of up to
 * `maxPerRow` consecutive updates merged into one.
 */
export function mergeIntoRows(updates: readonly Uint8Array[], maxPerRow = MAX_UPDATES_PER_ROW): Uint8Array[] {
  if (maxPerRow < 1) throw new RangeError('maxPerRow must be at least 1');
  const rows: Uint8Array[] = [];
  for (let start = 0; start < updates.length; start += maxPerRow) {
    const run = updates.slice(start, start + maxPerRow);
    rows.push(run.length === 1 ? run[0]! : Y.mergeUpdates(run));
  }
  return rows;
}

/**
 * Group commit: accepted updates of every board are queued and written in one
 * transaction per window, so 500 updates/s cost ~50 commits/s, not 500. A
 * board's queued updates are merged into one row first (cheap for the small
 * incremental updates clients send, and it keeps the tail short), at most
 * MAX_UPDATES_PER_ROW to a row.
 */
export class UpdateWriter {
  private queue = new Map<BoardId, Uint8Array[]>();
  private queuedCount = 0;
  private timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  private chain: Promise<void> = Promise.resolve();
  private readonly lastSeqByBoard = new Map<BoardId, number>();
  private failure: { since: number; error: string } | null = null;
  private retryDelay = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly store: BoardStore,
    private readonly options: UpdateWriterOptions,
  ) {}

  get pending(): number {
    return this.queuedCount;
  }

  get health(): WriterHealth {
    return this.failure ? { ok: false, ...this.failure } : { ok: true };
  }

  /** False while storage fails and the queue is full: callers must refuse new updates. */
  get accepting(): boolean {
    return this.failure === null || this.queuedCount < (this.options.maxQueued ?? DEFAULT_MAX_QUEUED);
  }

  /** Drop a deleted board's queued updates (they would fail its foreign key and block every other board's). */
  discard(boardId: BoardId): void {
    const dropped = this.queue.get(boardId)?.length ?? 0;
    this.queue.delete(boardId);
    this.queuedCount -= dropped;
    this.lastSeqByBoard.delete(boardId);
  }

  enqueue(boardId: BoardId, update: Uint8Array): void {
    const list = this.queue.get(boardId);
    if (list) list.push(update);
    else this.queue.set(boardId, [update]);
    this.queuedCount++;
    if (this.timer) return;
    const run = () => {
      this.timer = null;
      this.flush().catch((error: unknown) => this.options.onError?.(error));
    };
    this.timer = this.options.intervalMs > 0 ? setTimeout(run, this.options.intervalMs) : setImmediate(run);
  }

  /** Resolves once everything enqueued before the call is committed. */
  flush(): Promise<void> {
    const next = this.chain.then(() => this.writeQueued());
    // A failed write must not poison later flushes; the caller of this one still sees it.
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Highest stored sequence number of a board written through this writer. */
  lastSeq(boardId: BoardId): number | undefined {
    return this.lastSeqByBoard.get(boardId);
  }

  /** Drop per-board bookkeeping once a board is unloaded (its queue is already flushed). */
  forget(boardId: BoardId): void {
    if (!this.queue.has(boardId)) this.lastSeqByBoard.delete(boardId);
  }

  /** Flush and stop the timer; later enqueues are still accepted and need another flush. */
  async close(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
      this.timer = null;
    }
    await this.flush();
  }

  /** Nobody may enqueue again (the queue can be full), so a failed commit retries on its own, backing off. */
  private scheduleRetry(): void {
    if (this.retryTimer || this.stopped) return;
    this.retryDelay = Math.min(MAX_RETRY_MS, this.retryDelay ? this.retryDelay * 2 : (this.options.retryMs ?? 500));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.flush().catch((error: unknown) => this.options.onError?.(error));
    }, this.retryDelay);
    this.retryTimer.unref();
  }

  private async writeQueued(): Promise<void> {
    if (this.queuedCount === 0) return;
    const taken = this.queue;
    const count = this.queuedCount;
    this.queue = new Map();
    this.queuedCount = 0;
    const batch: PendingUpdate[] = [];
    let bytes = 0;
    for (const [boardId, updates] of taken) {
      for (const update of mergeIntoRows(updates, this.options.maxUpdatesPerRow)) {
        bytes += update.byteLength;
        batch.push({ boardId, update });
      }
    }
    const started = performance.now();
    try {
      const written = await this.store.appendUpdates(batch);
      for (const [boardId, seq] of written) this.lastSeqByBoard.set(boardId, seq);
    } catch (error) {
      // Put the updates back as they came (not the merged rows, so the count
      // stays true for the queue bound) in front of anything queued meanwhile,
      // so order is kept and a retry can succeed.
      for (const [boardId, updates] of taken) {
        const later = this.queue.get(boardId) ?? [];
        this.queue.set(boardId, later.length ? [...updates, ...later] : updates);
      }
      this.queuedCount += count;
      this.failure ??= { since: Date.now(), error: error instanceof Error ? error.message : String(error) };
      this.scheduleRetry();
      throw error;
    }
    this.failure = null;
    this.retryDelay = 0;
    this.options.onWritten?.({
      updates: count,
      rows: batch.length,
      bytes,
      seconds: (performance.now() - started) / 1000,
    });
  }
}
