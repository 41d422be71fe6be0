import { describe, expect, it } from 'vitest';
import { validateRecord, type CanvasItem } from '@pc/shared';
import { reorderKeys, boundsOfItems, compareReadingOrder, describeItem, freeSpotNear, itemsForView, topItemAt } from './items';

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
    expect(describeItem(item({ id: 'f', kind: 'frame', text: '' }))).toBe('Untitled frame');
    const names: Record<string, string> = { a: 'Funders', s: 'Youth Forum' };
    const nameOf = (id: string) => names[id] ?? null;
    expect(describeItem(item({ id: 'c', kind: 'connector', fromId: 'a', toId: 's', text: 'funds' }), nameOf)).toBe('Funders → Youth Forum: funds');
    expect(describeItem(item({ id: 'c', kind: 'connector', fromId: 'a', toId: 'gone' }), nameOf)).toBe('Funders → (removed)');
  });

  it('fans new notes out instead of stacking them', () => {
    const size = { width: 180, height: 120 };
    const first = freeSpotNear({ x: 0, y: 0 }, [], size);
    expect(first).toEqual({ x: 0, y: 0 });
    const taken = [item({ id: 'a', x: -90, y: -60 })];
    expect(freeSpotNear({ x: 0, y: 0 }, taken, size)).toEqual({ x: 24, y: 24 });
  });
});

describe('reorderKeys', () => {
  const tab = [
    { id: 'a', order: 'a1' },
    { id: 'b', order: 'a2' },
    { id: 'c', order: 'a3' },
    { id: 'd', order: 'a4' },
  ];
  const after = (selected: string[], move: Parameters<typeof reorderKeys>[2], items = tab) => {
    const keys = reorderKeys(items, new Set(selected), move);
    return items
      .map((i) => ({ id: i.id, order: keys.get(i.id) ?? i.order }))
      .sort((x, y) => (x.order < y.order ? -1 : x.order > y.order ? 1 : x.id < y.id ? -1 : 1))
      .map((i) => i.id)
      .join('');
  };

  it('brings to front and sends to back keeping the selection in its order', () => {
    expect(after(['a', 'c'], 'front')).toBe('bdac');
    expect(after(['b', 'd'], 'back')).toBe('bdac');
  });

  it('forward and backward move one step past the next unselected item', () => {
    expect(after(['b'], 'forward')).toBe('acbd');
    expect(after(['a', 'b'], 'forward')).toBe('cabd');
    expect(after(['c'], 'backward')).toBe('acbd');
  });

  it('changes only the selected items, and nothing when already in place', () => {
    expect([...reorderKeys(tab, new Set(['b']), 'forward').keys()]).toEqual(['b']);
    expect(reorderKeys(tab, new Set(['d']), 'front').size).toBe(0);
    expect(reorderKeys(tab, new Set(['a']), 'backward').size).toBe(0);
  });

  it('renumbers a tab whose keys are tied (records written by other tools)', () => {
    const tied = [
      { id: 'a', order: 'a0' },
      { id: 'b', order: 'a0' },
      { id: 'c', order: 'a0' },
    ];
    expect(after(['a'], 'forward', tied)).toBe('bac');
  });
});
