import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, getCollection, newBoardId, updateRecord, type BoardId } from '@pc/shared';
import type { BoardStore, PendingUpdate } from './boardStore';
import { mergeIntoRows, UpdateWriter } from './updateWriter';

/** `count` updates as a client sends them: one sticky created, then moved again and again. */
function stickyMoves(count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const sticky = createRecord(doc, 'canvasItems', { kind: 'sticky', text: 'moving' });
  for (let i = 1; updates.length < count; i++) updateRecord(doc, 'canvasItems', sticky.id, { x: i });
  return { doc, updates };
}

function replay(rows: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, row);
  return doc;
}

const stickyX = (doc: Y.Doc) => [...getCollection(doc, 'canvasItems').values()].map((item) => item.get('x'));

/** Only what UpdateWriter calls; fails the first `failures` appends. */
class RecordingStore {
  rows: PendingUpdate[] = [];
  constructor(private failures = 0) {}
  async appendUpdates(batch: readonly PendingUpdate[]): Promise<Map<BoardId, number>> {
    if (this.failures-- > 0) throw new Error('disk full');
    this.rows.push(...batch);
    return new Map(batch.map((row) => [row.boardId, this.rows.length]));
  }
}

describe('mergeIntoRows', () => {
  it('merges runs of at most maxPerRow updates, in order, into rows that replay to the same document', () => {
    const { doc, updates } = stickyMoves(250);
    const rows = mergeIntoRows(updates, 100);
    expect(rows).toHaveLength(3);
    expect(stickyX(replay(rows))).toEqual(stickyX(doc));
    expect(Y.encodeStateVector(replay(rows))).toEqual(Y.encodeStateVector(doc));
  });

  it('keeps a single update as it is and stores nothing for an empty queue', () => {
    const { updates } = stickyMoves(1);
    expect(mergeIntoRows(updates)[0]).toBe(updates[0]);
    expect(mergeIntoRows([])).toEqual([]);
  });

  it('refuses a row size below one', () => {
    expect(() => mergeIntoRows([], 0)).toThrow(RangeError);
  });
});

describe('UpdateWriter', () => {
  it('writes a long queue of one board as several rows', async () => {
    const store = new RecordingStore();
    const writer = new UpdateWriter(store as unknown as BoardStore, { intervalMs: 10_000 });
    const board = newBoardId();
    const { doc, updates } = stickyMoves(450);
    for (const update of updates) writer.enqueue(board, update);
    await writer.close();
    expect(store.rows).toHaveLength(5);
    expect(stickyX(replay(store.rows.map((row) => row.update)))).toEqual(stickyX(doc));
  });

  it('keeps the order of a failed batch ahead of later updates, so a retry stores everything', async () => {
    const store = new RecordingStore(1);
    const writer = new UpdateWriter(store as unknown as BoardStore, { intervalMs: 10_000, maxUpdatesPerRow: 2 });
    const board = newBoardId();
    const { doc, updates } = stickyMoves(300);
    for (const update of updates.slice(0, 250)) writer.enqueue(board, update);
    await expect(writer.flush()).rejects.toThrow('disk full');
    // The updates wait as they came (merged again on the retry), so the count is the true one.
    expect(writer.pending).toBe(250);
    for (const update of updates.slice(250)) writer.enqueue(board, update);
    await writer.close();
    expect(writer.pending).toBe(0);
    // Applied in stored order, a row that came too early would leave Yjs waiting for the rows before it.
    const stored = new Y.Doc();
    for (const row of store.rows) {
      Y.applyUpdate(stored, row.update);
      expect(stored.store.pendingStructs).toBeNull();
    }
    expect(stickyX(stored)).toEqual(stickyX(doc));
  });
});

describe('UpdateWriter while storage fails', () => {
  it('reports the failure, bounds the queue, retries on its own and recovers', async () => {
    const store = new RecordingStore(3);
    const errors: unknown[] = [];
    const writer = new UpdateWriter(store as unknown as BoardStore, { intervalMs: 1, maxQueued: 8, retryMs: 10, onError: (e) => errors.push(e) });
    const board = newBoardId();
    const { updates } = stickyMoves(5);
    expect(writer.health).toEqual({ ok: true });
    for (const update of updates) writer.enqueue(board, update);
    await expect.poll(() => errors.length).toBeGreaterThan(0);
    expect(writer.health).toMatchObject({ ok: false, error: 'disk full' });
    // Five queued, still failing: under the bound, edits are still accepted.
    expect(writer.pending).toBe(5);
    expect(writer.accepting).toBe(true);
    for (let i = 0; i < 5; i++) writer.enqueue(board, updates[0]!);
    expect(writer.accepting).toBe(false);
    // No further enqueue: the writer retries by itself until storage answers again.
    await expect.poll(() => writer.health.ok, { timeout: 5000 }).toBe(true);
    expect(writer.pending).toBe(0);
    expect(writer.accepting).toBe(true);
    expect(errors).toHaveLength(3);
    await writer.close();
  });

  it('discards the queue of a deleted board only', async () => {
    const store = new RecordingStore();
    const writer = new UpdateWriter(store as unknown as BoardStore, { intervalMs: 10_000 });
    const gone = newBoardId();
    const kept = newBoardId();
    const { updates } = stickyMoves(3);
    for (const update of updates) writer.enqueue(gone, update);
    writer.enqueue(kept, updates[0]!);
    writer.discard(gone);
    expect(writer.pending).toBe(1);
    await writer.close();
    expect(store.rows.map((row) => row.boardId)).toEqual([kept]);
  });
});
