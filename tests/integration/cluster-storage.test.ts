import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresBoardStore } from '../../server/src/storage/postgres';
import { applyStoredState } from '../../server/src/storage/docState';
import { boardRecord } from '../../server/src/storage/storeContract.testutil';
import { availablePostgres, dropSchema, throwawaySchema } from '../helpers/services';

const url = await availablePostgres();

/** A node's view of one board: the document it holds and the updates it has not stored yet. */
function nodeDoc() {
  const doc = new Y.Doc();
  const unstored: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'peer') unstored.push(update);
  });
  return { doc, unstored };
}

describe.skipIf(!url)('two nodes compacting the same board in PostgreSQL', () => {
  const schema = throwawaySchema('pc_compact');
  afterAll(async () => {
    if (url) await dropSchema(url, schema);
  });

  it('loses and doubles nothing when both compact at once while both keep appending', async () => {
    const [a, b] = await Promise.all([1, 2].map(() => PostgresBoardStore.open({ connectionString: url!, schema })));
    try {
      const board = boardRecord();
      await a!.createBoard(board);
      const nodes = [
        { store: a!, lastSeq: 0, ...nodeDoc() },
        { store: b!, lastSeq: 0, ...nodeDoc() },
      ];
      const expected: number[] = [];
      for (let round = 0; round < 15; round++) {
        // Each node appends its own edits; each knows only some of the other's (the fan-out lags).
        await Promise.all(
          nodes.map(async (node, index) => {
            for (let i = 0; i < 5; i++) {
              const value = round * 100 + index * 10 + i;
              node.doc.getArray<number>('log').push([value]);
              expected.push(value);
            }
            const batch = node.unstored.splice(0).map((update) => ({ boardId: board.id, update }));
            node.lastSeq = (await node.store.appendUpdates(batch)).get(board.id) ?? node.lastSeq;
          }),
        );
        if (round % 3 === 0) Y.applyUpdate(nodes[1]!.doc, Y.encodeStateAsUpdate(nodes[0]!.doc), 'peer');
        // Both compact at once, each with its own partial document up to the last row it wrote
        // (as a room does), while the other appends more.
        await Promise.all([
          ...nodes.map((node) => node.store.compact(board.id, Y.encodeStateAsUpdate(node.doc), node.lastSeq)),
          ...nodes.map(async (node, index) => {
            node.doc.getArray<number>('log').push([round * 100 + 50 + index]);
            expected.push(round * 100 + 50 + index);
            await node.store.appendUpdates(node.unstored.splice(0).map((update) => ({ boardId: board.id, update })));
          }),
        ]);
      }
      const loaded = new Y.Doc();
      applyStoredState(loaded, await a!.loadBoard(board.id));
      const log = loaded.getArray<number>('log').toArray();
      expect(log.length).toBe(expected.length);
      expect([...log].sort((x, y) => x - y)).toEqual([...expected].sort((x, y) => x - y));
      // And the tail really was folded: compaction does its job, not only no harm.
      const stored = await b!.loadBoard(board.id);
      expect(stored.snapshot).not.toBeNull();
      expect(stored.updates.length).toBeLessThan(10);
    } finally {
      await Promise.all([a!.close(), b!.close()]);
    }
  }, 60_000);

  it('skips rows of a board another node deleted, keeping the rest of the group commit', async () => {
    const store = await PostgresBoardStore.open({ connectionString: url!, schema });
    try {
      const gone = boardRecord();
      const kept = boardRecord();
      await store.createBoard(gone);
      await store.createBoard(kept);
      await store.deleteBoard(gone.id);
      const doc = new Y.Doc();
      doc.getArray<number>('log').push([1]);
      const update = Y.encodeStateAsUpdate(doc);
      const seqs = await store.appendUpdates([
        { boardId: gone.id, update },
        { boardId: kept.id, update },
      ]);
      expect(seqs.has(gone.id)).toBe(false);
      expect(seqs.get(kept.id)).toBeGreaterThan(0);
      expect((await store.loadBoard(kept.id)).updates).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
