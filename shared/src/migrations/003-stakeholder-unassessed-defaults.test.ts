import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, getCollection, readRecord } from '../doc/records';
import { migrateBoardDoc } from './index';
import { stakeholderUnassessedDefaults } from './003-stakeholder-unassessed-defaults';
import { getMetaMap } from '../doc/meta';

/** A stakeholder as a board written before "not assessed" stored it: only what differed from the old defaults. */
function oldStakeholder(doc: Y.Doc, id: string, fields: Record<string, unknown>): void {
  const map = new Y.Map<unknown>();
  map.set('id', id);
  map.set('name', id);
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  getCollection(doc, 'stakeholders').set(id, map);
}

function boardAtVersion2(): Y.Doc {
  const doc = new Y.Doc();
  getMetaMap(doc).set('schemaVersion', 2);
  return doc;
}

describe('stakeholderUnassessedDefaults', () => {
  it('writes the old defaults a record relied on, so it shows what it showed before', () => {
    const doc = boardAtVersion2();
    oldStakeholder(doc, 'council', { power: 4, interest: 4, attitude: 0 });
    expect(migrateBoardDoc(doc).applied).toEqual(['stakeholderUnassessedDefaults', 'healthChecklist']);
    expect(readRecord(doc, 'stakeholders', 'council')!.record).toMatchObject({
      sector: 'third',
      ring: 'wider',
      attitude: 0,
      saliencePower: false,
      salienceLegitimacy: false,
    });
  });

  it('keeps values a record already held', () => {
    const doc = boardAtVersion2();
    oldStakeholder(doc, 'press', { sector: 'private', ring: 'core', attitude: -2, saliencePower: true, salienceLegitimacy: true });
    migrateBoardDoc(doc);
    expect(readRecord(doc, 'stakeholders', 'press')!.record).toMatchObject({ sector: 'private', ring: 'core', attitude: -2, saliencePower: true, salienceLegitimacy: true });
  });

  it('leaves a new record (made after the change) not assessed', () => {
    const doc = new Y.Doc();
    migrateBoardDoc(doc);
    const created = createRecord(doc, 'stakeholders', { name: 'Youth Forum' });
    expect(created).toMatchObject({ sector: null, ring: null, attitude: null, saliencePower: null, salienceLegitimacy: null });
    expect(migrateBoardDoc(doc).applied).toEqual([]);
    expect(readRecord(doc, 'stakeholders', created.id)!.record).toMatchObject({ sector: null, ring: null, attitude: null });
  });

  it('is defensive: skips entries that are not record maps, and a collection of another type', () => {
    const doc = boardAtVersion2();
    (getCollection(doc, 'stakeholders') as Y.Map<unknown>).set('junk', 'not a map');
    oldStakeholder(doc, 'ok', {});
    expect(() => migrateBoardDoc(doc)).not.toThrow();
    expect(getCollection(doc, 'stakeholders').get('junk')).toBe('not a map');
    expect(getCollection(doc, 'stakeholders').get('ok')!.get('sector')).toBe('third');

    const wrongType = new Y.Doc();
    wrongType.getArray('stakeholders').push(['x']);
    expect(() => stakeholderUnassessedDefaults.up(wrongType, () => undefined)).not.toThrow();
  });

  it('is idempotent and two replicas migrating at once converge', () => {
    const base = boardAtVersion2();
    oldStakeholder(base, 'a', { ring: 'direct' });
    const one = new Y.Doc();
    const two = new Y.Doc();
    Y.applyUpdate(one, Y.encodeStateAsUpdate(base));
    Y.applyUpdate(two, Y.encodeStateAsUpdate(base));
    stakeholderUnassessedDefaults.up(one, () => undefined);
    stakeholderUnassessedDefaults.up(one, () => undefined);
    stakeholderUnassessedDefaults.up(two, () => undefined);
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    expect(one.getMap('stakeholders').toJSON()).toEqual(two.getMap('stakeholders').toJSON());
    expect(readRecord(one, 'stakeholders', 'a')!.record).toMatchObject({ ring: 'direct', sector: 'third', attitude: 0 });
  });

  it('a record holding only the outside-tool contract fields is valid', () => {
    const doc = new Y.Doc();
    migrateBoardDoc(doc);
    const map = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ id: 'ext', name: 'Library', organisation: 'Council', power: 3, interest: 1, attitude: 2 })) map.set(k, v);
    getCollection(doc, 'stakeholders').set('ext', map);
    const read = readRecord(doc, 'stakeholders', 'ext')!;
    expect(read.valid).toBe(true);
    expect(read.record).toMatchObject({ attitude: 2, sector: null, ring: null });
  });
});
