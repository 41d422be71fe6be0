import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { createRecord, getCollection, newBoardId } from '@pc/shared';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { createMetrics } from '../metrics';
import type { BoardRecord } from '../storage/boardStore';
import { MemoryBoardStore } from '../storage/memory';
import { UpdateWriter } from '../storage/updateWriter';
import type { Broadcaster } from '../sync/broadcaster';
import { decodePresence } from '../sync/presence';
import { RoomRegistry } from '../sync/roomRegistry';
import { RemoteNode, type ControlHandler, type Fanout, type FanoutBroadcaster, type FanoutRoom } from './fanout';

/** A fan-out that records what a room hands it, in place of Redis. */
class RecordingFanout implements Fanout {
  readonly nodeId = 'here';
  readonly health = { ok: true } as const;
  room: FanoutRoom | null = null;
  readonly published: { origin: unknown }[] = [];
  readonly presence: { changed: number[]; own: readonly number[] }[] = [];
  control: ControlHandler | null = null;
  readonly closes: unknown[] = [];

  join(room: FanoutRoom, local: Broadcaster): FanoutBroadcaster {
    this.room = room;
    return {
      documentChanged: (update, origin) => {
        local.documentChanged(update, origin);
        if (!(origin instanceof RemoteNode)) this.published.push({ origin });
      },
      presenceChanged: (ids, own = []) => {
        local.presenceChanged(ids);
        this.presence.push({ changed: [...ids], own });
      },
      flush: () => local.flush(),
      stop: () => local.stop(),
    };
  }
  publishClose(...args: unknown[]): void {
    this.closes.push(args);
  }
  publishEvict(...args: unknown[]): void {
    this.closes.push(args);
  }
  onControl(handler: ControlHandler): void {
    this.control = handler;
  }
  async close(): Promise<void> {}
}

function setup() {
  const config = loadConfig({});
  const store = new MemoryBoardStore();
  const writer = new UpdateWriter(store, { intervalMs: 60_000 });
  const fanout = new RecordingFanout();
  const registry = new RoomRegistry({
    store,
    writer,
    metrics: createMetrics(),
    log: createLogger('silent'),
    compactEvery: 1000,
    syncBatchMs: 0,
    awarenessIntervalMs: 0,
    unloadDelayMs: 60_000,
    pingIntervalMs: 60_000,
    maxMessageBytes: 1024 * 1024,
    maxSendBufferBytes: 1024 * 1024,
    limits: {
      contentGate: true,
      maxUpdateBytes: config.maxUpdateBytes,
      maxBoardBytes: config.maxBoardBytes,
      rateLimits: config.rateLimits,
      maxPresenceBytes: config.maxPresenceBytes,
      maxPresenceClients: config.maxPresenceClients,
    },
    fanout,
  });
  const board: BoardRecord = { id: newBoardId(), title: 'Board', createdAt: 1, tokenHashes: { owner: 'o', edit: 'e', view: 'v' } as BoardRecord['tokenHashes'] };
  return { store, writer, fanout, registry, board };
}

describe('a room with a fan-out', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it("publishes and stores a server-side change, but neither stores nor publishes a peer's", async () => {
    const { writer, fanout, registry, board, store } = setup();
    await store.createBoard(board);
    cleanups.push(() => registry.closeAll());
    await registry.change(board, (doc) => createRecord(doc, 'canvasItems', { kind: 'sticky', text: 'imported here' }));
    const room = fanout.room!;
    expect(fanout.published.length).toBeGreaterThan(0);
    const storedBefore = writer.pending;
    const publishedBefore = fanout.published.length;
    expect(storedBefore).toBeGreaterThan(0);

    const peerDoc = new Y.Doc();
    Y.applyUpdate(peerDoc, room.missingFor(Y.encodeStateVector(peerDoc)));
    createRecord(peerDoc, 'canvasItems', { kind: 'sticky', text: 'from a peer' });
    room.applyRemoteUpdate(Y.encodeStateAsUpdate(peerDoc, room.stateVector()), new RemoteNode('peer'));
    const live = registry.loadedDoc(board.id)!;
    const texts = [...getCollection(live, 'canvasItems').values()].map((item) => item.get('text')).sort();
    expect(texts).toEqual(['from a peer', 'imported here']);
    expect(writer.pending).toBe(storedBefore);
    expect(fanout.published.length).toBe(publishedBefore);
    expect(Y.decodeStateVector(room.stateVector())).toEqual(Y.decodeStateVector(Y.encodeStateVector(peerDoc)));
  });

  it("shows a peer's presence without publishing it again, and drops it when the peer dies", async () => {
    const { fanout, registry, board, store } = setup();
    await store.createBoard(board);
    cleanups.push(() => registry.closeAll());
    await registry.change(board, () => undefined);
    const room = fanout.room!;
    const peer = new RemoteNode('peer');
    const remote = new awarenessProtocol.Awareness(new Y.Doc());
    remote.setLocalState({ user: { name: 'Remote Rita' } });
    room.applyRemotePresence(awarenessProtocol.encodeAwarenessUpdate(remote, [remote.clientID]), peer);
    expect(fanout.presence.at(-1)).toEqual({ changed: [remote.clientID], own: [] });
    expect(decodePresence(room.encodePresence([remote.clientID])!)[0]!.state).toContain('Remote Rita');
    room.dropRemotePresence(peer);
    expect(fanout.presence.at(-1)).toEqual({ changed: [remote.clientID], own: [] });
    expect(decodePresence(room.encodePresence([remote.clientID])!)[0]!.state).toBe('null');
  });

  it('sends rotations and deletions to the other nodes, and obeys theirs', async () => {
    const { fanout, registry, board, store } = setup();
    await store.createBoard(board);
    cleanups.push(() => registry.closeAll());
    registry.closeConnections(board.id, 'edit', 4401, 'replaced');
    await registry.evict(board.id, 4404, 'deleted');
    expect(fanout.closes).toEqual([
      [board.id, 'edit', 4401, 'replaced'],
      [board.id, 4404, 'deleted'],
    ]);
    expect(fanout.control).not.toBeNull();
  });
});
