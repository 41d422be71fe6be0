import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, getCollection, updateRecord, type CollectionName } from '@pc/shared';
import type * as Y from 'yjs';
import { createBoard, startServer, type RunningServer } from '../helpers/server';
import { ClientPool, getBoard, metric, waitFor } from '../helpers/sync';

/** A plain view of one collection, for comparing documents. */
function records(doc: Y.Doc, name: CollectionName = 'canvasItems'): Record<string, Record<string, unknown>> {
  return getCollection(doc, name).toJSON() as Record<string, Record<string, unknown>>;
}

describe('WebSocket sync', () => {
  let server: RunningServer;
  const pool = new ClientPool();

  beforeAll(async () => {
    server = await startServer();
  });
  afterEach(() => pool.destroyAll());
  afterAll(async () => {
    await server?.dispose();
  });

  it('converges two clients editing concurrently, and a late joiner gets the full state', async () => {
    const board = await createBoard(server, 'Converge');
    const alice = pool.connect(server, board.id, board.tokens.owner);
    const bob = pool.connect(server, board.id, board.tokens.edit);
    await Promise.all([alice.synced(), bob.synced()]);

    // The server wrote the board's meta on first load; both clients see it.
    await waitFor(() => alice.doc.getMap('meta').get('title') === 'Converge');
    const shared = createRecord(alice.doc, 'canvasItems', { kind: 'sticky', text: 'shared', x: 0, y: 0 });
    await waitFor(() => records(bob.doc)[shared.id]);

    // Concurrent: different fields of one record, and a new record each.
    updateRecord(alice.doc, 'canvasItems', shared.id, { text: 'edited by alice' });
    updateRecord(bob.doc, 'canvasItems', shared.id, { x: 250 });
    const fromAlice = createRecord(alice.doc, 'canvasItems', { kind: 'sticky', text: 'a', x: 1, y: 1 });
    const fromBob = createRecord(bob.doc, 'canvasItems', { kind: 'text', text: 'b', x: 2, y: 2 });

    await waitFor(
      () => {
        expect(Object.keys(records(alice.doc))).toHaveLength(3);
        expect(records(bob.doc)).toEqual(records(alice.doc));
        return true;
      },
      { message: 'clients did not converge' },
    );
    const merged = records(alice.doc);
    expect(merged[shared.id]).toMatchObject({ text: 'edited by alice', x: 250 });
    expect(merged[fromAlice.id]).toMatchObject({ text: 'a' });
    expect(merged[fromBob.id]).toMatchObject({ text: 'b' });

    const carol = pool.connect(server, board.id, board.tokens.view);
    await carol.synced();
    expect(records(carol.doc)).toEqual(merged);
    expect(carol.doc.getMap('meta').toJSON()).toMatchObject({ title: 'Converge', schemaVersion: expect.any(Number) });

    // The REST summary reads the same document.
    const summary = await getBoard(server, board.id, board.tokens.edit);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ id: board.id, title: 'Converge', role: 'edit' });
    expect((summary.body.counts as Record<string, number>).canvasItems).toBe(3);
  });

  it('gives a view token a read-only connection: its edits reach nobody, and are counted', async () => {
    const board = await createBoard(server, 'Read only');
    const editor = pool.connect(server, board.id, board.tokens.edit);
    const viewer = pool.connect(server, board.id, board.tokens.view);
    await Promise.all([editor.synced(), viewer.synced()]);
    const rejectedBefore = await metric(server, 'pc_updates_rejected_total', { reason: 'read-only' });

    const sneaky = createRecord(viewer.doc, 'canvasItems', { kind: 'sticky', text: 'from viewer' });
    await waitFor(
      async () => (await metric(server, 'pc_updates_rejected_total', { reason: 'read-only' })) > rejectedBefore,
      { message: 'the server did not count the viewer update' },
    );

    // The viewer still receives everyone else's changes, on the same connection.
    const legit = createRecord(editor.doc, 'canvasItems', { kind: 'sticky', text: 'from editor' });
    await waitFor(() => records(viewer.doc)[legit.id]);
    expect(viewer.closes).toEqual([]);
    expect(records(editor.doc)[sneaky.id]).toBeUndefined();

    // A fresh client sees only the editor's record.
    const fresh = pool.connect(server, board.id, board.tokens.owner);
    await fresh.synced();
    expect(Object.keys(records(fresh.doc))).toEqual([legit.id]);
  });

  it('relays presence and removes it when a client leaves', async () => {
    const board = await createBoard(server, 'Presence');
    const alice = pool.connect(server, board.id, board.tokens.edit);
    const viewer = pool.connect(server, board.id, board.tokens.view);
    await Promise.all([alice.synced(), viewer.synced()]);
    viewer.provider.awareness.setLocalStateField('user', { name: 'Viewer' });
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    const aliceId = alice.doc.clientID;
    await waitFor(() => (viewer.provider.awareness.getStates().get(aliceId) as { user?: { name: string } })?.user?.name === 'Alice');
    // Viewers may send presence too.
    await waitFor(() => alice.provider.awareness.getStates().has(viewer.doc.clientID));
    alice.provider.disconnect();
    await waitFor(() => !viewer.provider.awareness.getStates().has(aliceId), {
      message: 'presence of a closed connection was not removed',
    });
  });

  it('batches presence: a burst of cursor moves reaches others as at most ~20 messages a second', async () => {
    const board = await createBoard(server, 'Throttle');
    const sender = pool.connect(server, board.id, board.tokens.edit);
    const observer = pool.connect(server, board.id, board.tokens.view);
    await Promise.all([sender.synced(), observer.synced()]);
    let received = 0;
    observer.provider.awareness.on('update', (_change: unknown, origin: unknown) => {
      if (origin !== 'local') received++;
    });
    const started = Date.now();
    for (let x = 1; x <= 100; x++) {
      sender.provider.awareness.setLocalStateField('cursor', { x });
      await new Promise((resolve) => setTimeout(resolve, 4));
    }
    const senderId = sender.doc.clientID;
    await waitFor(
      () => (observer.provider.awareness.getStates().get(senderId) as { cursor?: { x: number } })?.cursor?.x === 100,
      { message: 'the last cursor position never arrived' },
    );
    const elapsed = Date.now() - started;
    expect(received).toBeGreaterThan(1);
    expect(received).toBeLessThanOrEqual(Math.ceil(elapsed / 50) + 2);
  });

  it('relays small, medium and large changes intact (every WebSocket length encoding)', async () => {
    const board = await createBoard(server, 'Sizes');
    const alice = pool.connect(server, board.id, board.tokens.edit);
    const bob = pool.connect(server, board.id, board.tokens.view);
    await Promise.all([alice.synced(), bob.synced()]);
    // Under 126 bytes, under 64 KiB, and over 64 KiB on the wire (five full notes in one change).
    for (const [notes, length] of [[1, 3], [1, 2_000], [5, 10_000]] as const) {
      const text = 'é'.repeat(length);
      const ids: string[] = [];
      alice.doc.transact(() => {
        for (let n = 0; n < notes; n++) ids.push(createRecord(alice.doc, 'canvasItems', { kind: 'sticky', text }).id);
      });
      await waitFor(() => ids.every((id) => getCollection(bob.doc, 'canvasItems').get(id)?.get('text') === text), {
        message: `${notes} note(s) of ${length} characters did not arrive intact`,
      });
    }
  });

  it('merges a busy room\'s document changes: a burst of moves reaches others as at most ~60 messages a second', async () => {
    const board = await createBoard(server, 'Coalesce');
    const sender = pool.connect(server, board.id, board.tokens.edit);
    const observer = pool.connect(server, board.id, board.tokens.view);
    await Promise.all([sender.synced(), observer.synced()]);
    const { id } = createRecord(sender.doc, 'canvasItems', { kind: 'sticky', text: 'dragged' });
    await waitFor(() => getCollection(observer.doc, 'canvasItems').has(id));
    let received = 0;
    observer.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === observer.provider) received++;
    });
    const started = Date.now();
    for (let x = 1; x <= 100; x++) {
      updateRecord(sender.doc, 'canvasItems', id, { x });
      await new Promise((resolve) => setTimeout(resolve, 4));
    }
    await waitFor(() => getCollection(observer.doc, 'canvasItems').get(id)?.get('x') === 100, {
      message: 'the last position never arrived',
    });
    const elapsed = Date.now() - started;
    // Default SYNC_BATCH_MS=16: one message per window at most, every change included.
    expect(received).toBeGreaterThan(1);
    expect(received).toBeLessThanOrEqual(Math.ceil(elapsed / 16) + 2);
    expect(received).toBeLessThan(100);
  });

  it('refuses a missing token with 4401, a wrong one with 4403 and an unknown board with 4404', async () => {
    const board = await createBoard(server, 'Auth');
    const other = await createBoard(server, 'Other');
    const missing = pool.connect(server, board.id, undefined);
    const wrong = pool.connect(server, board.id, other.tokens.owner);
    const unknown = pool.connect(server, 'AAAAAAAAAAAAAAAAAAAAAA', board.tokens.owner);
    const malformed = pool.connect(server, 'not-a-board', board.tokens.owner);
    await waitFor(() => missing.closes.length && wrong.closes.length && unknown.closes.length && malformed.closes.length);
    expect(missing.closes[0]?.code).toBe(4401);
    expect(wrong.closes[0]?.code).toBe(4403);
    expect(unknown.closes[0]?.code).toBe(4404);
    expect(malformed.closes[0]?.code).toBe(4404);
    // 44xx is permanent for y-websocket: it must not retry.
    expect(missing.provider.shouldConnect).toBe(false);
    expect(missing.doc.getMap('meta').size).toBe(0);
    expect(wrong.doc.getMap('meta').size).toBe(0);
  });
});
