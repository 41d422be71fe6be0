import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CURRENT_SCHEMA_VERSION, openBoardDoc, schemaVersionOf } from '../migrations';
import { getMetaMap, readMeta } from './meta';
import { createRecord, getCollection, listRecords } from './records';

const DEFAULTS = { title: 'Stored title', createdAt: 1_700_000_000_000 };

function boardWith(poison: (doc: Y.Doc) => void): Y.Doc {
  const doc = new Y.Doc();
  createRecord(doc, 'stakeholders', { id: 'good', name: 'Council', organisation: '', power: 3, interest: 1, attitude: 0 });
  createRecord(doc, 'canvasItems', { id: 'note', kind: 'sticky', text: 'kept' });
  openBoardDoc(doc, DEFAULTS);
  poison(doc);
  // As it would come back from storage: a fresh document from the encoded state.
  const loaded = new Y.Doc();
  Y.applyUpdate(loaded, Y.encodeStateAsUpdate(doc));
  return loaded;
}

describe('openBoardDoc on a poisoned board', () => {
  it('opens a board whose schemaVersion is from the future, setting it back', () => {
    const doc = boardWith((d) => getMetaMap(d).set('schemaVersion', 99));
    const report = openBoardDoc(doc, DEFAULTS);
    expect(report.repaired).toEqual([`meta.schemaVersion: 99 is newer than ${CURRENT_SCHEMA_VERSION}, set back`]);
    expect(schemaVersionOf(doc)).toBe(CURRENT_SCHEMA_VERSION);
    expect(listRecords(doc, 'stakeholders')[0]?.record.name).toBe('Council');
  });

  it('runs the migrations again when schemaVersion has the wrong type', () => {
    const doc = boardWith((d) => getMetaMap(d).set('schemaVersion', 'banana'));
    const report = openBoardDoc(doc, DEFAULTS);
    expect(report.repaired[0]).toMatch(/^meta.schemaVersion: "banana"/);
    expect(report.migration.to).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('removes canvas items that are not maps and keeps every good record', () => {
    const doc = boardWith((d) => {
      const items = getCollection(d, 'canvasItems') as unknown as Y.Map<unknown>;
      items.set('text-item', new Y.Text('not a record'));
      items.set('plain', 'just a string');
      // Forget the version so migration 002 walks the collection as well.
      getMetaMap(d).delete('schemaVersion');
    });
    const report = openBoardDoc(doc, DEFAULTS);
    expect(report.repaired).toEqual(
      expect.arrayContaining(['canvasItems/text-item: not a record map, removed', 'canvasItems/plain: not a record map, removed']),
    );
    expect([...getCollection(doc, 'canvasItems').keys()]).toEqual(['note']);
    expect(listRecords(doc, 'canvasItems').every((r) => r.valid)).toBe(true);
  });

  it('refills an emptied meta from the board record', () => {
    const doc = boardWith((d) => {
      const meta = getMetaMap(d);
      for (const key of [...meta.keys()]) meta.delete(key);
    });
    const report = openBoardDoc(doc, DEFAULTS);
    expect(report.repaired).toEqual(['meta.title: missing, reset', 'meta.createdAt: missing, reset']);
    expect(readMeta(doc)).toMatchObject({
      valid: true,
      record: { title: 'Stored title', createdAt: DEFAULTS.createdAt, schemaVersion: CURRENT_SCHEMA_VERSION },
    });
  });

  it('resets meta fields of the wrong type, including a nested Yjs type', () => {
    const doc = boardWith((d) => {
      getMetaMap(d).set('title', 12345);
      getMetaMap(d).set('logicTemplate', new Y.Map());
    });
    const report = openBoardDoc(doc, DEFAULTS);
    expect(report.repaired).toEqual(['meta.title: 12345, reset', 'meta.logicTemplate: a YMap, reset']);
    expect(readMeta(doc).valid).toBe(true);
  });

  it('gives a record with the wrong id its key', () => {
    const doc = boardWith((d) => getCollection(d, 'stakeholders').get('good')!.set('id', 'other'));
    expect(openBoardDoc(doc, DEFAULTS).repaired).toEqual(['stakeholders/good: id was "other", set to its key']);
    expect(getCollection(doc, 'stakeholders').get('good')!.get('id')).toBe('good');
  });

  it('changes nothing on a healthy board', () => {
    const doc = boardWith(() => undefined);
    const before = Y.encodeStateAsUpdate(doc);
    expect(openBoardDoc(doc, DEFAULTS)).toEqual({ repaired: [], migration: expect.objectContaining({ applied: [] }) });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
