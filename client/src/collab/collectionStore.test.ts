import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { boardPaintSnapshot, createRecord, deleteRecord, updateRecord } from '@pc/shared';
import { CollectionStore } from './collectionStore';

/** A server's document with `n` notes, and its paint snapshot's notes. */
function serverBoard(n: number) {
  const doc = new Y.Doc();
  const ids = Array.from({ length: n }, (_, i) => createRecord(doc, 'canvasItems', { kind: 'sticky', text: `Note ${i}`, x: i * 10, y: 0 }).id);
  return { doc, ids, paint: boardPaintSnapshot(doc).collections.canvasItems! };
}

describe('CollectionStore seeded from a paint snapshot', () => {
  it('shows the seeded records before the sync, validated as the document would be', () => {
    const server = serverBoard(3);
    const store = new CollectionStore(new Y.Doc(), 'canvasItems');
    let notified = 0;
    store.subscribe(() => notified++);
    store.seed({ ...server.paint, broken: { kind: 'sticky', text: 42, x: 'left' } });
    expect(notified).toBe(1);
    expect(store.getSnapshot().map((r) => r.text).slice(0, 3)).toEqual(['Note 0', 'Note 1', 'Note 2']);
    expect(store.get(server.ids[1]!)).toMatchObject({ id: server.ids[1], kind: 'sticky', x: 10 });
    // A bad record reads as the document's bad records do: drawn with defaults, flagged.
    expect(store.isInvalid('broken')).toBe(true);
    expect(store.get('broken')).toMatchObject({ id: 'broken', text: '' });
  });

  it('keeps each seeded object when the sync brings the same data, so nothing re-renders', async () => {
    const server = serverBoard(50);
    const doc = new Y.Doc();
    const store = new CollectionStore(doc, 'canvasItems');
    store.seed(server.paint);
    const seeded = new Map(store.getSnapshot().map((r) => [r.id, r]));
    // The sync: one record changed on the server since the snapshot.
    updateRecord(server.doc, 'canvasItems', server.ids[7]!, { text: 'Changed since' });
    let notified = 0;
    store.subscribe(() => notified++);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server.doc));
    store.settle();
    // Confirmed in idle time after the sync: until then the drawn record stays.
    expect(store.get(server.ids[7]!)).toBe(seeded.get(server.ids[7]!));
    expect(notified).toBe(0);
    await vi.waitFor(() => expect(notified).toBe(1));
    for (const record of store.getSnapshot()) {
      if (record.id === server.ids[7]) {
        expect(record.text).toBe('Changed since');
        expect(record).not.toBe(seeded.get(record.id));
      } else {
        expect(record).toBe(seeded.get(record.id));
      }
    }
    expect(store.getSnapshot()).toHaveLength(50);
  });

  it('tells nobody when the sync confirms every seeded record as drawn', () => {
    const server = serverBoard(20);
    const doc = new Y.Doc();
    const store = new CollectionStore(doc, 'canvasItems');
    store.seed(server.paint);
    const drawn = store.getSnapshot();
    let notified = 0;
    store.subscribe(() => notified++);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server.doc));
    store.settle();
    expect(notified).toBe(0);
    expect(store.getSnapshot()).toBe(drawn);
    // Later edits tell as always.
    updateRecord(doc, 'canvasItems', server.ids[3]!, { text: 'Edited' });
    expect(notified).toBe(1);
    expect(store.getSnapshot()).not.toBe(drawn);
  });

  it('confirms a large board in idle slices, and reads a record changed meanwhile at once', async () => {
    const server = serverBoard(3000);
    const doc = new Y.Doc();
    const store = new CollectionStore(doc, 'canvasItems');
    store.seed(server.paint);
    const drawn = store.getSnapshot();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server.doc));
    store.settle();
    // An edit arrives before the idle slices have confirmed the record: it is read at once.
    let notified = 0;
    store.subscribe(() => notified++);
    updateRecord(doc, 'canvasItems', server.ids[2999]!, { text: 'Edited before confirmed' });
    expect(notified).toBe(1);
    expect(store.get(server.ids[2999]!)?.text).toBe('Edited before confirmed');
    // The rest confirm as drawn: same objects, nobody told again.
    await new Promise((resolve) => setTimeout(resolve, 200));
    store.confirm();
    expect(notified).toBe(1);
    const after = new Map(store.getSnapshot().map((r) => [r.id, r]));
    for (const record of drawn) if (record.id !== server.ids[2999]) expect(after.get(record.id)).toBe(record);
  });

  it('drops seeded records the synced document does not hold, and the document is the only source after', () => {
    const server = serverBoard(5);
    const doc = new Y.Doc();
    const store = new CollectionStore(doc, 'canvasItems');
    store.seed(server.paint);
    deleteRecord(server.doc, 'canvasItems', server.ids[2]!);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server.doc));
    expect(store.get(server.ids[2]!)).toBeDefined();
    store.settle();
    expect(store.get(server.ids[2]!)).toBeUndefined();
    expect(store.getSnapshot()).toHaveLength(4);
    // A later seed (a snapshot sent again on a reconnect) adds nothing the document lacks for good.
    store.settle();
    updateRecord(doc, 'canvasItems', server.ids[0]!, { text: 'Edited here' });
    expect(store.get(server.ids[0]!)?.text).toBe('Edited here');
  });

  it('never replaces a record the document already holds (an offline copy loaded first)', () => {
    const server = serverBoard(2);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server.doc));
    updateRecord(doc, 'canvasItems', server.ids[0]!, { text: 'Offline edit' });
    const store = new CollectionStore(doc, 'canvasItems');
    let notified = 0;
    store.subscribe(() => notified++);
    store.seed(server.paint);
    expect(notified).toBe(0);
    expect(store.get(server.ids[0]!)?.text).toBe('Offline edit');
    store.settle();
    expect(store.getSnapshot()).toHaveLength(2);
  });
});

describe('CollectionStore telling its readers', () => {
  it("tells this person's own change at once, and changes from elsewhere once for all that arrived before it could", async () => {
    const peer = new Y.Doc();
    const doc = new Y.Doc();
    const id = createRecord(peer, 'canvasItems', { kind: 'sticky', text: 'Start', x: 0, y: 0 }).id;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    const store = new CollectionStore(doc, 'canvasItems');
    let notified = 0;
    store.subscribe(() => notified++);

    // Another person drags the note: three updates arrive while the page is busy.
    const relay = (update: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(doc, update, 'relay');
    peer.on('update', relay);
    for (const x of [10, 20, 30]) updateRecord(peer, 'canvasItems', id, { x });
    // The snapshot is current at once; readers are told once, with all three.
    expect(store.get(id)?.x).toBe(30);
    expect(notified).toBe(0);
    await vi.waitFor(() => expect(notified).toBe(1));
    await new Promise((done) => setTimeout(done, 20));
    expect(notified).toBe(1);

    // This person's own edit is told at once, and takes any waiting notification with it.
    updateRecord(peer, 'canvasItems', id, { x: 40 });
    updateRecord(doc, 'canvasItems', id, { text: 'Mine' });
    expect(notified).toBe(2);
    expect(store.get(id)).toMatchObject({ x: 40, text: 'Mine' });
    await new Promise((done) => setTimeout(done, 20));
    expect(notified).toBe(2);
    peer.off('update', relay);
    store.destroy();
  });
});
