import { describe, expect, it } from 'vitest';
import { resorted, type SortedView } from './sortedView';

interface Item {
  id: string;
  y: number;
  x: number;
}

const byPlace = (a: Item, b: Item) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function items(count: number, rand: () => number): Item[] {
  return Array.from({ length: count }, (_, i) => ({ id: `n${i}`, y: Math.floor(rand() * 20), x: Math.floor(rand() * 20) }));
}

describe('resorted', () => {
  it('sorts a first list in full', () => {
    const list = items(50, random(1));
    expect(resorted(null, list, byPlace).sorted).toEqual([...list].sort(byPlace));
  });

  it('returns the previous view for the same list', () => {
    const list = items(10, random(2));
    const view = resorted(null, list, byPlace);
    expect(resorted(view, list, byPlace)).toBe(view);
  });

  it('patches a few changed records and matches a full sort, ties included', () => {
    const rand = random(3);
    let list = items(500, rand);
    let view: SortedView<Item> = resorted(null, list, byPlace);
    for (let round = 0; round < 200; round++) {
      const next = list.slice();
      const changes = 1 + Math.floor(rand() * 5);
      for (let c = 0; c < changes; c++) {
        const i = Math.floor(rand() * next.length);
        next[i] = { ...next[i]!, y: Math.floor(rand() * 20), x: Math.floor(rand() * 20) };
      }
      const before = view.sorted;
      view = resorted(view, next, byPlace);
      expect(view.sorted).toEqual([...next].sort(byPlace));
      // The earlier order is never changed in place: a component may still hold it.
      expect(before).not.toBe(view.sorted);
      list = next;
    }
  });

  it('keeps each unchanged object, so memoised rows stay put', () => {
    const list = items(300, random(4));
    const view = resorted(null, list, byPlace);
    const next = list.slice();
    next[7] = { ...next[7]!, y: 99 };
    const sorted = resorted(view, next, byPlace).sorted;
    expect(sorted.at(-1)).toBe(next[7]);
    expect(sorted.filter((item) => list.includes(item))).toHaveLength(299);
  });

  it('puts records added at the end where they sort', () => {
    const rand = random(5);
    const list = items(300, rand);
    const view = resorted(null, list, byPlace);
    const next = [...list, { id: 'added-1', y: 0, x: 0 }, { id: 'added-2', y: 19, x: 19 }];
    expect(resorted(view, next, byPlace).sorted).toEqual([...next].sort(byPlace));
  });

  it('sorts afresh when records were removed or many changed', () => {
    const rand = random(6);
    const list = items(300, rand);
    const view = resorted(null, list, byPlace);
    const fewer = list.filter((_, i) => i % 3 !== 0);
    expect(resorted(view, fewer, byPlace).sorted).toEqual([...fewer].sort(byPlace));
    const many = list.map((item) => ({ ...item, x: 19 - item.x }));
    expect(resorted(view, many, byPlace).sorted).toEqual([...many].sort(byPlace));
  });

  it('finds the changed record even when the order has equal keys (a comparator without an id tie-break)', () => {
    const byYOnly = (a: Item, b: Item) => a.y - b.y;
    const list = Array.from({ length: 200 }, (_, i) => ({ id: `n${i}`, y: i % 4, x: 0 }));
    const view = resorted(null, list, byYOnly);
    const next = list.slice();
    next[101] = { ...next[101]!, y: 3 };
    const sorted = resorted(view, next, byYOnly).sorted;
    expect(sorted).toHaveLength(200);
    expect(sorted).toContain(next[101]);
    expect(sorted).not.toContain(list[101]);
    expect(sorted.map((item) => item.y)).toEqual([...sorted.map((item) => item.y)].sort());
  });
});
