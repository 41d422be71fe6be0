import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, getCollection } from './records';
import { updateMeta } from './meta';
import { inspectBoardDoc } from './inspect';

function copy(doc: Y.Doc): Y.Doc {
  // Through an update, as a restored file arrives: the roots are untyped until read.
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
  return fresh;
}

describe('inspectBoardDoc', () => {
  it('finds nothing wrong in a board written through the accessors', () => {
    const doc = new Y.Doc();
    updateMeta(doc, { title: 'Riverside', schemaVersion: 2 });
    createRecord(doc, 'stakeholders', { name: 'Council', organisation: 'City', power: 3, interest: 4, attitude: 1 });
    createRecord(doc, 'canvasItems', { kind: 'sticky', text: 'hello', x: 1, y: 2 });
    expect(inspectBoardDoc(copy(doc))).toEqual([]);
    expect(inspectBoardDoc(copy(new Y.Doc()))).toEqual([]);
  });

  it('names unknown collections, non-map roots and non-map records', () => {
    const doc = new Y.Doc();
    doc.getMap('secrets').set('x', 1);
    doc.getArray('stakeholders').push([1]);
    const items = new Y.Map<unknown>();
    doc.getMap('canvasItems').set('a', 'not a map');
    doc.getMap('partners').set('p', items);
    items.set('id', 'other');
    const problems = inspectBoardDoc(copy(doc));
    expect(problems).toContain('unknown top-level collection "secrets"');
    expect(problems).toContain('"stakeholders" is not a map');
    expect(problems).toContain('canvasItems/a: a record must be a map');
    expect(problems).toContain('partners/p: id must equal its key');
  });

  it('checks every field against the schema, and meta too', () => {
    const doc = new Y.Doc();
    const stakeholder = createRecord(doc, 'stakeholders', { name: 'Council', organisation: '', power: 1, interest: 1, attitude: 0 });
    getCollection(doc, 'stakeholders').get(stakeholder.id)!.set('power', 'banana');
    doc.getMap('meta').set('schemaVersion', 'x');
    const problems = inspectBoardDoc(copy(doc));
    expect(problems.some((p) => p.startsWith(`stakeholders/${stakeholder.id}: power`))).toBe(true);
    expect(problems.some((p) => p.startsWith('meta.schemaVersion'))).toBe(true);
  });

  it('lists at most 20 problems', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 50; i++) doc.getMap('canvasItems').set(`n${i}`, i);
    expect(inspectBoardDoc(copy(doc))).toHaveLength(20);
  });

  it('accepts the agreement as rich text and names a section that breaks its format', () => {
    const good = new Y.Doc();
    const p = new Y.XmlElement('paragraph');
    good.getXmlFragment('agreement.vision').insert(0, [p]);
    const text = new Y.XmlText();
    p.insert(0, [text]);
    text.insert(0, 'Together', { strong: {} });
    expect(inspectBoardDoc(copy(good))).toEqual([]);
    const bad = new Y.Doc();
    bad.getXmlFragment('agreement.exit').insert(0, [new Y.XmlElement('iframe')]);
    bad.getArray('agreement.roles').push(['plain']);
    const problems = inspectBoardDoc(copy(bad));
    expect(problems).toContain('agreement.exit: "iframe" is not part of the agreement');
    expect(problems).toContain('agreement.roles: holds content that is not text or a paragraph');
  });
});
