import { describe, expect, it } from 'vitest';
import { createGridIndex } from './gridIndex';
import type { Rect } from './columnLayout';

interface Item extends Rect {
  id: string;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function mulberry(seed: number): () => number {
  let t = seed;
  return () => {
    t = (t + 0x6d2b79f5) | 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

describe('createGridIndex', () => {
  const rand = mulberry(3);
  const items: Item[] = Array.from({ length: 2000 }, (_, i) => ({
    id: `i${i}`,
    x: rand() * 20_000 - 5_000,
    y: rand() * 40_000 - 5_000,
    // A few items far bigger than a cell, as long links are.
    width: i % 97 === 0 ? 3_000 : 40 + rand() * 300,
    height: i % 89 === 0 ? 9_000 : 40 + rand() * 200,
  }));
  const index = createGridIndex(items, (i) => i);

  it('answers a rectangle query exactly like testing every item, in input order', () => {
    for (let q = 0; q < 50; q += 1) {
      const rect = { x: rand() * 20_000 - 6_000, y: rand() * 40_000 - 6_000, width: rand() * 4_000, height: rand() * 3_000 };
      expect(index.query(rect).map((i) => i.id)).toEqual(items.filter((i) => intersects(i, rect)).map((i) => i.id));
    }
  });

  it('reports an item spanning many cells once', () => {
    const big = items[0]!;
    const hits = index.query({ x: big.x - 10, y: big.y - 10, width: big.width + 20, height: big.height + 20 }).filter((i) => i === big);
    expect(hits).toHaveLength(1);
  });

  it('finds the items under a point, edges on the far side excluded', () => {
    const small = createGridIndex(
      [
        { id: 'a', x: 0, y: 0, width: 100, height: 50 },
        { id: 'b', x: 100, y: 0, width: 100, height: 50 },
      ],
      (i) => i,
    );
    expect(small.at({ x: 50, y: 10 }).map((i) => i.id)).toEqual(['a']);
    expect(small.at({ x: 100, y: 10 }).map((i) => i.id)).toEqual(['b']);
    expect(small.at({ x: 250, y: 10 })).toEqual([]);
    expect(small.at({ x: -1, y: -1 })).toEqual([]);
  });

  it('handles an empty set', () => {
    const empty = createGridIndex<Item>([], (i) => i);
    expect(empty.query({ x: 0, y: 0, width: 1e6, height: 1e6 })).toEqual([]);
    expect(empty.at({ x: 0, y: 0 })).toEqual([]);
  });
});
