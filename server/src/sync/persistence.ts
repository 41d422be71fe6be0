import * as Y from 'yjs';
import type { BoardId } from '@pc/shared';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { BoardStore } from '../storage/boardStore';
import { applyStoredState, hasStoredContent } from '../storage/docState';
import type { UpdateWriter } from '../storage/updateWriter';

/**
 * How a room's document is kept: loaded once, every applied change appended
 * (group commit), folded into a snapshot in the background, and compacted a
 * last time on unload.
 */
export interface RoomStorage {
  /** Apply the stored state to `doc` (before it has an 'update' listener). */
  load(): Promise<LoadedState>;
  /** The room is ready: background compaction may run from now on. */
  start(): void;
  /** A change applied to the document, to be stored. */
  record(update: Uint8Array): void;
  /** Compact now and stop (the room is unloading). */
  close(): Promise<void>;
  /** Stop without storing anything more (the board is being deleted); waits for a running compaction. */
  discard(): Promise<void>;
  /** Drop what is held for this board (after close or a failed load). */
  forget(): void;
}

export interface LoadedState {
  /** False for a board that was never written (a brand-new board). */
  hasContent: boolean;
  /** Bytes stored (snapshot + tail): an upper bound of the state's size. */
  storedBytes: number;
}

export interface PersistenceOptions {
  store: BoardStore;
  writer: UpdateWriter;
  metrics: Metrics;
  log: Logger;
  compactEvery: number;
  /** Given the whole state whenever a compaction encodes it, at once (nothing changes in between). */
  onEncoded(state: Uint8Array): void;
}

export class StoredRoom implements RoomStorage {
  private loadedSeq = 0;
  private updatesSinceCompaction = 0;
  private compaction: Promise<void> | null = null;
  private open = false;

  constructor(
    private readonly id: BoardId,
    /** The room's document (replaced after a refused update, so read when needed). */
    private readonly docOf: () => Y.Doc,
    private readonly options: PersistenceOptions,
  ) {}

  async load(): Promise<LoadedState> {
    const stored = await this.options.store.loadBoard(this.id);
    applyStoredState(this.docOf(), stored);
    this.loadedSeq = stored.lastSeq;
    this.updatesSinceCompaction = stored.updates.length;
    return {
      hasContent: hasStoredContent(stored),
      storedBytes: (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((sum, u) => sum + u.byteLength, 0),
    };
  }

  start(): void {
    this.open = true;
    // A long stored tail (a crash before compaction, or a bulk import) makes every later load slow: fold it now.
    if (this.updatesSinceCompaction >= this.options.compactEvery) this.scheduleCompaction();
  }

  record(update: Uint8Array): void {
    this.options.writer.enqueue(this.id, update);
    this.updatesSinceCompaction++;
    if (this.updatesSinceCompaction >= this.options.compactEvery) this.scheduleCompaction();
  }

  async close(): Promise<void> {
    this.open = false;
    try {
      await this.compaction;
      await this.compactNow();
    } catch (error) {
      // The updates are still queued in the writer, which the shutdown flush retries.
      this.options.log.error({ err: error }, 'could not compact board on unload');
    }
  }

  async discard(): Promise<void> {
    this.open = false;
    await this.compaction;
  }

  forget(): void {
    this.open = false;
    this.options.writer.forget(this.id);
  }

  private scheduleCompaction(): void {
    if (this.compaction || !this.open) return;
    // Off the message path: the encode runs after the current batch of messages.
    this.compaction = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.compactNow())
      .catch((error: unknown) => this.options.log.error({ err: error }, 'compaction failed'))
      .finally(() => (this.compaction = null));
  }

  /**
   * Flush first, then encode: the snapshot then holds every update up to the
   * last stored sequence number, so deleting that tail loses nothing. Updates
   * applied while this runs get later numbers and stay in the tail.
   */
  private async compactNow(): Promise<void> {
    const { writer, store, metrics, log } = this.options;
    await writer.flush();
    const uptoSeq = writer.lastSeq(this.id) ?? this.loadedSeq;
    if (this.updatesSinceCompaction === 0 || uptoSeq === 0) return;
    this.updatesSinceCompaction = 0;
    const snapshot = Y.encodeStateAsUpdate(this.docOf());
    this.options.onEncoded(snapshot);
    const started = performance.now();
    await store.compact(this.id, snapshot, uptoSeq);
    metrics.storageSeconds.observe({ operation: 'compact' }, (performance.now() - started) / 1000);
    this.loadedSeq = uptoSeq;
    metrics.compactions.inc();
    metrics.bytesStored.inc({ kind: 'snapshot' }, snapshot.byteLength);
    log.debug({ uptoSeq, bytes: snapshot.byteLength }, 'compacted board');
  }
}
