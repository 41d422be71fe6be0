import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, deleteRecord, updateRecord } from '../../doc/records';
import { updateMeta } from '../../doc/meta';
import { exportJson } from '../../export/tables';
import { COLLECTION_NAMES } from '../../schema';
import { replaceBoardContent } from './restore';

function copy(doc: Y.Doc): Y.Doc {
  const out = new Y.Doc();
  Y.applyUpdate(out, Y.encodeStateAsUpdate(doc));
  return out;
}

describe('replaceBoardContent', () => {
  it('turns the live doc into the review point with one update that another replica applies', () => {
    const live = new Y.Doc();
    updateMeta(live, { title: 'Carers partnership', schemaVersion: 2 });
    createRecord(live, 'stakeholders', { id: 's1', name: 'Ardmore', power: 1, interest: 1 });
    createRecord(live, 'logicNodes', { id: 'o1', column: 'impact', text: 'Fewer crises' });
    const replica = copy(live);
    const point = copy(live);

    updateRecord(live, 'stakeholders', 's1', { power: 4, notes: 'met twice' });
    createRecord(live, 'canvasItems', { id: 'n1', kind: 'sticky', text: 'new note', x: 1, y: 2 });
    deleteRecord(live, 'logicNodes', 'o1');
    updateMeta(live, { title: 'Renamed' });
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(live));

    const updates: Uint8Array[] = [];
    live.on('update', (update: Uint8Array) => updates.push(update));
    const touched = replaceBoardContent(live, point, 'restore');
    expect(touched).toBe(3);
    expect(updates).toHaveLength(1);
    expect(exportJson(live, COLLECTION_NAMES)).toEqual(exportJson(point, COLLECTION_NAMES));
    expect(live.getMap('meta').get('title')).toBe('Carers partnership');
    // The stored "notes" field, absent from the review point, is gone, not just emptied.
    expect((live.getMap('stakeholders').get('s1') as Y.Map<unknown>).has('notes')).toBe(false);

    Y.applyUpdate(replica, updates[0]!);
    expect(exportJson(replica, COLLECTION_NAMES)).toEqual(exportJson(point, COLLECTION_NAMES));
  });

  it('keeps the server-owned meta keys and changes nothing when already equal', () => {
    const live = new Y.Doc();
    updateMeta(live, { title: 'A', schemaVersion: 3, createdAt: 5 });
    const point = new Y.Doc();
    updateMeta(point, { title: 'A', schemaVersion: 1, createdAt: 1 });
    const updates: Uint8Array[] = [];
    live.on('update', (update: Uint8Array) => updates.push(update));
    expect(replaceBoardContent(live, point)).toBe(0);
    expect(updates).toHaveLength(0);
    expect(live.getMap('meta').toJSON()).toEqual({ title: 'A', schemaVersion: 3, createdAt: 5 });
  });
});
