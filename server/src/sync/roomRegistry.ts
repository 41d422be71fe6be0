import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type * as Y from 'yjs';
import { CLOSE_GOING_AWAY, CLOSE_NOT_FOUND, CLOSE_SERVER_ERROR, CLOSE_UNAUTHORISED, type BoardId, type Role } from '@pc/shared';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { BoardRecord, BoardStore } from '../storage/boardStore';
import type { UpdateWriter } from '../storage/updateWriter';
import type { Fanout } from '../fanout/fanout';
import { Keepalive } from './keepalive';
import { Connection, NO_ASKS, type ClientAsks, type ConnectionOptions } from './connection';
import type { ConnectionSlot } from './connectionLimits';
import { Room, type SyncLimits } from './room';

/** How long shutdown waits for clients to complete the closing handshake. */
const CLOSE_GRACE_MS = 2000;

export interface RoomRegistryOptions {
  store: BoardStore;
  writer: UpdateWriter;
  metrics: Metrics;
  log: Logger;
  compactEvery: number;
  syncBatchMs: number;
  awarenessIntervalMs: number;
  unloadDelayMs: number;
  pingIntervalMs: number;
  maxMessageBytes: number;
  maxSendBufferBytes: number;
  limits: SyncLimits;
  /** Several nodes: rooms publish and apply through it; rotations and deletions reach every node. */
  fanout?: Fanout;
}

/**
 * Every board in memory, at most one Room per board. A room with no
 * connections is unloaded after a delay (y-websocket's server never freed
 * them); a client arriving while its board unloads waits and gets a fresh load,
 * so it always sees what was just stored.
 */
export class RoomRegistry {
  private readonly rooms = new Map<BoardId, Room>();
  private readonly unloading = new Map<BoardId, Promise<void>>();
  private readonly unloadTimers = new Map<BoardId, NodeJS.Timeout>();
  private readonly connections = new Set<Connection>();
  /** The stored token hash each connection was let in with (a rotation replaces it). */
  private readonly grants = new WeakMap<Connection, string>();
  private readonly keepalive: Keepalive<Connection>;
  private closing = false;
  /** Boards deleted while this process runs (ids are never reused). */
  private readonly deleted = new Set<BoardId>();

  private readonly connectionOptions: ConnectionOptions;

  constructor(private readonly options: RoomRegistryOptions) {
    this.connectionOptions = {
      log: options.log,
      metrics: options.metrics,
      maxQueuedBytes: options.maxMessageBytes * 2,
      maxSendBufferBytes: options.maxSendBufferBytes,
      onClose: (closed) => {
        this.connections.delete(closed);
        options.metrics.connections.dec();
      },
    };
    this.keepalive = new Keepalive(this.connections, options.pingIntervalMs);
    options.fanout?.onControl({
      close: (id, role, code, reason) => this.closeLocalConnections(id, role, code, reason),
      evict: (id, code, reason) => {
        this.evictLocally(id, code, reason).catch((error: unknown) => options.log.error({ err: error, boardId: id }, 'could not free a board deleted on another node'));
      },
      recheckAccess: () => {
        this.recheckAccess().catch((error: unknown) => options.log.error({ err: error }, 'could not re-check open connections'));
      },
    });
  }

  get roomCount(): number {
    return this.rooms.size;
  }

  /** Take over an authorised socket: it queues messages until its board has loaded. */
  connect(board: BoardRecord, role: Role, ws: WebSocket, socket: Duplex, slot?: ConnectionSlot, asks: ClientAsks = NO_ASKS): void {
    const { metrics, log } = this.options;
    // Every connection shares one options object; nothing it keeps refers to the board record.
    const connection = new Connection(ws, socket, board.id, role, this.connectionOptions, slot, asks);
    this.connections.add(connection);
    this.grants.set(connection, board.tokenHashes[role]);
    metrics.connections.inc();
    if (this.closing) {
      connection.close(CLOSE_GOING_AWAY, 'server is shutting down');
      return;
    }
    if (this.deleted.has(board.id)) {
      connection.close(CLOSE_NOT_FOUND, 'this board was deleted');
      return;
    }
    this.roomFor(board)
      .then((room) => room.addConnection(connection))
      .catch((error: unknown) => {
        log.error({ err: error, boardId: board.id }, 'could not open room');
        connection.close(CLOSE_SERVER_ERROR, 'this board could not be opened');
      });
  }

  /** Close a board's connections of one role (its token was replaced), or all of them, on every node. */
  closeConnections(id: BoardId, role: Role | 'all', code: number, reason: string): number {
    this.options.fanout?.publishClose(id, role, code, reason);
    return this.closeLocalConnections(id, role, code, reason);
  }

  private closeLocalConnections(id: BoardId, role: Role | 'all', code: number, reason: string): number {
    let closed = 0;
    for (const connection of this.connections) {
      if (connection.boardId !== id || (role !== 'all' && connection.role !== role)) continue;
      connection.close(code, reason);
      closed++;
    }
    return closed;
  }

  /**
   * The board is being deleted: close its connections, free its room without
   * storing anything more, and drop what the writer still holds for it. Later
   * connections that slipped past authorisation are refused.
   */
  async evict(id: BoardId, code: number, reason: string): Promise<void> {
    this.options.fanout?.publishEvict(id, code, reason);
    await this.evictLocally(id, code, reason);
  }

  private async evictLocally(id: BoardId, code: number, reason: string): Promise<void> {
    this.deleted.add(id);
    this.closeLocalConnections(id, 'all', code, reason);
    const timer = this.unloadTimers.get(id);
    const room = this.rooms.get(id);
    if (room) this.forget(room);
    if (timer) clearTimeout(timer);
    await this.unloading.get(id);
    await room?.discard();
    this.options.writer.discard(id);
  }

  /**
   * Close every open connection whose link was replaced since it was let in,
   * and free boards deleted meanwhile: what the close and evict messages do,
   * for when those may have been lost (another node rotated or deleted while
   * this one was cut off from Redis).
   */
  async recheckAccess(): Promise<number> {
    const boards = new Set([...this.connections].map((connection) => connection.boardId));
    let closed = 0;
    for (const id of boards) {
      const board = await this.options.store.getBoard(id);
      if (!board) {
        await this.evictLocally(id, CLOSE_NOT_FOUND, 'this board was deleted');
        continue;
      }
      for (const connection of this.connections) {
        if (connection.boardId !== id || this.grants.get(connection) === board.tokenHashes[connection.role]) continue;
        connection.close(CLOSE_UNAUTHORISED, 'this link was replaced by the board owner');
        closed++;
      }
    }
    if (closed > 0) this.options.log.info({ closed }, 'closed connections whose link was replaced while Redis was away');
    return closed;
  }

  /** The loaded document of a board, if it is in memory and ready (never loads it). */
  loadedDoc(id: BoardId): Y.Doc | undefined {
    const room = this.rooms.get(id);
    return room?.isReady ? room.doc : undefined;
  }

  /**
   * Make a server-side change (a restore, an import) to a board's live
   * document, loading it first if no one has it open. The change goes through
   * the room like any edit: stored by the group commit, broadcast to everyone
   * connected, and (when the room is idle) compacted on unload.
   */
  async change<T>(board: BoardRecord, apply: (doc: Y.Doc) => T): Promise<T> {
    for (;;) {
      const room = await this.roomFor(board);
      await room.ready;
      // Unloaded in between (only by a failed load or shutdown): take a fresh room.
      if (room.isUnloaded) continue;
      const result = apply(room.doc);
      if (room.connections.size === 0) this.scheduleUnload(room);
      return result;
    }
  }

  private async roomFor(board: BoardRecord): Promise<Room> {
    for (;;) {
      const pending = this.unloading.get(board.id);
      if (pending) {
        await pending;
        continue;
      }
      const timer = this.unloadTimers.get(board.id);
      if (timer) {
        clearTimeout(timer);
        this.unloadTimers.delete(board.id);
      }
      const existing = this.rooms.get(board.id);
      // A room whose load just failed is on its way out; start a fresh load instead.
      if (existing && !existing.isUnloaded) return existing;
      if (existing) this.forget(existing);
      return this.createRoom(board);
    }
  }

  private createRoom(board: BoardRecord): Room {
    const { store, writer, metrics, log, compactEvery, syncBatchMs, awarenessIntervalMs } = this.options;
    const room = new Room(board, {
      limits: this.options.limits,
      store,
      writer,
      metrics,
      log,
      compactEvery,
      syncBatchMs,
      awarenessIntervalMs,
      fanout: this.options.fanout,
      onEmpty: (empty) => this.scheduleUnload(empty),
    });
    this.rooms.set(board.id, room);
    metrics.roomsLoaded.inc();
    room.ready.catch(() => this.forget(room));
    return room;
  }

  private forget(room: Room): void {
    if (this.rooms.get(room.id) !== room) return;
    this.rooms.delete(room.id);
    this.options.metrics.roomsLoaded.dec();
    const timer = this.unloadTimers.get(room.id);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(room.id);
  }

  private scheduleUnload(room: Room): void {
    if (this.closing || this.rooms.get(room.id) !== room || this.unloadTimers.has(room.id)) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.id);
      if (room.connections.size === 0) void this.unload(room);
    }, this.options.unloadDelayMs);
    this.unloadTimers.set(room.id, timer);
  }

  private unload(room: Room): Promise<void> {
    this.forget(room);
    const done = room
      .unload()
      .catch((error: unknown) => this.options.log.error({ err: error, boardId: room.id }, 'unload failed'))
      .finally(() => this.unloading.delete(room.id));
    this.unloading.set(room.id, done);
    return done;
  }

  /** Shutdown: close every socket with 1001, then flush, compact and free every room. */
  async closeAll(): Promise<void> {
    this.closing = true;
    this.keepalive.stop();
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    const open = [...this.connections];
    for (const connection of open) connection.close(CLOSE_GOING_AWAY, 'server is shutting down');
    const rooms = [...this.rooms.values()];
    await Promise.all([...rooms.map((room) => this.unload(room)), ...this.unloading.values()]);
    // Give clients a moment to answer the close frame, so they see 1001 (and
    // reconnect politely) rather than 1006; then cut whoever is left.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(open.map((connection) => connection.whenClosed)),
      new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS))),
    ]);
    clearTimeout(timer);
    for (const connection of this.connections) connection.terminate();
  }
}
