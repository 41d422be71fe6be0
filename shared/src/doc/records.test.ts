import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  countRecords,
  createRecord,
  deleteRecord,
  getCollection,
  listRecords,
  readRecord,
  RecordValidationError,
  updateRecord,
} from './records';
import { createMissingCells, deleteLogicNode, deletePartner } from './cascade';
import { getMetaMap, readMeta, updateMeta } from './meta';
import { orderKeyAfter, orderKeyBetween } from './order';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('typed accessors', () => {
  it('create writes one Y.Map per record with id equal to its key', () => {
    const doc = new Y.Doc();
    const note = createRecord(doc, 'canvasItems', { kind: 'sticky', text: 'Hello', x: 10, y: 20 });
    const map = getCollection(doc, 'canvasItems').get(note.id);
    expect(map).toBeInstanceOf(Y.Map);
    expect(map?.get('id')).toBe(note.id);
    expect(map?.get('text')).toBe('Hello');
    expect(readRecord(doc, 'canvasItems', note.id)).toEqual({ record: note, valid: true, problems: [] });
  });

  it('create stores the contract fields and what differs from a default, and reads back the whole record', () => {
    const doc = new Y.Doc();
    const created = createRecord(doc, 'stakeholders', { name: 'Food bank', ring: 'core', ownerPartnerIds: [], notes: '' });
    const map = getCollection(doc, 'stakeholders').get(created.id)!;
    expect([...map.keys()].sort()).toEqual(['attitude', 'id', 'interest', 'name', 'organisation', 'power', 'ring']);
    expect(readRecord(doc, 'stakeholders', created.id)).toEqual({ record: created, valid: true, problems: [] });
    expect(created).toMatchObject({ sector: 'third', engagementTarget: 'supportive', ownerPartnerIds: [], partnerId: null, placed: true });

    const card = createRecord(doc, 'logicNodes', { column: 'activities', text: 'Drop-in sessions', supportingPartnerIds: ['p1'] });
    const cardMap = getCollection(doc, 'logicNodes').get(card.id)!;
    expect([...cardMap.keys()].sort()).toEqual(['column', 'id', 'indicators', 'leadPartnerId', 'order', 'supportingPartnerIds', 'text']);
    expect(cardMap.get('leadPartnerId')).toBeNull();
    expect(cardMap.get('order')).toBe('a0');
  });

  it('an update back to a default value is stored, and wins over an older edit', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const created = createRecord(a, 'stakeholders', { name: 'Council', ring: 'core' });
    sync(a, b);
    updateRecord(a, 'stakeholders', created.id, { ring: 'wider', sector: 'public' });
    sync(a, b);
    updateRecord(b, 'stakeholders', created.id, { sector: 'third' });
    sync(a, b);
    expect(getCollection(a, 'stakeholders').get(created.id)!.get('ring')).toBe('wider');
    expect(readRecord(a, 'stakeholders', created.id)!.record).toMatchObject({ ring: 'wider', sector: 'third' });
    expect(readRecord(b, 'stakeholders', created.id)!.record).toMatchObject({ ring: 'wider', sector: 'third' });
  });

  it('create refuses an invalid record and writes nothing', () => {
    const doc = new Y.Doc();
    expect(() => createRecord(doc, 'stakeholders', { name: 'A', power: 9 })).toThrow(RecordValidationError);
    expect(getCollection(doc, 'stakeholders').size).toBe(0);
  });

  it('update validates each field and names the bad one', () => {
    const doc = new Y.Doc();
    const s = createRecord(doc, 'stakeholders', { name: 'Library' });
    expect(() => updateRecord(doc, 'stakeholders', s.id, { power: 5 })).toThrow(/power/);
    expect(() => updateRecord(doc, 'stakeholders', 'nope', { power: 1 })).toThrow(/no record/);
    updateRecord(doc, 'stakeholders', s.id, { power: 4, interest: 1 });
    expect(readRecord(doc, 'stakeholders', s.id)?.record).toMatchObject({ power: 4, interest: 1 });
  });

  it('concurrent edits to different fields of one record both survive', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const s = createRecord(a, 'stakeholders', { name: 'Police' });
    sync(a, b);
    updateRecord(a, 'stakeholders', s.id, { power: 4 });
    updateRecord(b, 'stakeholders', s.id, { attitude: -2 });
    sync(a, b);
    for (const doc of [a, b]) expect(readRecord(doc, 'stakeholders', s.id)?.record).toMatchObject({ power: 4, attitude: -2 });
  });

  it('readers never trust the doc: bad fields are defaulted and flagged', () => {
    const doc = new Y.Doc();
    const raw = new Y.Map<unknown>();
    raw.set('name', 42);
    raw.set('power', 'lots');
    raw.set('interest', 3);
    getCollection(doc, 'stakeholders').set('s1', raw);
    const read = readRecord(doc, 'stakeholders', 's1');
    expect(read?.valid).toBe(false);
    expect(read?.record).toMatchObject({ id: 's1', name: '', power: 2, interest: 3, ring: 'wider' });
    expect(read?.problems.join()).toMatch(/name/);
    expect(read?.problems.join()).toMatch(/power/);
  });

  it('a non-map value in a collection reads as a flagged default record', () => {
    const doc = new Y.Doc();
    (getCollection(doc, 'canvasItems') as unknown as Y.Map<unknown>).set('x1', 'garbage');
    const [read] = listRecords(doc, 'canvasItems');
    expect(read?.valid).toBe(false);
    expect(read?.record).toMatchObject({ id: 'x1', kind: 'sticky', text: '' });
  });

  it('delete and count', () => {
    const doc = new Y.Doc();
    const note = createRecord(doc, 'canvasItems', { kind: 'sticky' });
    updateRecord(doc, 'canvasItems', note.id, { x: 5 });
    expect(countRecords(doc).canvasItems).toBe(1);
    expect(deleteRecord(doc, 'canvasItems', note.id)).toBe(true);
    expect(deleteRecord(doc, 'canvasItems', note.id)).toBe(false);
  });

  it('passes the origin through so per-user undo can track it', () => {
    const doc = new Y.Doc();
    const mine = { user: 'me' };
    const undo = new Y.UndoManager([getCollection(doc, 'canvasItems')], { trackedOrigins: new Set([mine]) });
    createRecord(doc, 'canvasItems', { kind: 'sticky', text: 'theirs' });
    const own = createRecord(doc, 'canvasItems', { kind: 'sticky', text: 'mine' }, mine);
    undo.undo();
    expect(readRecord(doc, 'canvasItems', own.id)).toBeUndefined();
    expect(getCollection(doc, 'canvasItems').size).toBe(1);
  });
});

describe('cascading deletes', () => {
  it('deleting a partner removes its matrix cells and references', () => {
    const doc = new Y.Doc();
    const p = createRecord(doc, 'partners', { name: 'Council', colour: '#112233' });
    const q = createRecord(doc, 'partners', { name: 'Charity', colour: '#445566' });
    const row = createRecord(doc, 'matrixRows', { name: 'Venues', category: 'resource' });
    createRecord(doc, 'matrixCells', { id: `${row.id}:${p.id}`, rowId: row.id, partnerId: p.id, level: 3 });
    createRecord(doc, 'matrixCells', { id: `${row.id}:${q.id}`, rowId: row.id, partnerId: q.id, level: 1 });
    const node = createRecord(doc, 'logicNodes', { column: 'activities', leadPartnerId: p.id, supportingPartnerIds: [p.id, q.id] });
    deletePartner(doc, p.id);
    expect(listRecords(doc, 'matrixCells').map((c) => c.record.partnerId)).toEqual([q.id]);
    expect(readRecord(doc, 'logicNodes', node.id)?.record).toMatchObject({ leadPartnerId: null, supportingPartnerIds: [q.id] });
  });

  it('deleting a logic node removes its links', () => {
    const doc = new Y.Doc();
    const a = createRecord(doc, 'logicNodes', { column: 'activities' });
    const b = createRecord(doc, 'logicNodes', { column: 'outputs' });
    const c = createRecord(doc, 'logicNodes', { column: 'shortTermOutcomes' });
    createRecord(doc, 'logicLinks', { from: a.id, to: b.id });
    const kept = createRecord(doc, 'logicLinks', { from: b.id, to: c.id });
    deleteLogicNode(doc, a.id);
    expect(listRecords(doc, 'logicLinks').map((l) => l.record.id)).toEqual([kept.id]);
  });
});

describe('matrix cells created with their row or partner', () => {
  it('creates only the missing cells, with empty values', () => {
    const doc = new Y.Doc();
    const p = createRecord(doc, 'partners', { name: 'Council', colour: '#112233' });
    const q = createRecord(doc, 'partners', { name: 'Charity', colour: '#445566' });
    const row = createRecord(doc, 'matrixRows', { name: 'Venues', category: 'resource' });
    createRecord(doc, 'matrixCells', { id: `${row.id}:${p.id}`, rowId: row.id, partnerId: p.id, level: 3 });
    expect(createMissingCells(doc, { rowIds: [row.id] })).toBe(1);
    expect(readRecord(doc, 'matrixCells', `${row.id}:${p.id}`)?.record.level).toBe(3);
    expect(readRecord(doc, 'matrixCells', `${row.id}:${q.id}`)?.record).toMatchObject({ level: 0, gives: false, receives: false });
    expect(createMissingCells(doc, {})).toBe(0);
  });

  it('lets two people make the first edit of one cell at once without losing either', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const partner = createRecord(a, 'partners', { name: 'Council', colour: '#112233' });
    const row = createRecord(a, 'matrixRows', { name: 'Safeguarding', category: 'skill' });
    createMissingCells(a, { rowIds: [row.id] });
    sync(a, b);
    const id = `${row.id}:${partner.id}`;
    updateRecord(a, 'matrixCells', id, { level: 3 });
    updateRecord(b, 'matrixCells', id, { gives: true });
    sync(a, b);
    for (const doc of [a, b]) expect(readRecord(doc, 'matrixCells', id)?.record).toMatchObject({ level: 3, gives: true });
  });
});

describe('meta and order keys', () => {
  it('meta reads defaults and validates updates', () => {
    const doc = new Y.Doc();
    expect(readMeta(doc).record.title).toBe('');
    updateMeta(doc, { title: 'Healthy Futures' });
    expect(readMeta(doc).record.title).toBe('Healthy Futures');
    expect(() => updateMeta(doc, { schemaVersion: -1 })).toThrow();
  });

  it('meta updates write only the keys given, never defaults for the others', () => {
    const doc = new Y.Doc();
    updateMeta(doc, { title: 'Kept', schemaVersion: 2, createdAt: 5 });
    const writes: string[] = [];
    getMetaMap(doc).observe((event) => writes.push(...event.keysChanged));
    updateMeta(doc, { logicTemplate: 'ess' });
    expect(writes).toEqual(['logicTemplate']);
    expect(readMeta(doc).record).toMatchObject({ title: 'Kept', schemaVersion: 2, createdAt: 5, logicTemplate: 'ess' });
  });

  it('order keys sort between and after existing keys', () => {
    const first = orderKeyAfter([]);
    const second = orderKeyAfter([first]);
    const middle = orderKeyBetween(first, second);
    expect([second, middle, first].sort()).toEqual([first, middle, second]);
    expect(orderKeyAfter(['not a key!!'])).toEqual(expect.any(String));
  });
});
