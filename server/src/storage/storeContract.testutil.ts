import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, getCollection, newBoardId, newBoardToken, type BoardId } from '@pc/shared';
import { hashToken } from '../auth/tokens';
import type { BoardRecord } from './boardStore';
import { applyStoredState } from './docState';
import type { BoardStore } from './boardStore';
import { UpdateWriter } from './updateWriter';

export function boardRecord(): BoardRecord {
  return {
    id: newBoardId(),
    title: 'Board',
    createdAt: 1_700_000_000_000,
    tokenHashes: {
      owner: hashToken(newBoardToken()),
      edit: hashToken(newBoardToken()),
      view: hashToken(newBoardToken()),
    },
  };
}

/** Record every update a doc emits, as a client connection would send them. */
function recordingDoc(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, updates };
}

async function loadDoc(store: BoardStore, id: BoardId): Promise<Y.Doc> {
  const doc = new Y.Doc();
  applyStoredState(doc, await store.loadBoard(id));
  return doc;
}

function texts(doc: Y.Doc): string[] {
  return [...getCollection(doc, 'canvasItems').values()].map((item) => String(item.get('text'))).sort();
}

/** A place to keep boards: `open` may be called again after `close` and must see the same data. */
export interface StoreHarness {
  open(): Promise<BoardStore>;
  dispose(): Promise<void>;
}

/**
 * The behaviour every BoardStore implementation must have, run against each
 * (SQLite in the unit tests, PostgreSQL in the integration tests).
 */
export function describeBoardStore(name: string, makeHarness: () => Promise<StoreHarness>): void {
  describe(name, () => {
    let harness: StoreHarness;
    let store: BoardStore;

    beforeEach(async () => {
      harness = await makeHarness();
      store = await harness.open();
    });
    afterEach(async () => {
      await store.close();
      await harness.dispose();
    });

    it('creates and reads boards, and knows nothing of unknown ids', async () => {
      const board = boardRecord();
      await store.createBoard(board);
      expect(await store.getBoard(board.id)).toEqual(board);
      expect(await store.getBoard(newBoardId())).toBeUndefined();
    });

    it('appends updates and loads them back in order', async () => {
      const board = boardRecord();
      await store.createBoard(board);
      const { doc, updates } = recordingDoc();
      for (let i = 0; i < 5; i++) createRecord(doc, 'canvasItems', { kind: 'sticky', text: `note ${i}` });
      const seqs = await store.appendUpdates(updates.map((update) => ({ boardId: board.id, update })));
      const state = await store.loadBoard(board.id);
      expect(state.snapshot).toBeNull();
      expect(state.updates).toHaveLength(5);
      expect(state.lastSeq).toBe(seqs.get(board.id));
      expect(texts(await loadDoc(store, board.id))).toEqual(texts(doc));
    });

    it('compacts into a snapshot, keeping the tail after it, and survives a reopen', async () => {
      const board = boardRecord();
      await store.createBoard(board);
      const { doc, updates } = recordingDoc();
      createRecord(doc, 'canvasItems', { kind: 'sticky', text: 'one' });
      createRecord(doc, 'canvasItems', { kind: 'sticky', text: 'two' });
      const upto = (await store.appendUpdates(updates.map((update) => ({ boardId: board.id, update })))).get(board.id)!;
      await store.compact(board.id, Y.encodeStateAsUpdate(doc), upto);
      updates.length = 0;
      createRecord(doc, 'canvasItems', { kind: 'sticky', text: 'three' });
      await store.appendUpdates(updates.map((update) => ({ boardId: board.id, update })));

      const state = await store.loadBoard(board.id);
      expect(state.snapshot).not.toBeNull();
      expect(state.updates).toHaveLength(1);

      await store.close();
      store = await harness.open();
      expect(texts(await loadDoc(store, board.id))).toEqual(['one', 'three', 'two']);
      expect((await store.getBoard(board.id))?.title).toBe('Board');
    });

    it('ignores a compaction older than the stored snapshot', async () => {
      const board = boardRecord();
      await store.createBoard(board);
      const { doc, updates } = recordingDoc();
      createRecord(doc, 'canvasItems', { kind: 'sticky', text: 'new' });
      const upto = (await store.appendUpdates(updates.map((update) => ({ boardId: board.id, update })))).get(board.id)!;
      await store.compact(board.id, Y.encodeStateAsUpdate(doc), upto);
      await store.compact(board.id, Y.encodeStateAsUpdate(new Y.Doc()), upto - 1);
      expect(texts(await loadDoc(store, board.id))).toEqual(['new']);
    });

    it('group-commits queued updates of several boards in one flush', async () => {
      const a = boardRecord();
      const b = boardRecord();
      await store.createBoard(a);
      await store.createBoard(b);
      const written: number[] = [];
      const writer = new UpdateWriter(store, { intervalMs: 10_000, onWritten: (s) => written.push(s.rows) });
      const docA = recordingDoc();
      const docB = recordingDoc();
      for (let i = 0; i < 3; i++) createRecord(docA.doc, 'canvasItems', { kind: 'sticky', text: `a${i}` });
      createRecord(docB.doc, 'canvasItems', { kind: 'text', text: 'b' });
      docA.updates.forEach((update) => writer.enqueue(a.id, update));
      docB.updates.forEach((update) => writer.enqueue(b.id, update));
      expect(writer.pending).toBe(4);
      await writer.close();
      expect(writer.pending).toBe(0);
      expect(written).toEqual([2]);
      expect((await store.loadBoard(a.id)).updates).toHaveLength(1);
      expect(writer.lastSeq(a.id)).toBeGreaterThan(0);
      expect(texts(await loadDoc(store, a.id))).toEqual(['a0', 'a1', 'a2']);
      expect(texts(await loadDoc(store, b.id))).toEqual(['b']);
    });

    it('keeps review points per board, newest first, and survives a reopen', async () => {
      const board = boardRecord();
      const other = boardRecord();
      await store.createBoard(board);
      await store.createBoard(other);
      const { doc } = recordingDoc();
      createRecord(doc, 'canvasItems', { kind: 'sticky', text: 'March' });
      const march = Y.encodeStateAsUpdate(doc);
      createRecord(doc, 'canvasItems', { kind: 'sticky', text: 'June' });
      const june = Y.encodeStateAsUpdate(doc);
      await store.saveReviewPoint(board.id, { id: 'rp-march', name: 'March review', author: 'Ana', createdAt: 1000, bytes: 0, state: march });
      await store.saveReviewPoint(board.id, { id: 'rp-june', name: 'June review', author: '', createdAt: 2000, bytes: 0, state: june });
      await store.saveReviewPoint(other.id, { id: 'rp-other', name: 'Other', author: '', createdAt: 1500, bytes: 0, state: march });

      await store.close();
      store = await harness.open();
      expect(await store.listReviewPoints(board.id)).toEqual([
        { id: 'rp-june', name: 'June review', author: '', createdAt: 2000, bytes: june.byteLength },
        { id: 'rp-march', name: 'March review', author: 'Ana', createdAt: 1000, bytes: march.byteLength },
      ]);
      const point = await store.getReviewPoint(board.id, 'rp-march');
      expect(point?.name).toBe('March review');
      const restored = new Y.Doc();
      Y.applyUpdate(restored, point!.state);
      expect(texts(restored)).toEqual(['March']);
      // A review point is only reachable through its own board.
      expect(await store.getReviewPoint(board.id, 'rp-other')).toBeUndefined();
      expect(await store.getReviewPoint(board.id, 'rp-none')).toBeUndefined();
      expect(await store.listReviewPoints(newBoardId())).toEqual([]);
    });

    it('replaces one role\'s token hash and keeps the others', async () => {
      const board = boardRecord();
      await store.createBoard(board);
      const fresh = hashToken(newBoardToken());
      expect(await store.replaceTokenHash(board.id, 'edit', fresh)).toBe(true);
      await store.close();
      store = await harness.open();
      expect((await store.getBoard(board.id))?.tokenHashes).toEqual({ ...board.tokenHashes, edit: fresh });
      expect(await store.replaceTokenHash(newBoardId(), 'view', fresh)).toBe(false);
    });

    it('deletes a board with its snapshot and every update, leaving other boards alone', async () => {
      const gone = boardRecord();
      const kept = boardRecord();
      await store.createBoard(gone);
      await store.createBoard(kept);
      const { doc, updates } = recordingDoc();
      createRecord(doc, 'canvasItems', { kind: 'sticky', text: 'one' });
      const upto = (await store.appendUpdates(updates.map((update) => ({ boardId: gone.id, update })))).get(gone.id)!;
      await store.compact(gone.id, Y.encodeStateAsUpdate(doc), upto);
      createRecord(doc, 'canvasItems', { kind: 'sticky', text: 'two' });
      await store.appendUpdates(updates.slice(1).map((update) => ({ boardId: gone.id, update })));
      await store.appendUpdates(updates.map((update) => ({ boardId: kept.id, update })));
      const state = Y.encodeStateAsUpdate(doc);
      await store.saveReviewPoint(gone.id, { id: 'rp-gone', name: 'March', author: '', createdAt: 1, bytes: 0, state });
      await store.saveReviewPoint(kept.id, { id: 'rp-kept', name: 'March', author: '', createdAt: 1, bytes: 0, state });

      expect(await store.deleteBoard(gone.id)).toBe(true);
      await store.close();
      store = await harness.open();
      expect(await store.getBoard(gone.id)).toBeUndefined();
      expect(await store.loadBoard(gone.id)).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
      expect(await store.deleteBoard(gone.id)).toBe(false);
      expect(await store.getBoard(kept.id)).toEqual(kept);
      expect(texts(await loadDoc(store, kept.id))).toEqual(['one', 'two']);
      expect(await store.listReviewPoints(gone.id)).toEqual([]);
      expect(await store.getReviewPoint(gone.id, 'rp-gone')).toBeUndefined();
      expect((await store.listReviewPoints(kept.id)).map((point) => point.id)).toEqual(['rp-kept']);
    });

    it('keeps sealed entries per board, scope and person, replacing a person\'s own, across a reopen', async () => {
      const board = boardRecord();
      const other = boardRecord();
      await store.createBoard(board);
      await store.createBoard(other);
      await store.putSealed(board.id, 'round:r1', 'voter-b', '{"x":1}');
      await store.putSealed(board.id, 'round:r1', 'voter-a', '{"y":2}');
      await store.putSealed(board.id, 'round:r1', 'voter-b', '{"x":2,"z":1}');
      await store.putSealed(board.id, 'round:r2', 'voter-a', '{"w":1}');
      await store.putSealed(other.id, 'round:r1', 'voter-a', '{"other":1}');
      await store.close();
      store = await harness.open();
      const listed = await store.listSealed(board.id, 'round:r1');
      expect(listed.map(({ voterKey, value }) => ({ voterKey, value }))).toEqual([
        { voterKey: 'voter-a', value: '{"y":2}' },
        { voterKey: 'voter-b', value: '{"x":2,"z":1}' },
      ]);
      for (const entry of listed) expect(entry.updatedAt).toBeGreaterThan(1_600_000_000_000);
      expect(await store.getSealed(board.id, 'round:r1', 'voter-b')).toBe('{"x":2,"z":1}');
      expect(await store.getSealed(board.id, 'round:r1', 'voter-c')).toBeUndefined();
      expect(await store.getSealed(other.id, 'round:r2', 'voter-a')).toBeUndefined();
      expect(await store.listSealed(board.id, 'round:none')).toEqual([]);
    });

    it('deletes a sealed scope alone, and every sealed entry with its board', async () => {
      const board = boardRecord();
      const other = boardRecord();
      await store.createBoard(board);
      await store.createBoard(other);
      await store.putSealed(board.id, 'closing', 'a', '1');
      await store.putSealed(board.id, 'closing', 'b', '2');
      await store.putSealed(board.id, 'staying', 'a', '3');
      await store.putSealed(other.id, 'closing', 'a', '4');
      expect(await store.deleteSealedScope(board.id, 'closing')).toBe(2);
      expect(await store.deleteSealedScope(board.id, 'closing')).toBe(0);
      expect(await store.listSealed(board.id, 'closing')).toEqual([]);
      expect((await store.listSealed(board.id, 'staying')).map((e) => e.value)).toEqual(['3']);
      expect(await store.getSealed(other.id, 'closing', 'a')).toBe('4');
      await store.deleteBoard(board.id);
      expect(await store.listSealed(board.id, 'staying')).toEqual([]);
      // A board id reused later would not inherit old ballots.
      await store.createBoard({ ...boardRecord(), id: board.id });
      expect(await store.getSealed(board.id, 'staying', 'a')).toBeUndefined();
    });

    it('flushes on its own within the window', async () => {
      const board = boardRecord();
      await store.createBoard(board);
      const writer = new UpdateWriter(store, { intervalMs: 5 });
      const { doc, updates } = recordingDoc();
      createRecord(doc, 'canvasItems', { kind: 'sticky', text: 'soon' });
      writer.enqueue(board.id, updates[0]!);
      await expect.poll(async () => (await store.loadBoard(board.id)).updates.length).toBe(1);
      await writer.close();
    });
  });
}
