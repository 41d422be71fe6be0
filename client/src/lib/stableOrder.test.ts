import { describe, expect, it } from 'vitest';
import { stableOrder } from './stableOrder';

interface Item {
  id: string;
  name: string;
}
const byName = (a: Item, b: Item) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
const order = (items: Item[], previous: string[] | null) => stableOrder(items, previous, (i) => i.id, byName).map((i) => i.name);

describe('stableOrder', () => {
  const items = [
    { id: 'c', name: 'Carers group' },
    { id: 'a', name: 'Alba Trust' },
    { id: 'b', name: 'Bridge Council' },
  ];

  it('sorts the first time', () => {
    expect(order(items, null)).toEqual(['Alba Trust', 'Bridge Council', 'Carers group']);
    expect(order(items, [])).toEqual(['Alba Trust', 'Bridge Council', 'Carers group']);
  });

  it('appends new items instead of sorting them in', () => {
    const next = [...items, { id: 'z', name: 'Youth forum' }, { id: 'y', name: 'Able Sports' }];
    expect(order(next, ['a', 'b', 'c'])).toEqual(['Alba Trust', 'Bridge Council', 'Carers group', 'Able Sports', 'Youth forum']);
  });

  it('keeps a renamed item in its place and drops items that left', () => {
    const next = [
      { id: 'a', name: 'Zeta Trust' },
      { id: 'c', name: 'Carers group' },
    ];
    expect(order(next, ['a', 'b', 'c'])).toEqual(['Zeta Trust', 'Carers group']);
  });

  it('ignores ids it no longer has and repeats in the previous order', () => {
    expect(order(items, ['x', 'b', 'b', 'a'])).toEqual(['Bridge Council', 'Alba Trust', 'Carers group']);
  });
});
