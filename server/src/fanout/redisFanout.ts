import type { Redis } from 'ioredis';
import * as Y from 'yjs';
import type { BoardId, Role } from '@pc/shared';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { Broadcaster } from '../sync/broadcaster';
import { decodePresence } from '../sync/presence';
import {
  RemoteNode,
  type ControlHandler,
  type Fanout,
  type FanoutBroadcaster,
  type FanoutHealth,
  type FanoutRoom,
} from './fanout';
import { decodeFanoutMessage, encodeFanoutMessage, FanoutMessageError, type FanoutMessage } from './message';
import { compareStateVectors, decodeStateVectorSafe, shouldRequest, silentPeers } from './resync';

/** The ioredis client class, loaded only when REDIS_URL is set (`loadRedisDriver`): a single node never pays for it. */
export type RedisDriver = typeof Redis;

export async function loadRedisDriver(): Promise<RedisDriver> {
  const { Redis: driver } = await import('ioredis');
  return driver;
}

export interface RedisFanoutOptions {
  driver: RedisDriver;
  url: string;
  /** Channel prefix: nodes of one cluster share it, another cluster on the same Redis uses another. */
  prefix: string;
  nodeId: string;
  resyncMs: number;
  nodeTimeoutMs: number;
  awarenessIntervalMs: number;
  maxMessageBytes: number;
  metrics: Metrics;
  log: Logger;
}

/** Messages a room receives before its stored state is loaded are held, up to this many. */
const MAX_EARLY_MESSAGES = 1000;

/**
 * Redis pub/sub between nodes. A node publishes on a board's channel what it
 * accepted for that board (document changes, its own clients' presence) and
 * applies what the others publish. Pub/sub delivers at most once, so every
 * node announces its state vector per loaded board on subscribe and every
 * `resyncMs`; a peer that is behind asks for the difference, which the
 * announcing node sends. Heartbeats on the node channel tell who is alive:
 * a silent node's clients leave everyone's presence, and what it stored
 * but never published is read back from storage.
 */
export class RedisFanout implements Fanout {
  readonly nodeId: string;
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly links = new Map<string, BoardLink>();
  private readonly peers = new Map<string, { node: RemoteNode; lastSeen: number }>();
  private readonly timer: NodeJS.Timeout;
  private control: ControlHandler | null = null;
  private closed = false;
  private lastError = 'not connected yet';

  constructor(private readonly options: RedisFanoutOptions) {
    this.nodeId = options.nodeId;
    const common = {
      // Publishing while Redis is away fails at once (resync repairs it later) instead of piling up in memory.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (times: number) => Math.min(50 * 2 ** Math.min(times, 6), 2000),
      lazyConnect: false,
    };
    this.pub = new options.driver(options.url, { ...common, connectionName: `pc-pub-${this.nodeId}` });
    // The subscriber queues SUBSCRIBE while offline and re-subscribes after a reconnect.
    this.sub = new options.driver(options.url, { ...common, enableOfflineQueue: true, maxRetriesPerRequest: null, connectionName: `pc-sub-${this.nodeId}` });
    for (const client of [this.pub, this.sub]) {
      client.on('error', (error: Error) => {
        this.lastError = error.message;
        options.log.warn({ err: error.message }, 'redis connection problem');
      });
    }
    this.sub.on('messageBuffer', (channel: Buffer, data: Buffer) => this.receive(channel.toString(), data));
    // (Re)connected: everything published meanwhile may be lost; catch up at once.
    let connectedBefore = false;
    this.sub.on('ready', () => {
      for (const link of this.links.values()) link.announce(true);
      if (connectedBefore) this.control?.recheckAccess();
      connectedBefore = true;
    });
    void this.sub.subscribe(this.nodeChannel).catch(() => undefined);
    this.timer = setInterval(() => this.tick(), options.resyncMs);
    this.timer.unref();
  }

  private get nodeChannel(): string {
    return `${this.options.prefix}:nodes`;
  }

  private boardChannel(id: BoardId): string {
    return `${this.options.prefix}:board:${id}`;
  }

  get health(): FanoutHealth {
    if (this.pub.status === 'ready' && this.sub.status === 'ready') return { ok: true };
    return { ok: false, error: `redis is ${this.pub.status === 'ready' ? this.sub.status : this.pub.status}: ${this.lastError}` };
  }

  onControl(handler: ControlHandler): void {
    this.control = handler;
  }

  join(room: FanoutRoom, local: Broadcaster): FanoutBroadcaster {
    const channel = this.boardChannel(room.id);
    this.links.get(channel)?.stop();
    const link = new BoardLink(this, room, local, channel, this.options);
    this.links.set(channel, link);
    this.sub.subscribe(channel).catch((error: unknown) => this.options.log.warn({ err: String(error), boardId: room.id }, 'could not subscribe'));
    return link;
  }

  /** Called by a link when its room unloads. */
  leave(link: BoardLink): void {
    if (this.links.get(link.channel) !== link) return;
    this.links.delete(link.channel);
    if (!this.closed) this.sub.unsubscribe(link.channel).catch(() => undefined);
  }

  publishClose(boardId: BoardId, role: Role | 'all', code: number, reason: string): void {
    this.publish(this.boardChannel(boardId), { kind: 'close', from: this.nodeId, sentAt: Date.now(), role, code, reason });
  }

  publishEvict(boardId: BoardId, code: number, reason: string): void {
    this.publish(this.boardChannel(boardId), { kind: 'evict', from: this.nodeId, sentAt: Date.now(), code, reason });
  }

  publish(channel: string, message: FanoutMessage): void {
    if (this.closed) return;
    const data = Buffer.from(encodeFanoutMessage(message));
    const { metrics } = this.options;
    this.pub.publish(channel, data).then(
      () => {
        metrics.fanoutMessages.inc({ direction: 'out', kind: message.kind });
        metrics.fanoutBytes.inc({ direction: 'out' }, data.byteLength);
      },
      () => metrics.fanoutDropped.inc({ reason: 'publish-failed' }),
    );
  }

  peer(id: string): RemoteNode {
    let entry = this.peers.get(id);
    if (!entry) {
      entry = { node: new RemoteNode(id), lastSeen: Date.now() };
      this.peers.set(id, entry);
      this.options.metrics.fanoutPeers.set(this.peers.size);
    }
    entry.lastSeen = Date.now();
    return entry.node;
  }

  private receive(channel: string, data: Buffer): void {
    const { metrics, log } = this.options;
    let message: FanoutMessage;
    try {
      message = decodeFanoutMessage(data, this.options.maxMessageBytes);
    } catch (error) {
      metrics.fanoutDropped.inc({ reason: 'malformed' });
      log.warn({ channel, bytes: data.byteLength, problem: error instanceof FanoutMessageError ? error.message : String(error) }, 'dropped a malformed fan-out message');
      return;
    }
    if (message.from === this.nodeId) return;
    metrics.fanoutMessages.inc({ direction: 'in', kind: message.kind });
    metrics.fanoutBytes.inc({ direction: 'in' }, data.byteLength);
    if (channel === this.nodeChannel) {
      if (message.kind === 'goodbye') this.peerGone(message.from);
      else if (message.kind === 'heartbeat') this.peer(message.from);
      else metrics.fanoutDropped.inc({ reason: 'wrong-channel' });
      return;
    }
    const link = this.links.get(channel);
    if (!link) return;
    const from = this.peer(message.from);
    if (message.kind === 'close' || message.kind === 'evict') {
      const boardId = link.room.id;
      if (message.kind === 'close') this.control?.close(boardId, message.role, message.code, message.reason);
      else this.control?.evict(boardId, message.code, message.reason);
      return;
    }
    if (message.kind === 'heartbeat' || message.kind === 'goodbye') {
      metrics.fanoutDropped.inc({ reason: 'wrong-channel' });
      return;
    }
    link.receive(message, from);
  }

  private tick(): void {
    const now = Date.now();
    this.publish(this.nodeChannel, { kind: 'heartbeat', from: this.nodeId, sentAt: now });
    for (const link of this.links.values()) link.announce(false);
    const lastSeen = new Map([...this.peers].map(([id, entry]) => [id, entry.lastSeen]));
    for (const id of silentPeers(lastSeen, now, this.options.nodeTimeoutMs)) this.peerGone(id);
  }

  private peerGone(id: string): void {
    const entry = this.peers.get(id);
    if (!entry) return;
    this.peers.delete(id);
    this.options.metrics.fanoutPeers.set(this.peers.size);
    entry.node.alive = false;
    this.options.log.info({ peer: id }, 'peer node gone: dropping its presence, reading back what it stored');
    for (const link of this.links.values()) link.peerGone(entry.node);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    clearInterval(this.timer);
    // Peers drop our clients' presence at once instead of after a timeout.
    if (this.pub.status === 'ready') {
      await this.pub
        .publish(this.nodeChannel, Buffer.from(encodeFanoutMessage({ kind: 'goodbye', from: this.nodeId, sentAt: Date.now() })))
        .catch(() => undefined);
    }
    this.closed = true;
    for (const link of [...this.links.values()]) link.stop();
    this.pub.disconnect();
    this.sub.disconnect();
  }
}

/**
 * One loaded board's side of the fan-out: the room's broadcaster (local
 * sockets first, then Redis), what arrived before the room was ready, and
 * the resync requests in flight per peer.
 */
class BoardLink implements FanoutBroadcaster {
  private pendingUpdates: Uint8Array[] = [];
  private updateTimer: NodeJS.Immediate | null = null;
  private readonly pendingPresence = new Set<number>();
  private presenceTimer: NodeJS.Timeout | null = null;
  private lastPresence = 0;
  private early: { message: FanoutMessage; from: RemoteNode }[] | null = [];
  private readonly requested = new Map<string, number>();
  private stopped = false;

  constructor(
    private readonly fanout: RedisFanout,
    readonly room: FanoutRoom,
    private readonly local: Broadcaster,
    readonly channel: string,
    private readonly options: RedisFanoutOptions,
  ) {
    room.ready.then(
      () => {
        const early = this.early ?? [];
        this.early = null;
        if (this.stopped) return;
        for (const { message, from } of early) this.receive(message, from);
        this.announce(true);
      },
      () => undefined,
    );
  }

  documentChanged(update: Uint8Array, origin: unknown): void {
    this.local.documentChanged(update, origin);
    // What came from a peer (or storage) was published by its node; never again.
    if (origin instanceof RemoteNode || this.stopped) return;
    this.pendingUpdates.push(update);
    // Everything accepted in one event-loop turn goes out as one message.
    this.updateTimer ??= setImmediate(this.publishUpdates);
  }

  presenceChanged(clientIds: Iterable<number>, ownIds: readonly number[] = []): void {
    this.local.presenceChanged(clientIds);
    if (this.stopped || ownIds.length === 0) return;
    for (const id of ownIds) this.pendingPresence.add(id);
    if (this.presenceTimer) return;
    const wait = Math.max(0, this.lastPresence + this.options.awarenessIntervalMs - Date.now());
    this.presenceTimer = setTimeout(this.publishPresence, wait);
  }

  flush(): void {
    this.local.flush();
    if (this.updateTimer) {
      clearImmediate(this.updateTimer);
      this.publishUpdates();
    }
  }

  stop(): void {
    this.local.stop();
    if (this.stopped) return;
    this.stopped = true;
    if (this.updateTimer) clearImmediate(this.updateTimer);
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.updateTimer = null;
    this.presenceTimer = null;
    this.fanout.leave(this);
  }

  /** Tell the peers where this node stands; `wantReply` asks them to answer at once. */
  announce(wantReply: boolean): void {
    if (this.stopped || !this.room.isReady) return;
    this.fanout.publish(this.channel, { kind: 'state', from: this.fanout.nodeId, sentAt: Date.now(), stateVector: this.room.stateVector(), wantReply });
  }

  peerGone(node: RemoteNode): void {
    this.requested.delete(node.id);
    if (this.stopped || !this.room.isReady) return;
    this.room.dropRemotePresence(node);
    this.room.refreshFromStorage().catch((error: unknown) => this.options.log.warn({ err: String(error), boardId: this.room.id }, 'could not read the board back from storage'));
  }

  receive(message: FanoutMessage, from: RemoteNode): void {
    if (this.stopped) return;
    if (this.early) {
      if (this.early.length < MAX_EARLY_MESSAGES) this.early.push({ message, from });
      return;
    }
    const { metrics, log } = this.options;
    try {
      switch (message.kind) {
        case 'update':
        case 'sync-reply':
          if (message.kind === 'sync-reply') {
            if (message.target !== this.fanout.nodeId) return;
            this.requested.delete(from.id);
          } else {
            metrics.fanoutLag.observe(Math.max(0, Date.now() - message.sentAt) / 1000);
          }
          // Not the gate (the sending node ran it): only a check that the bytes are a Yjs update at all.
          Y.decodeUpdate(message.update);
          this.room.applyRemoteUpdate(message.update, from);
          return;
        case 'awareness':
          decodePresence(message.update);
          this.room.applyRemotePresence(message.update, from);
          return;
        case 'state': {
          const remote = decodeStateVectorSafe(message.stateVector);
          if (!remote) throw new FanoutMessageError('malformed state vector');
          const local = Y.decodeStateVector(this.room.stateVector());
          const comparison = compareStateVectors(local, remote);
          const now = Date.now();
          if (shouldRequest(comparison, this.requested.get(from.id), now, this.options.resyncMs)) {
            this.requested.set(from.id, now);
            metrics.fanoutResyncs.inc();
            this.fanout.publish(this.channel, {
              kind: 'sync-request',
              from: this.fanout.nodeId,
              sentAt: now,
              target: from.id,
              stateVector: this.room.stateVector(),
            });
          } else if (comparison === 'in-step') this.requested.delete(from.id);
          if (message.wantReply) {
            // A peer just loaded the board (or came back): it knows nobody's cursor here yet.
            if (comparison !== 'behind') this.announce(false);
            const presence = this.room.encodeOwnPresence();
            if (presence) this.fanout.publish(this.channel, { kind: 'awareness', from: this.fanout.nodeId, sentAt: Date.now(), update: presence });
          }
          return;
        }
        case 'sync-request': {
          if (message.target !== this.fanout.nodeId) return;
          const update = this.room.missingFor(message.stateVector);
          this.fanout.publish(this.channel, { kind: 'sync-reply', from: this.fanout.nodeId, sentAt: Date.now(), target: from.id, update });
          return;
        }
        default:
          return;
      }
    } catch (error) {
      metrics.fanoutDropped.inc({ reason: 'malformed' });
      log.warn({ boardId: this.room.id, kind: message.kind, from: from.id, problem: error instanceof Error ? error.message : String(error) }, 'dropped a fan-out message that could not be applied');
    }
  }

  private readonly publishUpdates = (): void => {
    this.updateTimer = null;
    const pending = this.pendingUpdates;
    this.pendingUpdates = [];
    if (pending.length === 0) return;
    const update = pending.length === 1 ? pending[0]! : Y.mergeUpdates(pending);
    this.fanout.publish(this.channel, { kind: 'update', from: this.fanout.nodeId, sentAt: Date.now(), update });
  };

  private readonly publishPresence = (): void => {
    this.presenceTimer = null;
    this.lastPresence = Date.now();
    const ids = [...this.pendingPresence];
    this.pendingPresence.clear();
    const update = this.room.encodePresence(ids);
    if (update) this.fanout.publish(this.channel, { kind: 'awareness', from: this.fanout.nodeId, sentAt: Date.now(), update });
  };
}
