import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deletePartner, getCollection, listRecords, type MatrixCell, type MatrixRow, type Partner, analyseMatrix } from '@pc/shared';
import { CollectionStore } from '../../collab/collectionStore';
import { addPartner } from '../partners/partnerActions';
import { addMatrixRow, removeMatrixRow, setCellLevel, toggleCellFlag } from './matrixActions';
import { MatrixStore } from './matrixStore';
import { suggestMatches } from './model/matches';
import { sortMatrixRows } from './model/rowOrder';
import { partnerColumns } from './model/partnerOrder';

const origin = { kind: 'test' };

function storeFor(doc: Y.Doc) {
  const stores = new Map<string, CollectionStore<never>>();
  const session = {
    collection: (name: string) => {
      if (!stores.has(name)) stores.set(name, new CollectionStore(doc, name as never));
      return stores.get(name)!;
    },
  };
  const store = new MatrixStore(session as never);
  store.subscribe(() => {});
  return store;
}

/** The store's incremental results must equal a from-scratch analysis of the doc. */
function expectMatchesFromScratch(doc: Y.Doc, store: MatrixStore) {
  const snapshot = store.getSnapshot();
  const rows = sortMatrixRows(listRecords(doc, 'matrixRows').map((r) => r.record as MatrixRow));
  const partners = partnerColumns(listRecords(doc, 'partners').map((r) => r.record as Partner));
  const cells = listRecords(doc, 'matrixCells').map((r) => r.record as MatrixCell);
  const fresh = analyseMatrix(rows, partners, cells);
  expect(snapshot.analysis.rows).toEqual(fresh.rows);
  expect(snapshot.analysis.summary).toEqual(fresh.summary);
  expect(store.matches(snapshot)).toEqual(suggestMatches(rows, partners, cells));
}

describe('MatrixStore', () => {
  it('keeps its incremental analysis equal to a full one through edits, deletes and undo', () => {
    const doc = new Y.Doc();
    const store = storeFor(doc);
    const undo = new Y.UndoManager(getCollection(doc, 'matrixCells'), { trackedOrigins: new Set([origin]) });
    const partners = ['Alba', 'Bridge', 'Cairn', 'Dee'].map((name) => addPartner({ doc, localOrigin: origin }, { name }));
    const rows = ['Safeguarding', 'Venues', 'Evaluation', 'Volunteers'].map((name, i) =>
      addMatrixRow({ doc, localOrigin: origin }, { name, category: i % 2 ? 'resource' : 'skill', required: 1 + i }),
    );
    expectMatchesFromScratch(doc, store);
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let step = 0; step < 200; step++) {
      const row = rows[Math.floor(random() * rows.length)]!;
      const partner = partners[Math.floor(random() * partners.length)]!;
      const pick = random();
      if (pick < 0.5) setCellLevel({ doc, localOrigin: origin }, row.id, partner.id, Math.floor(random() * 5));
      else if (pick < 0.75) toggleCellFlag({ doc, localOrigin: origin }, row.id, partner.id, 'gives');
      else if (pick < 0.95) toggleCellFlag({ doc, localOrigin: origin }, row.id, partner.id, 'receives');
      else undo.undo();
      if (step % 10 === 0) expectMatchesFromScratch(doc, store);
    }
    expectMatchesFromScratch(doc, store);
    const before = store.getSnapshot().rowVersions.get(rows[0]!.id) ?? 0;
    setCellLevel({ doc, localOrigin: origin }, rows[0]!.id, partners[0]!.id, 4);
    expect(store.getSnapshot().rowVersions.get(rows[0]!.id)).toBe(before + 1);

    deletePartner(doc, partners[1]!.id, origin);
    expectMatchesFromScratch(doc, store);
    removeMatrixRow({ doc, localOrigin: origin }, rows[2]!.id);
    expectMatchesFromScratch(doc, store);
    undo.undo();
    expectMatchesFromScratch(doc, store);
  });

  it('returns the same snapshot while nothing changed, and a new one after a cell edit', () => {
    const doc = new Y.Doc();
    const store = storeFor(doc);
    const p = addPartner({ doc, localOrigin: origin }, { name: 'Alba' });
    const r = addMatrixRow({ doc, localOrigin: origin }, { name: 'Venues', category: 'resource' });
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    setCellLevel({ doc, localOrigin: origin }, r.id, p.id, 2);
    const second = store.getSnapshot();
    expect(second).not.toBe(first);
    expect(second.layout).toBe(first.layout);
    expect(second.analysis.byRowId.get(r.id)?.bestAvailable).toBe(2);
  });
});
