import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CLOSE_POLICY, CLOSE_SERVER_ERROR, CLOSE_TRY_AGAIN, getMetaMap, migrateBoardDoc, type BoardId } from '@pc/shared';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { BoardRecord, BoardStore } from '../storage/boardStore';
import { applyStoredState, hasStoredContent, STORAGE_ORIGIN } from '../storage/docState';
import type { UpdateWriter } from '../storage/updateWriter';
import type { Connection, ConnectionHost } from './connection';
import {
  type ClientMessage,
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  ProtocolError,
} from './protocol';
import { encodeBinaryFrame } from './frame';
import { admitUpdate } from './updateGate';

export interface RoomOptions {
  store: BoardStore;
  writer: UpdateWriter;
  metrics: Metrics;
  log: Logger;
  compactEvery: number;
  syncBatchMs: number;
  awarenessIntervalMs: number;
  /** Called when the last connection leaves (the registry decides when to unload). */
  onEmpty(room: Room): void;
}

/** Origin of the meta written when a brand-new board is first opened. */
const INITIALISE_ORIGIN = Symbol('initialise-board');

type RoomState = 'loading' | 'ready' | 'failed' | 'unloaded';

/**
 * One board in memory: its Y.Doc, its presence, its connections. Loads from
 * storage before answering anyone, appends every applied change to the group
 * commit, coalesces broadcasts per tick and presence per interval.
 */
export class Room implements ConnectionHost {
  readonly id: BoardId;
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  /** Resolves when the stored document is loaded and migrated; rejects if it cannot be. */
  readonly ready: Promise<void>;
  private state: RoomState = 'loading';
  private readonly log: Logger;
  private loadedSeq = 0;
  private updatesSinceCompaction = 0;
  private compaction: Promise<void> | null = null;
  private pendingUpdates: { update: Uint8Array; origin: unknown }[] = [];
  private broadcastTimer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  private lastBroadcast = -Infinity;
  private readonly pendingAwareness = new Set<number>();
  private awarenessTimer: NodeJS.Timeout | null = null;
  private lastAwarenessBroadcast = 0;

  constructor(
    readonly board: BoardRecord,
    private readonly options: RoomOptions,
  ) {
    this.id = board.id;
    this.log = options.log.child({ boardId: board.id });
    // The server has no presence of its own; it only relays.
    this.awareness.setLocalState(null);
    // The document's update listener is attached once the stored state is in (see load).
    this.awareness.on('update', this.onAwarenessUpdate);
    this.ready = this.load();
    // Failures are handled in load(); this keeps an unobserved rejection from crashing the process.
    this.ready.catch(() => undefined);
  }

  get isReady(): boolean {
    return this.state === 'ready';
  }

  get isUnloaded(): boolean {
    return this.state === 'unloaded' || this.state === 'failed';
  }

  private async load(): Promise<void> {
    try {
      const stored = await this.options.store.loadBoard(this.id);
      // Before listening: with an 'update' listener Yjs would encode the whole
      // loaded document once more, only for the room to ignore it.
      applyStoredState(this.doc, stored);
      this.doc.on('update', this.onDocUpdate);
      this.loadedSeq = stored.lastSeq;
      this.updatesSinceCompaction = stored.updates.length;
      if (!hasStoredContent(stored)) {
        this.doc.transact(() => {
          const meta = getMetaMap(this.doc);
          meta.set('title', this.board.title);
          meta.set('createdAt', this.board.createdAt);
        }, INITIALISE_ORIGIN);
      }
      const migration = migrateBoardDoc(this.doc);
      if (migration.applied.length) this.log.info({ migration }, 'migrated board document');
    } catch (error) {
      this.state = 'failed';
      this.log.error({ err: error }, 'could not load board');
      for (const connection of this.connections) connection.close(CLOSE_SERVER_ERROR, 'this board could not be loaded');
      this.destroy();
      throw error;
    }
    if (this.state !== 'loading') return;
    this.state = 'ready';
    for (const connection of this.connections) this.startConnection(connection);
    // A long stored tail (a crash before compaction, or a bulk import) makes every later load slow: fold it now.
    if (this.updatesSinceCompaction >= this.options.compactEvery) this.scheduleCompaction();
  }

  addConnection(connection: Connection): void {
    if (this.isUnloaded) throw new Error('room is unloaded');
    connection.attach(this);
    if (connection.isClosed) {
      if (this.connections.size === 0) this.options.onEmpty(this);
      return;
    }
    this.connections.add(connection);
    if (this.state === 'ready') this.startConnection(connection);
  }

  removeConnection(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    if (connection.awarenessClients.size > 0 && this.state === 'ready') {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessClients], null);
    }
    if (this.connections.size === 0) this.options.onEmpty(this);
  }

  private startConnection(connection: Connection): void {
    // Editors get our state vector so they send what we lack (offline edits);
    // a viewer's answer would be ignored anyway, so it is not asked.
    if (connection.role !== 'view') connection.send(encodeSyncStep1(this.doc));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) connection.send(encodeAwareness(this.awareness, present));
    connection.start();
  }

  receive(connection: Connection, data: Uint8Array): void {
    if (this.state !== 'ready') return;
    let message: ClientMessage;
    try {
      message = decodeClientMessage(data);
    } catch (error) {
      this.rejectConnection(connection, error);
      return;
    }
    switch (message.kind) {
      case 'sync-step1':
        connection.send(encodeSyncStep2(this.doc, message.stateVector));
        return;
      case 'sync-step2':
      case 'update':
        this.receiveUpdate(connection, message.update, message.kind);
        return;
      case 'awareness':
        try {
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, connection);
        } catch (error) {
          this.rejectConnection(connection, error);
        }
        return;
      case 'query-awareness':
        connection.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
        return;
      case 'auth':
        return;
    }
  }

  private receiveUpdate(connection: Connection, update: Uint8Array, source: 'sync-step2' | 'update'): void {
    const decision = admitUpdate({ boardId: this.id, role: connection.role, doc: this.doc, update, source });
    if (!decision.ok) {
      this.options.metrics.updatesRejected.inc({ reason: decision.reason });
      if (decision.reason === 'malformed') this.rejectConnection(connection, new ProtocolError('malformed update'));
      return;
    }
    // Storage has failed long enough to fill the queue: hold no more new edits in
    // memory. The client keeps its edit and sends it again when it reconnects.
    // An update with nothing new (a client's answer to our sync step 1) still passes.
    if (!this.options.writer.accepting && Y.decodeUpdate(update).structs.length > 0) {
      this.options.metrics.updatesRejected.inc({ reason: 'storage-unavailable' });
      connection.close(CLOSE_TRY_AGAIN, 'the board cannot be saved right now; try again shortly');
      return;
    }
    try {
      Y.applyUpdate(this.doc, update, connection);
      this.options.metrics.updatesApplied.inc();
    } catch (error) {
      this.rejectConnection(connection, error);
    }
  }

  private rejectConnection(connection: Connection, error: unknown): void {
    this.options.metrics.protocolErrors.inc({ code: String(CLOSE_POLICY) });
    this.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'closing connection: malformed message');
    connection.close(CLOSE_POLICY, 'malformed message');
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === STORAGE_ORIGIN) return;
    this.options.writer.enqueue(this.id, update);
    this.updatesSinceCompaction++;
    if (this.updatesSinceCompaction >= this.options.compactEvery) this.scheduleCompaction();
    this.pendingUpdates.push({ update, origin });
    if (this.broadcastTimer) return;
    // Leading edge: the first change after a quiet spell goes out this turn
    // (a 2.5 Hz room never waits); in a busy room, the changes of the next
    // `syncBatchMs` are merged into one message, so 50 people dragging notes
    // cost each client ~60 messages a second, not 500.
    const wait = this.lastBroadcast + this.options.syncBatchMs - performance.now();
    this.broadcastTimer = wait > 0 ? setTimeout(this.flushBroadcast, wait) : setImmediate(this.flushBroadcast);
  };

  /**
   * Everything applied since the last flush goes out as one merged update. When
   * one connection wrote it all, that connection is skipped; otherwise authors
   * get their own change back, which Yjs ignores, and that is cheaper than one
   * merge per recipient.
   */
  private readonly flushBroadcast = (): void => {
    this.broadcastTimer = null;
    const pending = this.pendingUpdates;
    this.pendingUpdates = [];
    if (pending.length === 0 || this.connections.size === 0) return;
    this.lastBroadcast = performance.now();
    const update = pending.length === 1 ? pending[0]!.update : Y.mergeUpdates(pending.map((p) => p.update));
    const firstOrigin = pending[0]!.origin;
    const soleAuthor = pending.every((p) => p.origin === firstOrigin) ? firstOrigin : undefined;
    const frame = encodeBinaryFrame(encodeUpdate(update));
    for (const connection of this.connections) {
      if (connection !== soleAuthor && connection.started) connection.sendFrame(frame);
    }
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const author = origin && this.connections.has(origin as Connection) ? (origin as Connection) : null;
    for (const id of added) {
      author?.awarenessClients.add(id);
      this.pendingAwareness.add(id);
    }
    // A client that reconnected re-announces its id as "updated": the new connection owns it now.
    for (const id of updated) {
      author?.awarenessClients.add(id);
      this.pendingAwareness.add(id);
    }
    for (const id of removed) {
      author?.awarenessClients.delete(id);
      this.pendingAwareness.add(id);
    }
    if (this.awarenessTimer || this.state !== 'ready') return;
    // Leading edge when the room was quiet, then at most one broadcast per interval.
    const wait = Math.max(0, this.lastAwarenessBroadcast + this.options.awarenessIntervalMs - Date.now());
    this.awarenessTimer = setTimeout(this.flushAwareness, wait);
  };

  private readonly flushAwareness = (): void => {
    this.awarenessTimer = null;
    this.lastAwarenessBroadcast = Date.now();
    const clients = [...this.pendingAwareness].filter((id) => this.awareness.meta.has(id));
    this.pendingAwareness.clear();
    if (clients.length === 0 || this.connections.size === 0) return;
    const frame = encodeBinaryFrame(encodeAwareness(this.awareness, clients));
    for (const connection of this.connections) if (connection.started) connection.sendFrame(frame);
  };

  private scheduleCompaction(): void {
    if (this.compaction || this.state !== 'ready') return;
    // Off the message path: the encode runs after the current batch of messages.
    this.compaction = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.compactNow())
      .catch((error: unknown) => this.log.error({ err: error }, 'compaction failed'))
      .finally(() => (this.compaction = null));
  }

  /**
   * Flush first, then encode: the snapshot then holds every update up to the
   * last stored sequence number, so deleting that tail loses nothing. Updates
   * applied while this runs get later numbers and stay in the tail.
   */
  private async compactNow(): Promise<void> {
    const { writer, store, metrics } = this.options;
    await writer.flush();
    const uptoSeq = writer.lastSeq(this.id) ?? this.loadedSeq;
    if (this.updatesSinceCompaction === 0 || uptoSeq === 0) return;
    this.updatesSinceCompaction = 0;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    await store.compact(this.id, snapshot, uptoSeq);
    this.loadedSeq = uptoSeq;
    metrics.compactions.inc();
    metrics.bytesStored.inc({ kind: 'snapshot' }, snapshot.byteLength);
    this.log.debug({ uptoSeq, bytes: snapshot.byteLength }, 'compacted board');
  }

  /** Flush, compact and free the document. The room must have no connections left. */
  async unload(): Promise<void> {
    if (this.isUnloaded) return;
    if (this.state === 'loading') await this.ready.catch(() => undefined);
    if (this.isUnloaded) return;
    this.state = 'unloaded';
    this.flushBroadcast();
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.awarenessTimer = null;
    try {
      await this.compaction;
      await this.compactNow();
    } catch (error) {
      // The updates are still queued in the writer, which the shutdown flush retries.
      this.log.error({ err: error }, 'could not compact board on unload');
    } finally {
      this.destroy();
    }
  }

  /** The board was deleted: free it without storing anything more. Connections are closed by the caller. */
  async discard(): Promise<void> {
    if (this.state === 'loading') await this.ready.catch(() => undefined);
    if (this.isUnloaded) return;
    this.state = 'unloaded';
    await this.compaction;
    this.destroy();
  }

  private destroy(): void {
    if (this.broadcastTimer) {
      clearTimeout(this.broadcastTimer as NodeJS.Timeout);
      clearImmediate(this.broadcastTimer as NodeJS.Immediate);
      this.broadcastTimer = null;
    }
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.awarenessTimer = null;
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
    this.options.writer.forget(this.id);
  }
}
