import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { getCollection, listRecords } from '@pc/shared';
import { CollectionStore } from '../collab/collectionStore';
import { addConnector, addItem, addSticky, bringToFront, moveItem, moveItemsBy, nudgeItem, removeItem, removeItems, resizeItem, setItemColour, setItemText } from './actions';

function setup() {
  const doc = new Y.Doc();
  const mine = { kind: 'me' };
  const theirs = { kind: 'them' };
  const undo = new Y.UndoManager([getCollection(doc, 'canvasItems')], { trackedOrigins: new Set([mine]), captureTimeout: 0 });
  return { doc, mine, theirs, undo };
}

describe('sticky note actions', () => {
  it('creates a note centred on a point, on top of the others', () => {
    const { doc, mine } = setup();
    const a = addSticky({ doc: doc, localOrigin: mine }, { view: 'logic-model', centre: { x: 0, y: 0 } });
    const b = addSticky({ doc: doc, localOrigin: mine }, { view: 'logic-model', centre: { x: 100, y: 100 } });
    expect(a).toMatchObject({ kind: 'sticky', x: -90, y: -60, width: 180, height: 120, view: 'logic-model' });
    expect(b.order > a.order).toBe(true);
    bringToFront({ doc: doc, localOrigin: mine }, a.id);
    const records = listRecords(doc, 'canvasItems').map((r) => r.record);
    const orderOf = (id: string) => records.find((r) => r.id === id)!.order;
    expect(orderOf(a.id) > orderOf(b.id)).toBe(true);
  });

  it('moves, nudges, recolours, edits and deletes', () => {
    const { doc, mine } = setup();
    const a = addSticky({ doc: doc, localOrigin: mine }, { view: 'stakeholder-map', centre: { x: 90, y: 60 } });
    moveItem({ doc: doc, localOrigin: mine }, a.id, { x: 10.4, y: 20.6 });
    setItemText({ doc: doc, localOrigin: mine }, a.id, 'Local council');
    setItemColour({ doc: doc, localOrigin: mine }, a.id, '#bbf7d0');
    const store = new CollectionStore(doc, 'canvasItems');
    const moved = store.get(a.id)!;
    expect(moved).toMatchObject({ x: 10, y: 21, text: 'Local council', colour: '#bbf7d0' });
    nudgeItem({ doc: doc, localOrigin: mine }, moved, 1, -1);
    expect(store.get(a.id)).toMatchObject({ x: 20, y: 11 });
    removeItem({ doc: doc, localOrigin: mine }, a.id);
    expect(store.get(a.id)).toBeUndefined();
    // Editing a note someone else deleted is a quiet no-op.
    expect(() => moveItem({ doc: doc, localOrigin: mine }, a.id, { x: 0, y: 0 })).not.toThrow();
  });

  it('undo only reverts my own changes', () => {
    const { doc, mine, theirs, undo } = setup();
    const a = addSticky({ doc: doc, localOrigin: mine }, { view: 'stakeholder-map', centre: { x: 0, y: 0 } });
    const b = addSticky({ doc: doc, localOrigin: theirs }, { view: 'stakeholder-map', centre: { x: 0, y: 0 } });
    setItemText({ doc: doc, localOrigin: theirs }, a.id, 'their text');
    moveItem({ doc: doc, localOrigin: mine }, a.id, { x: 500, y: 500 });
    undo.undo();
    const store = new CollectionStore(doc, 'canvasItems');
    expect(store.get(a.id)).toMatchObject({ x: -90, y: -60, text: 'their text' });
    undo.undo();
    expect(store.get(a.id)).toBeUndefined();
    expect(store.get(b.id)).toBeDefined();
    undo.redo();
    expect(store.get(a.id)).toBeDefined();
  });
});

describe('free items', () => {
  it('a frame goes under everything, text and notes on top', () => {
    const { doc, mine } = setup();
    const t = { doc, localOrigin: mine };
    const note = addSticky(t, { view: 'logic-model', centre: { x: 0, y: 0 } });
    const frame = addItem(t, { kind: 'frame', view: 'logic-model', centre: { x: 0, y: 0 } });
    const text = addItem(t, { kind: 'text', view: 'logic-model', centre: { x: 0, y: 0 } });
    expect(frame.order < note.order).toBe(true);
    expect(text.order > note.order).toBe(true);
    expect(frame).toMatchObject({ kind: 'frame', text: 'Frame', width: 560 });
  });

  it('a group move is one undo step that leaves someone else\'s edit alone', () => {
    const { doc, mine, theirs, undo } = setup();
    const t = { doc, localOrigin: mine };
    const a = addSticky(t, { view: 'logic-model', centre: { x: 0, y: 0 } });
    const b = addSticky(t, { view: 'logic-model', centre: { x: 300, y: 0 } });
    undo.stopCapturing();
    moveItemsBy(t, [a, b], 50, 70);
    setItemText({ doc, localOrigin: theirs }, b.id, 'theirs');
    const store = new CollectionStore(doc, 'canvasItems');
    expect(store.get(a.id)).toMatchObject({ x: a.x + 50, y: a.y + 70 });
    undo.undo();
    expect(store.get(a.id)).toMatchObject({ x: a.x, y: a.y });
    expect(store.get(b.id)).toMatchObject({ x: b.x, y: b.y, text: 'theirs' });
  });

  it('resizing keeps a note usable', () => {
    const { doc, mine } = setup();
    const t = { doc, localOrigin: mine };
    const a = addSticky(t, { view: 'logic-model', centre: { x: 0, y: 0 } });
    resizeItem(t, a.id, { width: 2, height: Number.NaN });
    expect(new CollectionStore(doc, 'canvasItems').get(a.id)).toMatchObject({ width: 60, height: 40 });
  });

  it('connectors: no loops or twins, and deleting an end deletes them in the same undo step', () => {
    const { doc, mine, undo } = setup();
    const t = { doc, localOrigin: mine };
    const a = addSticky(t, { view: 'logic-model', centre: { x: 0, y: 0 } });
    const b = addSticky(t, { view: 'logic-model', centre: { x: 300, y: 0 } });
    expect(addConnector(t, { view: 'logic-model', fromId: a.id, toId: a.id })).toBeNull();
    const link = addConnector(t, { view: 'logic-model', fromId: a.id, toId: b.id })!;
    const toRecord = addConnector(t, { view: 'logic-model', fromId: b.id, toId: 'stakeholder-1' })!;
    expect(addConnector(t, { view: 'logic-model', fromId: a.id, toId: b.id })).toBeNull();
    undo.stopCapturing();
    removeItems(t, [a.id]);
    const store = new CollectionStore(doc, 'canvasItems');
    expect(store.get(link.id)).toBeUndefined();
    expect(store.get(toRecord.id)).toBeDefined();
    undo.undo();
    expect(store.get(a.id)).toBeDefined();
    expect(store.get(link.id)).toBeDefined();
  });
});

describe('collection store', () => {
  it('re-reads only touched records and keeps the others identical', () => {
    const doc = new Y.Doc();
    const a = addSticky({ doc: doc, localOrigin: null }, { view: 'stakeholder-map', centre: { x: 0, y: 0 } });
    const b = addSticky({ doc: doc, localOrigin: null }, { view: 'stakeholder-map', centre: { x: 0, y: 0 } });
    const store = new CollectionStore(doc, 'canvasItems');
    let notified = 0;
    store.subscribe(() => notified++);
    const before = store.getSnapshot();
    const bBefore = store.get(b.id);
    moveItem({ doc: doc, localOrigin: null }, a.id, { x: 1, y: 2 });
    const after = store.getSnapshot();
    expect(notified).toBe(1);
    expect(after).not.toBe(before);
    expect(store.get(b.id)).toBe(bBefore);
    expect(store.get(a.id)).toMatchObject({ x: 1, y: 2 });
    expect(after).toHaveLength(2);
    store.destroy();
  });

  it('shows invalid records with defaults and flags them', () => {
    const doc = new Y.Doc();
    const bad = new Y.Map<unknown>();
    bad.set('id', 'bad1');
    bad.set('kind', 'sticky');
    bad.set('x', 'not a number');
    getCollection(doc, 'canvasItems').set('bad1', bad);
    const store = new CollectionStore(doc, 'canvasItems');
    expect(store.get('bad1')).toMatchObject({ x: 0, kind: 'sticky' });
    expect(store.isInvalid('bad1')).toBe(true);
    expect(store.invalidCount).toBe(1);
    // Someone fixes the field: the flag goes away.
    bad.set('x', 40);
    expect(store.isInvalid('bad1')).toBe(false);
    expect(store.invalidCount).toBe(0);
  });
});
