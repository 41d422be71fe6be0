import type { BoardId, Role } from '@pc/shared';
import type { Broadcaster } from '../sync/broadcaster';

/**
 * How the nodes of a cluster share live boards. One implementation, Redis
 * (redisFanout.ts); without REDIS_URL there is none and a room broadcasts
 * to its own sockets only (single process, exactly as before).
 */

/**
 * Another node (or storage, which all nodes share) as the origin of a change
 * or of presence: what it sends was accepted by its own gate, so it is
 * applied here without being validated, stored or published again.
 */
export class RemoteNode {
  alive = true;
  constructor(readonly id: string) {}
}

/** Origin of state read back from shared storage (it is stored already). */
export const FROM_STORAGE = new RemoteNode('storage');

/** What a room lets the fan-out do to it. */
export interface FanoutRoom {
  readonly id: BoardId;
  readonly ready: Promise<void>;
  readonly isReady: boolean;
  stateVector(): Uint8Array;
  /** What a peer with this state vector lacks (throws on a malformed vector). */
  missingFor(stateVector: Uint8Array): Uint8Array;
  applyRemoteUpdate(update: Uint8Array, from: RemoteNode): void;
  applyRemotePresence(update: Uint8Array, from: RemoteNode): void;
  /** A peer died: forget its clients' presence. */
  dropRemotePresence(from: RemoteNode): void;
  /** Presence of these (local) client ids, encoded; null when none is known. */
  encodePresence(clientIds: readonly number[]): Uint8Array | null;
  /** Presence of every client connected to this node (for a peer that just joined the board). */
  encodeOwnPresence(): Uint8Array | null;
  /** Apply what shared storage holds (updates a dead peer stored but never published). */
  refreshFromStorage(): Promise<void>;
}

/** What a room's broadcaster is told on top of the local one: which presence ids are this node's to publish. */
export interface FanoutBroadcaster extends Broadcaster {
  presenceChanged(clientIds: Iterable<number>, ownIds?: readonly number[]): void;
}

export interface ControlHandler {
  close(boardId: BoardId, role: Role | 'all', code: number, reason: string): void;
  evict(boardId: BoardId, code: number, reason: string): void;
  /**
   * Redis came back after a break: close and evict messages of the break are
   * lost, so check every open connection's link against storage again.
   */
  recheckAccess(): void;
}

export type FanoutHealth = { ok: true } | { ok: false; error: string };

export interface Fanout {
  readonly nodeId: string;
  /** A room starts: subscribe to its board; the returned broadcaster wraps `local` and publishes. */
  join(room: FanoutRoom, local: Broadcaster): FanoutBroadcaster;
  /** Tell the other nodes to close a board's connections (a replaced link). */
  publishClose(boardId: BoardId, role: Role | 'all', code: number, reason: string): void;
  /** Tell the other nodes the board was deleted. */
  publishEvict(boardId: BoardId, code: number, reason: string): void;
  onControl(handler: ControlHandler): void;
  readonly health: FanoutHealth;
  close(): Promise<void>;
}
