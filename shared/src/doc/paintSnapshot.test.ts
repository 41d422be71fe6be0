import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardPaintSnapshot, readPaintSnapshot } from './paintSnapshot';
import { createRecord } from './records';
import { updateMeta } from './meta';

describe('paint snapshots', () => {
  it('hold every non-empty collection and the settings, as the document reads them', () => {
    const doc = new Y.Doc();
    const note = createRecord(doc, 'canvasItems', { kind: 'sticky', text: 'Hello', x: 1, y: 2 });
    const person = createRecord(doc, 'stakeholders', { name: 'Youth council' });
    updateMeta(doc, { title: 'Our partnership' });
    const paint = boardPaintSnapshot(doc);
    expect(Object.keys(paint.collections).sort()).toEqual(['canvasItems', 'stakeholders']);
    expect(paint.collections.canvasItems?.[note.id]).toEqual((doc.getMap('canvasItems').get(note.id) as Y.Map<unknown>).toJSON());
    expect(paint.collections.stakeholders?.[person.id]).toMatchObject({ name: 'Youth council' });
    expect(paint.meta).toMatchObject({ title: 'Our partnership' });
    // What travels is what is read back.
    expect(readPaintSnapshot(JSON.parse(JSON.stringify(paint)))).toEqual(paint);
  });

  it('read back only known collections of object records, whatever the JSON holds', () => {
    expect(readPaintSnapshot(null)).toEqual({ collections: {}, meta: {} });
    expect(readPaintSnapshot([1, 2])).toEqual({ collections: {}, meta: {} });
    expect(readPaintSnapshot({ collections: 'x', meta: 3 })).toEqual({ collections: {}, meta: {} });
    const read = readPaintSnapshot(
      JSON.parse('{"collections":{"canvasItems":{"a":{"text":"ok"},"b":"no","c":null,"d":[1],"__proto__":{"text":"kept as a key"}},"notACollection":{"x":{}},"stakeholders":[]},"meta":[]}'),
    );
    expect(Object.keys(read.collections)).toEqual(['canvasItems']);
    expect(Object.keys(read.collections.canvasItems!)).toEqual(['a', '__proto__']);
    expect(read.collections.canvasItems!['__proto__']).toEqual({ text: 'kept as a key' });
    expect(Object.getPrototypeOf(read.collections.canvasItems)).toBeNull();
    expect(read.meta).toEqual({});
    // A collection of records only is used as parsed.
    const parsed = JSON.parse('{"collections":{"stakeholders":{"s1":{"name":"A"},"constructor":{"name":"B"}}}}') as { collections: { stakeholders: object } };
    const same = readPaintSnapshot(parsed);
    expect(same.collections.stakeholders).toBe(parsed.collections.stakeholders);
    expect(Object.keys(same.collections.stakeholders!)).toEqual(['s1', 'constructor']);
  });
});
