import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, getCollection, listRecords, matrixCellKey, readRecord } from '@pc/shared';
import { addPartner, removePartner } from '../partners/partnerActions';
import {
  addMatrixRow,
  addProspectivePartner,
  addStarterRows,
  deleteGroup,
  moveMatrixRow,
  removeMatrixRow,
  renameGroup,
  setCellLevel,
  setCellNote,
  toggleCellFlag,
  updateMatrixRow,
} from './matrixActions';
import { sortMatrixRows } from './model/rowOrder';
import { STARTER_ROWS } from './model/starterRows';

const origin = { kind: 'test' };

function board() {
  const doc = new Y.Doc();
  const alba = addPartner({ doc, localOrigin: origin }, { name: 'Alba Trust' });
  const bridge = addPartner({ doc, localOrigin: origin }, { name: 'Bridge Council' });
  const row = addMatrixRow({ doc, localOrigin: origin }, { name: 'Safeguarding', category: 'skill', required: 3 });
  return { doc, alba, bridge, row };
}

const cell = (doc: Y.Doc, rowId: string, partnerId: string) => readRecord(doc, 'matrixCells', matrixCellKey(rowId, partnerId))?.record;
const rowNames = (doc: Y.Doc) => sortMatrixRows(listRecords(doc, 'matrixRows').map((r) => r.record)).map((r) => r.name);

describe('cell writes', () => {
  it('creates a cell on first write, then edits only the fields given', () => {
    const { doc, alba, row } = board();
    setCellLevel({ doc, localOrigin: origin }, row.id, alba.id, 3);
    expect(cell(doc, row.id, alba.id)).toMatchObject({ id: `${row.id}:${alba.id}`, level: 3, gives: false, receives: false });
    toggleCellFlag({ doc, localOrigin: origin }, row.id, alba.id, 'gives');
    toggleCellFlag({ doc, localOrigin: origin }, row.id, alba.id, 'receives');
    toggleCellFlag({ doc, localOrigin: origin }, row.id, alba.id, 'receives');
    setCellNote({ doc, localOrigin: origin }, row.id, alba.id, 'Two trainers, one day a month');
    expect(cell(doc, row.id, alba.id)).toMatchObject({ level: 3, gives: true, receives: false, note: 'Two trainers, one day a month' });
  });

  it('clamps levels and writes nothing for a row or partner that is gone', () => {
    const { doc, alba, row } = board();
    setCellLevel({ doc, localOrigin: origin }, row.id, alba.id, 9);
    expect(cell(doc, row.id, alba.id)?.level).toBe(4);
    // Cells are created with their row and partner; writes to a missing one add none.
    const before = getCollection(doc, 'matrixCells').size;
    setCellLevel({ doc, localOrigin: origin }, 'gone', alba.id, 2);
    toggleCellFlag({ doc, localOrigin: origin }, row.id, 'gone', 'gives');
    expect(getCollection(doc, 'matrixCells').size).toBe(before);
  });

  it('keeps both of two concurrent edits of different cells', () => {
    const { doc: a, alba, bridge, row } = board();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setCellLevel({ doc: a, localOrigin: origin }, row.id, alba.id, 2);
    setCellLevel({ doc: b, localOrigin: origin }, row.id, bridge.id, 4);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) {
      expect(cell(doc, row.id, alba.id)?.level).toBe(2);
      expect(cell(doc, row.id, bridge.id)?.level).toBe(4);
    }
  });

  it('removes a partner’s cells with the partner, and a row’s cells with the row', () => {
    const { doc, alba, bridge, row } = board();
    const venues = addMatrixRow({ doc, localOrigin: origin }, { name: 'Venues', category: 'resource' });
    for (const r of [row, venues]) for (const p of [alba, bridge]) setCellLevel({ doc, localOrigin: origin }, r.id, p.id, 2);
    removePartner({ doc, localOrigin: origin }, alba.id);
    expect(listRecords(doc, 'matrixCells').map((c) => c.record.partnerId)).toEqual([bridge.id, bridge.id]);
    removeMatrixRow({ doc, localOrigin: origin }, row.id);
    expect(listRecords(doc, 'matrixCells').map((c) => c.record.rowId)).toEqual([venues.id]);
  });
});

describe('rows and groups', () => {
  it('adds rows at the end, renames, reorders inside a group and moves between categories', () => {
    const { doc, row } = board();
    const evaluation = addMatrixRow({ doc, localOrigin: origin }, { name: 'Evaluation', category: 'skill' });
    addMatrixRow({ doc, localOrigin: origin }, { name: 'Venues', category: 'resource' });
    expect(rowNames(doc)).toEqual(['Safeguarding', 'Evaluation', 'Venues']);
    expect(moveMatrixRow({ doc, localOrigin: origin }, evaluation.id, -1)).toBe(true);
    expect(moveMatrixRow({ doc, localOrigin: origin }, evaluation.id, -1)).toBe(false);
    expect(rowNames(doc)).toEqual(['Evaluation', 'Safeguarding', 'Venues']);
    updateMatrixRow({ doc, localOrigin: origin }, row.id, { name: 'Safeguarding adults', required: 4 });
    updateMatrixRow({ doc, localOrigin: origin }, evaluation.id, { category: 'knowledge' });
    expect(rowNames(doc)).toEqual(['Safeguarding adults', 'Evaluation', 'Venues']);
    expect(readRecord(doc, 'matrixRows', row.id)?.record.required).toBe(4);
  });

  it('renames and deletes facilitator groups, keeping rows unless asked', () => {
    const { doc } = board();
    const a = addMatrixRow({ doc, localOrigin: origin }, { name: 'Bid writing', category: 'skill', group: ' Funding ' });
    const b = addMatrixRow({ doc, localOrigin: origin }, { name: 'Budgets', category: 'skill', group: 'funding' });
    renameGroup({ doc, localOrigin: origin }, 'skill', 'FUNDING', 'Money');
    expect([a, b].map((r) => readRecord(doc, 'matrixRows', r.id)?.record.group)).toEqual(['Money', 'Money']);
    deleteGroup({ doc, localOrigin: origin }, 'skill', 'money');
    expect([a, b].map((r) => readRecord(doc, 'matrixRows', r.id)?.record.group)).toEqual(['', '']);
    updateMatrixRow({ doc, localOrigin: origin }, a.id, { group: 'Old' });
    deleteGroup({ doc, localOrigin: origin }, 'skill', 'old', { deleteRows: true });
    expect(readRecord(doc, 'matrixRows', a.id)).toBeUndefined();
  });

  it('adds the starter rows once, as one undo step', () => {
    const doc = new Y.Doc();
    const undo = new Y.UndoManager(getCollection(doc, 'matrixRows'), { trackedOrigins: new Set([origin]) });
    expect(addStarterRows({ doc, localOrigin: origin })).toHaveLength(STARTER_ROWS.length);
    expect(addStarterRows({ doc, localOrigin: origin })).toHaveLength(0);
    expect(getCollection(doc, 'matrixRows').size).toBe(STARTER_ROWS.length);
    undo.undo();
    expect(getCollection(doc, 'matrixRows').size).toBe(0);
  });
});

describe('addProspectivePartner', () => {
  it('promotes a stakeholder to a partner at the networking stage with every partner', () => {
    const { doc, alba, bridge } = board();
    const s = createRecord(doc, 'stakeholders', { name: 'Grace Kirk', organisation: 'Kirk Foundation', offers: 'safeguarding training' });
    const partner = addProspectivePartner({ doc, localOrigin: origin }, s.id);
    expect(partner).toMatchObject({ name: 'Kirk Foundation', stakeholderId: s.id });
    expect(partner.stages).toEqual({ [alba.id]: 'networking', [bridge.id]: 'networking' });
    expect(readRecord(doc, 'stakeholders', s.id)?.record.partnerId).toBe(partner.id);
    expect(addProspectivePartner({ doc, localOrigin: origin }, s.id).id).toBe(partner.id);
    expect(getCollection(doc, 'partners').size).toBe(3);
  });
});
