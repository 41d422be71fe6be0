import { describe, expect, it } from 'vitest';
import { rectsIntersect, type Rect } from '../lib/geometry';
import { cullToViewport, indexItems, SpatialIndex } from './spatialIndex';

/** Small deterministic PRNG (mulberry32) so the randomised comparisons are repeatable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sorted = (ids: string[]) => [...ids].sort();

describe('SpatialIndex', () => {
  it('finds items intersecting the query rectangle', () => {
    const index = new SpatialIndex(100);
    index.set('a', { x: 10, y: 10, width: 20, height: 20 });
    index.set('b', { x: 250, y: 250, width: 20, height: 20 });
    index.set('c', { x: -500, y: -500, width: 1000, height: 10 });
    expect(sorted(index.query({ x: 0, y: 0, width: 50, height: 50 }))).toEqual(['a']);
    expect(sorted(index.query({ x: 0, y: -500, width: 300, height: 800 }))).toEqual(['a', 'b', 'c']);
    expect(index.query({ x: 1000, y: 1000, width: 10, height: 10 })).toEqual([]);
    expect(index.query({ x: Number.NaN, y: 0, width: 10, height: 10 })).toEqual([]);
  });

  it('moves, deletes and clears items incrementally', () => {
    const index = new SpatialIndex(100);
    index.set('a', { x: 10, y: 10, width: 20, height: 20 });
    index.set('a', { x: 15, y: 15, width: 20, height: 20 }); // same cells
    expect(index.boundsOf('a')).toEqual({ x: 15, y: 15, width: 20, height: 20 });
    index.set('a', { x: 510, y: 10, width: 20, height: 20 }); // new cells
    expect(index.query({ x: 0, y: 0, width: 100, height: 100 })).toEqual([]);
    expect(index.query({ x: 500, y: 0, width: 100, height: 100 })).toEqual(['a']);
    expect(index.size).toBe(1);
    expect(index.delete('a')).toBe(true);
    expect(index.delete('a')).toBe(false);
    expect(index.query({ x: 500, y: 0, width: 100, height: 100 })).toEqual([]);
    index.set('b', { x: 0, y: 0, width: 1, height: 1 });
    index.clear();
    expect(index.size).toBe(0);
    expect(index.query({ x: 0, y: 0, width: 10, height: 10 })).toEqual([]);
  });

  it('drops an item whose bounds become non-finite', () => {
    const index = new SpatialIndex(100);
    index.set('a', { x: 0, y: 0, width: 10, height: 10 });
    expect(index.set('a', { x: Number.NaN, y: 0, width: 10, height: 10 })).toBe(false);
    expect(index.has('a')).toBe(false);
    expect(index.query({ x: -1e9, y: -1e9, width: 2e9, height: 2e9 })).toEqual([]);
  });

  it('handles huge items and zoomed-out queries', () => {
    const index = new SpatialIndex(10);
    index.set('huge', { x: -1e7, y: -1e7, width: 2e7, height: 2e7 });
    index.set('small', { x: 5, y: 5, width: 1, height: 1 });
    expect(sorted(index.query({ x: 0, y: 0, width: 10, height: 10 }))).toEqual(['huge', 'small']);
    expect(sorted(index.query({ x: -1e8, y: -1e8, width: 2e8, height: 2e8 }))).toEqual(['huge', 'small']);
    index.set('huge', { x: 100, y: 100, width: 5, height: 5 });
    expect(index.query({ x: 0, y: 0, width: 10, height: 10 })).toEqual(['small']);
  });

  it('falls back to a sane cell size', () => {
    expect(new SpatialIndex(0).cellSize).toBe(256);
    expect(new SpatialIndex(Number.NaN).cellSize).toBe(256);
  });

  it('agrees with a plain scan on 2,500 cards through random moves and deletes', () => {
    const next = random(42);
    const index = new SpatialIndex(128);
    const items = new Map<string, Rect>();
    const randomRect = (): Rect => ({ x: next() * 10_000 - 5000, y: next() * 10_000 - 5000, width: 20 + next() * 80, height: 20 + next() * 80 });
    for (let i = 0; i < 2500; i += 1) {
      const rect = randomRect();
      items.set(`c${i}`, rect);
      index.set(`c${i}`, rect);
    }
    for (let round = 0; round < 200; round += 1) {
      const id = `c${Math.floor(next() * 2500)}`;
      if (round % 5 === 0) {
        items.delete(id);
        index.delete(id);
      } else {
        const old = items.get(id) ?? randomRect();
        const moved = { ...old, x: old.x + (next() - 0.5) * 400, y: old.y + (next() - 0.5) * 400 };
        items.set(id, moved);
        index.set(id, moved);
      }
      const viewport = { x: next() * 8000 - 5000, y: next() * 8000 - 5000, width: 200 + next() * 3000, height: 200 + next() * 2000 };
      const reference = [...items].filter(([, bounds]) => rectsIntersect(bounds, viewport)).map(([cardId]) => cardId);
      expect(sorted(index.query(viewport))).toEqual(sorted(reference));
    }
    expect(index.size).toBe(items.size);
  });
});

describe('SpatialIndex hit testing', () => {
  it('finds the items under a point, edges on the far side excluded', () => {
    const index = new SpatialIndex(64);
    index.set('a', { x: 0, y: 0, width: 100, height: 50 });
    index.set('b', { x: 100, y: 0, width: 100, height: 50 });
    index.set('huge', { x: -1e7, y: 40, width: 2e7, height: 1e5 });
    expect(sorted(index.at({ x: 50, y: 10 }))).toEqual(['a']);
    expect(sorted(index.at({ x: 100, y: 10 }))).toEqual(['b']);
    expect(sorted(index.at({ x: 150, y: 45 }))).toEqual(['b', 'huge']);
    expect(index.at({ x: 250, y: 10 })).toEqual([]);
  });
});

describe('indexItems: a fixed list answered in its own order', () => {
  const rand = random(3);
  const items = Array.from({ length: 2000 }, (_, i) => ({
    id: `i${i}`,
    x: rand() * 20_000 - 5_000,
    y: rand() * 40_000 - 5_000,
    // A few items far bigger than a cell, as long links are.
    width: i % 97 === 0 ? 3_000 : 40 + rand() * 300,
    height: i % 89 === 0 ? 9_000 : 40 + rand() * 200,
  }));
  const index = indexItems(items, (i) => i);

  it('answers a rectangle query exactly like testing every item, in input order', () => {
    for (let q = 0; q < 50; q += 1) {
      const rect = { x: rand() * 20_000 - 6_000, y: rand() * 40_000 - 6_000, width: rand() * 4_000, height: rand() * 3_000 };
      expect(index.query(rect).map((i) => i.id)).toEqual(cullToViewport(items, rect).map((i) => i.id));
    }
  });

  it('reports an item spanning many cells once', () => {
    const big = items[0]!;
    const hits = index.query({ x: big.x - 10, y: big.y - 10, width: big.width + 20, height: big.height + 20 }).filter((i) => i === big);
    expect(hits).toHaveLength(1);
  });

  it('finds the items under a point in list order', () => {
    const small = indexItems(
      [
        { id: 'under', x: 0, y: 0, width: 100, height: 50 },
        { id: 'over', x: 50, y: 0, width: 100, height: 50 },
      ],
      (i) => i,
    );
    expect(small.at({ x: 60, y: 10 }).map((i) => i.id)).toEqual(['under', 'over']);
    expect(small.at({ x: -1, y: -1 })).toEqual([]);
  });

  it('handles an empty list', () => {
    const empty = indexItems<Rect>([], (i) => i);
    expect(empty.query({ x: 0, y: 0, width: 1e6, height: 1e6 })).toEqual([]);
    expect(empty.at({ x: 0, y: 0 })).toEqual([]);
  });
});

describe('cullToViewport: the plain scan', () => {
  const box = (x: number, y: number, width = 10, height = 10) => ({ x, y, width, height });
  const viewport = { x: 0, y: 0, width: 100, height: 100 };

  it('keeps items that intersect the viewport, drops the rest and those only touching its edge', () => {
    const inside = box(10, 10);
    const straddling = box(95, -5);
    const outside = box(200, 200);
    const touchingEdge = box(100, 50);
    expect(cullToViewport([inside, straddling, outside, touchingEdge], viewport)).toEqual([inside, straddling]);
  });

  it('keeps an item larger than the viewport that covers it', () => {
    const huge = box(-500, -500, 2000, 2000);
    expect(cullToViewport([huge], viewport)).toEqual([huge]);
  });

  it('culls 10,000 items exactly', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => box((i % 100) * 200, Math.floor(i / 100) * 150, 180, 120));
    expect(cullToViewport(items, { x: 0, y: 0, width: 1000, height: 600 }).length).toBe(5 * 4);
  });
});
