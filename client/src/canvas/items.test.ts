import { describe, expect, it } from 'vitest';
import { validateRecord, type CanvasItem } from '@pc/shared';
import { boundsOfItems, compareReadingOrder, describeItem, freeSpotNear, itemsForView, topItemAt } from './items';

const item = (over: Partial<CanvasItem> & { id: string }): CanvasItem =>
  validateRecord('canvasItems', { kind: 'sticky', ...over });

describe('canvas items', () => {
  it('filters by tab and sorts by z-order, ids breaking ties', () => {
    const items = [
      item({ id: 'c', order: 'a2' }),
      item({ id: 'b', order: 'a1' }),
      item({ id: 'a', order: 'a1' }),
      item({ id: 'x', order: 'a0', view: 'logic-model' }),
    ];
    expect(itemsForView(items, 'stakeholder-map').map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(itemsForView(items, 'logic-model').map((i) => i.id)).toEqual(['x']);
  });

  it('finds the topmost item at a point', () => {
    const items = [item({ id: 'low', order: 'a0' }), item({ id: 'high', order: 'a1', x: 50 })];
    expect(topItemAt(items, 60, 10)?.id).toBe('high');
    expect(topItemAt(items, 10, 10)?.id).toBe('low');
    expect(topItemAt(items, -10, 10)).toBeUndefined();
  });

  it('orders the accessible list top-to-bottom, left-to-right', () => {
    const items = [item({ id: 'b', x: 0, y: 100 }), item({ id: 'a2', x: 300, y: 0 }), item({ id: 'a1', x: 0, y: 0 })];
    expect([...items].sort(compareReadingOrder).map((i) => i.id)).toEqual(['a1', 'a2', 'b']);
  });

  it('bounds and descriptions', () => {
    expect(boundsOfItems([item({ id: 'a', x: 10, y: 20, width: 100, height: 50 })])).toEqual({ x: 10, y: 20, width: 100, height: 50 });
    expect(describeItem(item({ id: 'a', text: '  ' }))).toBe('Empty note');
    expect(describeItem(item({ id: 'a', text: ' Funders ' }))).toBe('Funders');
  });

  it('fans new notes out instead of stacking them', () => {
    const size = { width: 180, height: 120 };
    const first = freeSpotNear({ x: 0, y: 0 }, [], size);
    expect(first).toEqual({ x: 0, y: 0 });
    const taken = [item({ id: 'a', x: -90, y: -60 })];
    expect(freeSpotNear({ x: 0, y: 0 }, taken, size)).toEqual({ x: 24, y: 24 });
  });
});
