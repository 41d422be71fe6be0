import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord } from '@pc/shared';
import { describeRecord, pickTarget, pinPoint } from './anchors';

describe('comment anchors', () => {
  it('picks the smallest record under the point, none on open canvas', () => {
    const frame = { id: 'frame', rect: { x: 0, y: 0, width: 500, height: 500 } };
    const card = { id: 'card', rect: { x: 100, y: 100, width: 50, height: 50 } };
    expect(pickTarget({ x: 120, y: 120 }, [frame, card])).toBe('card');
    expect(pickTarget({ x: 400, y: 400 }, [frame, card])).toBe('frame');
    expect(pickTarget({ x: 900, y: 900 }, [frame, card])).toBeNull();
  });

  it('pins at the top-right corner of the record', () => {
    expect(pinPoint({ x: 10, y: 20, width: 100, height: 50 })).toEqual({ x: 106, y: 24 });
  });

  it('names the record a thread is about', () => {
    const doc = new Y.Doc();
    createRecord(doc, 'stakeholders', { id: 's1', name: 'Food bank', organisation: '', power: 1, interest: 1, attitude: 0 });
    createRecord(doc, 'canvasItems', { id: 'n1', kind: 'sticky', text: '', x: 0, y: 0 });
    expect(describeRecord(doc, 's1')).toBe('Food bank (stakeholder)');
    expect(describeRecord(doc, 'n1')).toBe('a note');
    expect(describeRecord(doc, 'gone')).toBeNull();
  });
});
