import { describe, expect, it } from 'vitest';
import {
  circleBounds,
  expandRect,
  normaliseRect,
  rectsIntersect,
  segmentIntersectsRect,
  SpatialIndex,
  visibleIds,
  type Rect,
} from './culling';

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

describe('rectangle helpers', () => {
  it('normalises negative sizes and rejects non-finite rectangles', () => {
    expect(normaliseRect({ x: 10, y: 10, width: -5, height: -20 })).toEqual({ x: 5, y: -10, width: 5, height: 20 });
    expect(normaliseRect({ x: 0, y: Number.NaN, width: 1, height: 1 })).toBeNull();
    expect(normaliseRect({ x: 0, y: 0, width: Infinity, height: 1 })).toBeNull();
  });

  it('counts touching rectangles as intersecting', () => {
    const a: Rect = { x: 0, y: 0, width: 10, height: 10 };
    expect(rectsIntersect(a, { x: 10, y: 10, width: 5, height: 5 })).toBe(true);
    expect(rectsIntersect(a, { x: 10.01, y: 0, width: 5, height: 5 })).toBe(false);
    expect(rectsIntersect(a, { x: 2, y: 2, width: 1, height: 1 })).toBe(true);
  });

  it('expands rectangles and boxes circles', () => {
    expect(expandRect({ x: 0, y: 0, width: 10, height: 10 }, 5)).toEqual({ x: -5, y: -5, width: 20, height: 20 });
    expect(circleBounds({ x: 10, y: 20 }, -5)).toEqual({ x: 5, y: 15, width: 10, height: 10 });
  });

  it('tests segments against rectangles', () => {
    const view: Rect = { x: 0, y: 0, width: 100, height: 100 };
    expect(segmentIntersectsRect({ x: -50, y: 50 }, { x: 150, y: 50 }, view)).toBe(true);
    expect(segmentIntersectsRect({ x: -50, y: -50 }, { x: 150, y: 150 }, view)).toBe(true);
    expect(segmentIntersectsRect({ x: -50, y: 0 }, { x: 0, y: -50 }, view)).toBe(false);
    expect(segmentIntersectsRect({ x: -10, y: 200 }, { x: -10, y: -200 }, view)).toBe(false);
    expect(segmentIntersectsRect({ x: 50, y: 50 }, { x: 50, y: 50 }, view)).toBe(true);
    expect(segmentIntersectsRect({ x: 150, y: 50 }, { x: 150, y: 50 }, view)).toBe(false);
    expect(segmentIntersectsRect({ x: Number.NaN, y: 0 }, { x: 50, y: 50 }, view)).toBe(false);
  });
});

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
      const reference = visibleIds([...items].map(([cardId, bounds]) => ({ id: cardId, bounds })), viewport);
      expect(sorted(index.query(viewport))).toEqual(sorted(reference));
    }
    expect(index.size).toBe(items.size);
  });
});
