import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS, migrateBoardDoc } from './index';
import { FutureSchemaError, migrateDoc, schemaVersionOf, type Migration } from './runner';
import { getMetaMap } from '../doc/meta';
import { getCollection, listRecords } from '../doc/records';

/** A board as a version-0 client wrote it: no meta, canvas items without order keys. */
function legacyBoard(): Y.Doc {
  const doc = new Y.Doc();
  const items = getCollection(doc, 'canvasItems');
  const add = (id: string, x: number, y: number, order?: string) => {
    const map = new Y.Map<unknown>();
    map.set('id', id);
    map.set('kind', 'sticky');
    map.set('x', x);
    map.set('y', y);
    if (order) map.set('order', order);
    items.set(id, map);
  };
  add('low-right', 300, 100);
  add('top', 0, 0);
  add('low-left', 0, 100);
  add('kept', 50, 50, 'a5');
  return doc;
}

describe('migration runner', () => {
  it('brings a legacy board to the current version', () => {
    const doc = legacyBoard();
    const result = migrateBoardDoc(doc);
    expect(result).toEqual({ from: 0, to: CURRENT_SCHEMA_VERSION, applied: MIGRATIONS.map((m) => m.name), skipped: [] });
    expect(schemaVersionOf(doc)).toBe(CURRENT_SCHEMA_VERSION);
    expect(getMetaMap(doc).toJSON()).toMatchObject({ title: '', createdAt: 0, logicTemplate: null });
  });

  it('canvasItemOrder gives distinct keys in reading order above existing ones', () => {
    const doc = legacyBoard();
    migrateBoardDoc(doc);
    const ordered = listRecords(doc, 'canvasItems')
      .map((r) => r.record)
      .sort((a, b) => (a.order < b.order ? -1 : 1))
      .map((r) => r.id);
    expect(ordered).toEqual(['kept', 'top', 'low-left', 'low-right']);
    expect(listRecords(doc, 'canvasItems').every((r) => r.valid)).toBe(true);
  });

  it('is a no-op on a current board and idempotent', () => {
    const doc = legacyBoard();
    migrateBoardDoc(doc);
    const before = Y.encodeStateAsUpdate(doc);
    expect(migrateBoardDoc(doc).applied).toEqual([]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('two replicas migrating concurrently converge', () => {
    const base = legacyBoard();
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(base));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(base));
    migrateBoardDoc(a);
    migrateBoardDoc(b);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getMap('canvasItems').toJSON()).toEqual(b.getMap('canvasItems').toJSON());
    expect(schemaVersionOf(a)).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('refuses a document from a newer version', () => {
    const doc = new Y.Doc();
    getMetaMap(doc).set('schemaVersion', CURRENT_SCHEMA_VERSION + 1);
    expect(() => migrateBoardDoc(doc)).toThrow(FutureSchemaError);
  });

  it('refuses a migration list with a gap', () => {
    const broken: Migration[] = [{ version: 2, name: 'skips', up: () => undefined }];
    expect(() => migrateDoc(new Y.Doc(), broken)).toThrow(/expected 1/);
  });

  it('runs only the pending steps, in order, in one transaction', () => {
    const calls: string[] = [];
    const steps: Migration[] = [
      { version: 1, name: 'one', up: () => calls.push('one') },
      { version: 2, name: 'two', up: () => calls.push('two') },
    ];
    const doc = new Y.Doc();
    getMetaMap(doc).set('schemaVersion', 1);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(migrateDoc(doc, steps).applied).toEqual(['two']);
    expect(calls).toEqual(['two']);
    expect(transactions).toBe(1);
  });
});

describe('migrations on bad content', () => {
  it('canvasItemOrder skips a value that is not a map and reports it', () => {
    const doc = legacyBoard();
    (getCollection(doc, 'canvasItems') as unknown as Y.Map<unknown>).set('broken', new Y.Array());
    const result = migrateBoardDoc(doc);
    expect(result.skipped).toEqual(['canvasItemOrder: canvasItems/broken: not a record map, skipped']);
    expect(result.to).toBe(CURRENT_SCHEMA_VERSION);
  });
});
