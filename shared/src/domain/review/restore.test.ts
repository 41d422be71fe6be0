import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, deleteRecord, updateRecord } from '../../doc/records';
import { updateMeta } from '../../doc/meta';
import { exportJson } from '../../export/tables';
import { COLLECTION_NAMES } from '../../schema';
import { agreementFragment, checkAgreementFragment } from '../../doc/agreement';
import { agreementTexts } from './agreement';
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

describe('replaceBoardContent and the agreement', () => {
  function paragraphs(doc: Y.Doc, section: 'vision' | 'roles', ...texts: string[]): void {
    const fragment = agreementFragment(doc, section);
    if (fragment.length > 0) fragment.delete(0, fragment.length);
    fragment.insert(
      0,
      texts.map((text) => {
        const p = new Y.XmlElement('paragraph');
        const t = new Y.XmlText();
        p.insert(0, [t]);
        t.insert(0, text, text.startsWith('!') ? { strong: {} } : {});
        return p;
      }),
    );
  }

  it('puts back the review point agreement, marks included, and a replica follows', () => {
    const live = new Y.Doc();
    paragraphs(live, 'vision', 'Nobody hungry', '!Together');
    const point = copy(live);
    const replica = copy(live);
    paragraphs(live, 'vision', 'Nobody cold');
    paragraphs(live, 'roles', 'Ana chairs');
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(live));
    expect(agreementTexts(live)).toMatchObject({ vision: 'Nobody cold', roles: 'Ana chairs' });

    const updates: Uint8Array[] = [];
    live.on('update', (u: Uint8Array) => updates.push(u));
    const touched = replaceBoardContent(live, point);
    expect(touched).toBe(2);
    expect(updates).toHaveLength(1);
    expect(agreementTexts(live)).toEqual(agreementTexts(point));
    expect(agreementTexts(live)).toMatchObject({ vision: 'Nobody hungry\n\n**!Together**', roles: '' });
    Y.applyUpdate(replica, updates[0]!);
    expect(agreementTexts(replica)).toEqual(agreementTexts(point));
    expect(checkAgreementFragment(agreementFragment(live, 'vision'))).toBeNull();
    // Nothing left to do the second time.
    expect(replaceBoardContent(live, point)).toBe(0);
  });
});
