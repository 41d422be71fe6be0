import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import { CLOSE_POLICY, CLOSE_SERVER_ERROR, CLOSE_TOO_BIG, CLOSE_TRY_AGAIN, GZIPPED_SYNC_MIN_BYTES, getMetaMap, openBoardDoc, refusedCloseReason, type BoardId } from '@pc/shared';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { BoardRecord, BoardStore } from '../storage/boardStore';
import { STORAGE_ORIGIN } from '../storage/docState';
import type { UpdateWriter } from '../storage/updateWriter';
import { LocalBroadcaster } from './broadcaster';
import { FROM_STORAGE, RemoteNode, type Fanout, type FanoutBroadcaster, type FanoutRoom } from '../fanout/fanout';
import { StoredRoom, type RoomStorage } from './persistence';
import type { Connection, ConnectionHost } from './connection';
import {
  type ClientMessage,
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  gzipSyncMessage,
  isEmptyStateVector,
  paintSnapshotMessage,
} from './protocol';
import { UpdateGate, type GateDecision, type UpdateSource } from './updateGate';
import { facilitatorLocks } from './lockPolicy';
import { BoardRateLimiter, ConnectionRateLimiter, describeRateLimit, type RateLimitName, type RateLimitSettings } from './limits';
import { admitPresence, admitRemotePresence } from './presence';

/** The limits a room enforces on its connections (see config.ts for each one's meaning). */
export interface SyncLimits {
  contentGate: boolean;
  maxUpdateBytes: number;
  maxBoardBytes: number;
  rateLimits: RateLimitSettings;
  maxPresenceBytes: number;
  maxPresenceClients: number;
}

interface SyncReply {
  plain: Uint8Array;
  /** Made on first request (MESSAGE_GZIPPED_SYNC). */
  gzipped: Uint8Array | null;
  /** Made on first request, for the empty state vector only (MESSAGE_PAINT_SNAPSHOT). */
  paint: Uint8Array | null;
}

/** Sync-step-2 replies kept per document version (new clients all send the same empty state vector). */
const SYNC_REPLY_CACHE_SIZE = 8;
/** State vectors longer than this are not worth a cache key. */
const SYNC_REPLY_CACHE_MAX_KEY = 512;

export interface RoomOptions {
  limits: SyncLimits;
  store: BoardStore;
  writer: UpdateWriter;
  metrics: Metrics;
  log: Logger;
  compactEvery: number;
  syncBatchMs: number;
  awarenessIntervalMs: number;
  /** The cluster's fan-out (several nodes); none for a single process. */
  fanout?: Fanout;
  /** Called when the last connection leaves (the registry decides when to unload). */
  onEmpty(room: Room): void;
}

/** Origin of the meta written when a brand-new board is first opened. */
const INITIALISE_ORIGIN = Symbol('initialise-board');

type RoomState = 'loading' | 'ready' | 'failed' | 'unloaded';

/**
 * One board in memory: its Y.Doc, its presence, its connections. Loads from
 * storage before answering anyone; every client message passes its limits
 * and the update gate here; applied changes go to the `RoomStorage` (group
 * commit, compaction) and the `Broadcaster` (batched fan-out), two small
 * interfaces so a fan-out between processes can plug in later.
 */
export class Room implements ConnectionHost, FanoutRoom {
  readonly id: BoardId;
  /** The board's document; replaced (see `UpdateGate`) after a refused update. */
  private currentDoc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.currentDoc);
  readonly connections = new Set<Connection>();
  /** Resolves when the stored document is loaded and migrated; rejects if it cannot be. */
  readonly ready: Promise<void>;
  private state: RoomState = 'loading';
  private readonly log: Logger;
  private readonly storage: RoomStorage;
  private readonly broadcaster: FanoutBroadcaster;
  /** Set once loaded: judges every client update before it is stored or broadcast. */
  private gate: UpdateGate | null = null;
  /** While the gate judges an update: the document changes it made, held until the verdict. */
  private held: Array<[Uint8Array, unknown]> | null = null;
  private readonly rates: BoardRateLimiter;
  /** Which connection introduced each presence client id (or which peer node, for its clients). */
  private readonly presenceOwners = new Map<number, Connection | RemoteNode>();
  /** Encoded sync replies by state vector, for the current document version only. */
  private readonly syncReplies = new Map<string, SyncReply>();

  constructor(
    readonly board: BoardRecord,
    private readonly options: RoomOptions,
  ) {
    this.id = board.id;
    this.log = options.log.child({ boardId: board.id });
    this.rates = new BoardRateLimiter(options.limits.rateLimits);
    this.storage = new StoredRoom(board.id, () => this.doc, {
      ...options,
      log: this.log,
      onEncoded: (state) => this.gate?.encoded(state),
    });
    // The server has no presence of its own; it only relays.
    this.awareness.setLocalState(null);
    // The document's update listener is attached once the stored state is in (see load).
    this.awareness.on('update', this.onAwarenessUpdate);
    this.ready = this.load();
    // Failures are handled in load(); this keeps an unobserved rejection from crashing the process.
    this.ready.catch(() => undefined);
    // After `ready` exists (the fan-out waits on it) and before anything is broadcast (only once loaded).
    const local = new LocalBroadcaster(this.connections, this.awareness, options);
    this.broadcaster = options.fanout ? options.fanout.join(this, local) : local;
  }

  get doc(): Y.Doc {
    return this.currentDoc;
  }

  get isReady(): boolean {
    return this.state === 'ready';
  }

  get isUnloaded(): boolean {
    return this.state === 'unloaded' || this.state === 'failed';
  }

  private async load(): Promise<void> {
    try {
      // Before listening: with an 'update' listener Yjs would encode the whole
      // loaded document once more, only for the room to ignore it.
      const started = performance.now();
      const loaded = await this.storage.load();
      this.options.metrics.storageSeconds.observe({ operation: 'load' }, (performance.now() - started) / 1000);
      this.doc.on('update', this.onDocUpdate);
      if (!loaded.hasContent) {
        this.doc.transact(() => {
          const meta = getMetaMap(this.doc);
          meta.set('title', this.board.title);
          meta.set('createdAt', this.board.createdAt);
        }, INITIALISE_ORIGIN);
      }
      // Never fails on content: what no reader could use is repaired (and stored), the rest migrated.
      const { repaired, migration } = openBoardDoc(this.doc, { title: this.board.title, createdAt: this.board.createdAt });
      if (repaired.length) this.log.warn({ repaired }, 'repaired board document on load');
      if (migration.applied.length) this.log.info({ migration }, 'migrated board document');
      if (migration.skipped.length) this.log.warn({ skipped: migration.skipped }, 'migrations skipped values of the wrong type');
      const { contentGate, maxUpdateBytes, maxBoardBytes } = this.options.limits;
      this.gate = new UpdateGate(
        this.doc,
        { checkContent: contentGate, maxUpdateBytes, maxBoardBytes, policy: facilitatorLocks },
        loaded.storedBytes,
      );
    } catch (error) {
      this.state = 'failed';
      this.log.error({ err: error }, 'could not load board');
      for (const connection of this.connections) connection.close(CLOSE_SERVER_ERROR, 'this board could not be loaded');
      this.destroy();
      throw error;
    }
    if (this.state !== 'loading') return;
    this.state = 'ready';
    this.storage.start();
    for (const connection of this.connections) this.startConnection(connection);
  }

  addConnection(connection: Connection): void {
    if (this.isUnloaded) throw new Error('room is unloaded');
    connection.attach(this);
    connection.limiter = new ConnectionRateLimiter(this.rates);
    if (connection.isClosed) {
      if (this.connections.size === 0) this.options.onEmpty(this);
      return;
    }
    this.connections.add(connection);
    if (this.state === 'ready') this.startConnection(connection);
  }

  removeConnection(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    for (const id of connection.awarenessClients) if (this.presenceOwners.get(id) === connection) this.presenceOwners.delete(id);
    if (connection.awarenessClients.size > 0 && this.state === 'ready') {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessClients], null);
    }
    if (this.connections.size === 0) this.options.onEmpty(this);
  }

  private startConnection(connection: Connection): void {
    // Editors get our state vector so they send what we lack (offline edits);
    // a viewer's answer would be ignored anyway, so it is not asked.
    if (connection.role !== 'view') connection.sendSync(encodeSyncStep1(this.doc));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) connection.send(encodeAwareness(this.awareness, present));
    connection.start();
  }

  receive(connection: Connection, data: Uint8Array): void {
    if (this.state !== 'ready') return;
    this.options.metrics.bytesReceived.inc(data.byteLength);
    let message: ClientMessage;
    try {
      message = decodeClientMessage(data);
    } catch (error) {
      this.rejectConnection(connection, error);
      return;
    }
    switch (message.kind) {
      case 'sync-step1':
        if (this.overLimit(connection, connection.limiter?.syncRequest())) return;
        this.sendSyncReply(connection, message.stateVector);
        return;
      case 'sync-step2':
        if (this.overLimit(connection, connection.limiter?.syncRequest())) return;
        this.receiveUpdate(connection, message.update, message.kind);
        return;
      case 'update':
        // A viewer's updates are ignored by the gate; they cost its buckets nothing.
        if (connection.role !== 'view' && this.overLimit(connection, connection.limiter?.update(message.update.byteLength))) return;
        this.receiveUpdate(connection, message.update, message.kind);
        return;
      case 'awareness':
        if (this.overLimit(connection, connection.limiter?.presenceMessage())) return;
        this.receivePresence(connection, message.update);
        return;
      case 'query-awareness':
        connection.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
        return;
      case 'auth':
        return;
    }
  }

  private receiveUpdate(connection: Connection, update: Uint8Array, source: UpdateSource): void {
    // Storage has failed long enough to fill the queue: hold no more new edits in
    // memory. The client keeps its edit and sends it again once it reconnects.
    // An update with nothing new (a client's answer to our sync step 1) still passes.
    if (!this.options.writer.accepting && addsContent(update)) {
      this.options.metrics.updatesRejected.inc({ reason: 'storage-unavailable' });
      connection.close(CLOSE_TRY_AGAIN, 'the board cannot be saved right now; try again shortly');
      return;
    }
    const gate = this.gate!;
    const held: Array<[Uint8Array, unknown]> = [];
    this.held = held;
    let decision: GateDecision;
    try {
      decision = gate.admit(update, source, { connectionId: connection.id, role: connection.role }, connection);
    } finally {
      this.held = null;
    }
    if (gate.doc !== this.currentDoc) this.replaceDoc(gate.doc);
    if (!decision.ok) {
      this.options.metrics.updatesRejected.inc({ reason: decision.reason });
      if (decision.reason === 'read-only') return;
      // What was refused never reached anyone. The close reason is marked as a refusal: our
      // client drops its copy and reloads the board rather than send the same update again.
      this.log.warn({ connection: connection.id, reason: decision.reason, problem: decision.message }, 'refused an update');
      this.options.metrics.protocolErrors.inc({ code: String(decision.reason === 'too-big' ? CLOSE_TOO_BIG : CLOSE_POLICY) });
      connection.close(decision.reason === 'too-big' ? CLOSE_TOO_BIG : CLOSE_POLICY, closeReason(refusedCloseReason(decision.message)));
      return;
    }
    this.options.metrics.updatesApplied.inc();
    for (const [change, origin] of held) this.changed(change, origin);
  }

  /** The gate built the document again without a refused update: what it held is gone, so listen to the new one. */
  private replaceDoc(doc: Y.Doc): void {
    this.currentDoc.off('update', this.onDocUpdate);
    this.currentDoc = doc;
    // The awareness reads only the document's client id; the server has no presence of its own.
    this.awareness.doc = doc;
    doc.on('update', this.onDocUpdate);
  }

  /** Close a connection that broke a rate limit; true if it did. */
  private overLimit(connection: Connection, limit: RateLimitName | null | undefined): boolean {
    if (!limit) return false;
    this.options.metrics.updatesRejected.inc({ reason: `rate-${limit}` });
    this.options.metrics.protocolErrors.inc({ code: String(CLOSE_POLICY) });
    this.log.warn({ connection: connection.id, limit }, 'closing a connection over its rate limit');
    connection.close(CLOSE_POLICY, describeRateLimit(limit, this.options.limits.rateLimits));
    return true;
  }

  /**
   * A client new to the board sends the same (empty) state vector: its reply
   * is encoded once per version, and gzipped once per version for the clients
   * that asked for large replies gzipped.
   */
  private sendSyncReply(connection: Connection, stateVector: Uint8Array): void {
    const key = stateVector.byteLength > SYNC_REPLY_CACHE_MAX_KEY ? null : Buffer.from(stateVector).toString('base64');
    let reply = key === null ? undefined : this.syncReplies.get(key);
    if (!reply) {
      reply = { plain: encodeSyncStep2(this.doc, stateVector), gzipped: null, paint: null };
      if (key !== null) {
        if (this.syncReplies.size >= SYNC_REPLY_CACHE_SIZE) this.syncReplies.clear();
        this.syncReplies.set(key, reply);
      }
    }
    const { asks } = connection;
    if (reply.plain.byteLength < GZIPPED_SYNC_MIN_BYTES) {
      connection.sendSync(reply.plain);
      return;
    }
    // A client that holds nothing yet and asked for it draws the records before reading the reply.
    if (asks.paint && isEmptyStateVector(stateVector)) {
      reply.paint ??= paintSnapshotMessage(this.doc);
      connection.sendSync(reply.paint);
    }
    if (!asks.gzip) {
      connection.sendSync(reply.plain);
      return;
    }
    reply.gzipped ??= gzipSyncMessage(reply.plain);
    connection.sendSync(reply.gzipped);
  }

  private receivePresence(connection: Connection, update: Uint8Array): void {
    const { maxPresenceBytes, maxPresenceClients } = this.options.limits;
    const decision = admitPresence(update, connection, connection.awarenessClients, (id) => {
      const owner = this.presenceOwners.get(id);
      if (owner instanceof RemoteNode) return owner.alive ? owner : undefined;
      return owner?.isOpen ? owner : undefined;
    }, (id) => this.awareness.meta.get(id)?.clock, {
      maxStateBytes: maxPresenceBytes,
      maxClientsPerConnection: maxPresenceClients,
    });
    if (!decision.ok) {
      this.options.metrics.protocolErrors.inc({ code: String(CLOSE_POLICY) });
      connection.close(CLOSE_POLICY, closeReason(decision.problem));
      return;
    }
    if (decision.refused) {
      this.options.metrics.updatesRejected.inc({ reason: 'presence-not-owned' }, decision.refused);
      this.log.warn({ connection: connection.id, refused: decision.refused }, "refused presence for another connection's client id");
    }
    if (!decision.update) return;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decision.update, connection);
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
    // An update being judged: stored and broadcast only once the gate admits it.
    if (this.held) {
      this.held.push([update, origin]);
      return;
    }
    // Changes the server makes itself (repairs, imports) and those of other nodes: the gate keeps them too.
    this.gate?.recorded(update);
    if (origin === STORAGE_ORIGIN) return;
    this.changed(update, origin);
  };

  private changed(update: Uint8Array, origin: unknown): void {
    this.syncReplies.clear();
    // A peer's change is stored by the node that accepted it.
    if (!(origin instanceof RemoteNode)) this.storage.record(update);
    this.broadcaster.documentChanged(update, origin);
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    // This node publishes only its own clients' presence; a peer's is published by the peer.
    const own = origin instanceof RemoteNode ? [] : changed.filter((id) => !(this.presenceOwners.get(id) instanceof RemoteNode));
    const author = origin instanceof RemoteNode ? origin : origin && this.connections.has(origin as Connection) ? (origin as Connection) : null;
    if (author) {
      for (const id of [...added, ...updated]) {
        if (!(author instanceof RemoteNode)) author.awarenessClients.add(id);
        this.presenceOwners.set(id, author);
      }
    }
    for (const id of removed) {
      if (author && !(author instanceof RemoteNode)) author.awarenessClients.delete(id);
      if (this.presenceOwners.get(id) === author) this.presenceOwners.delete(id);
    }
    if (this.state === 'ready') this.broadcaster.presenceChanged(changed, own);
  };

  // What the cluster's fan-out may do (see fanout/fanout.ts).

  stateVector(): Uint8Array {
    return Y.encodeStateVector(this.doc);
  }

  missingFor(stateVector: Uint8Array): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }

  applyRemoteUpdate(update: Uint8Array, from: RemoteNode): void {
    if (this.state !== 'ready') return;
    Y.applyUpdate(this.doc, update, from);
  }

  applyRemotePresence(update: Uint8Array, from: RemoteNode): void {
    if (this.state !== 'ready') return;
    const admitted = admitRemotePresence(update, (id) => {
      const owner = this.presenceOwners.get(id);
      return owner !== undefined && !(owner instanceof RemoteNode) && owner.isOpen;
    });
    if (admitted) awarenessProtocol.applyAwarenessUpdate(this.awareness, admitted, from);
  }

  dropRemotePresence(from: RemoteNode): void {
    if (this.state !== 'ready') return;
    const ids = [...this.presenceOwners].filter(([, owner]) => owner === from).map(([id]) => id);
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, from);
  }

  encodePresence(clientIds: readonly number[]): Uint8Array | null {
    if (this.state !== 'ready') return null;
    const known = clientIds.filter((id) => this.awareness.meta.has(id));
    return known.length ? encodeAwarenessUpdate(this.awareness, known) : null;
  }

  encodeOwnPresence(): Uint8Array | null {
    const own = [...this.awareness.getStates().keys()].filter((id) => {
      const owner = this.presenceOwners.get(id);
      return owner !== undefined && !(owner instanceof RemoteNode);
    });
    return this.encodePresence(own);
  }

  async refreshFromStorage(): Promise<void> {
    if (this.state !== 'ready') return;
    const stored = await this.options.store.loadBoard(this.id);
    const parts = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates];
    if (this.state !== 'ready' || parts.length === 0) return;
    Y.applyUpdate(this.doc, Y.mergeUpdates(parts), FROM_STORAGE);
  }

  /** Flush, compact and free the document. The room must have no connections left. */
  async unload(): Promise<void> {
    if (this.isUnloaded) return;
    if (this.state === 'loading') await this.ready.catch(() => undefined);
    if (this.isUnloaded) return;
    this.state = 'unloaded';
    this.broadcaster.flush();
    this.broadcaster.stop();
    try {
      await this.storage.close();
    } finally {
      this.destroy();
    }
  }

  /** The board was deleted: free it without storing anything more. Connections are closed by the caller. */
  async discard(): Promise<void> {
    if (this.state === 'loading') await this.ready.catch(() => undefined);
    if (this.isUnloaded) return;
    this.state = 'unloaded';
    this.broadcaster.stop();
    await this.storage.discard();
    this.destroy();
  }

  private destroy(): void {
    this.broadcaster.stop();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.gate?.destroy();
    this.doc.destroy();
    this.storage.forget();
  }
}

/** WebSocket close reasons must fit in 123 bytes of UTF-8. */
function closeReason(message: string): string {
  const bytes = Buffer.from(message);
  return bytes.byteLength <= 120 ? message : `${bytes.subarray(0, 117).toString().replace(/\uFFFD$/, '')}...`;
}

/** Does an update carry new content (structs), unlike an empty answer to sync? A malformed one is left to the gate. */
function addsContent(update: Uint8Array): boolean {
  try {
    return Y.decodeUpdate(update).structs.length > 0;
  } catch {
    return false;
  }
}
