import { describe, expect, it } from 'vitest';
import {
  circleBounds,
  expandRect,
  normaliseRect,
  rectContains,
  rectContainsPoint,
  rectsIntersect,
  segmentIntersectsRect,
  unionRects,
  type Rect,
} from './geometry';

const box = (x: number, y: number, width = 10, height = 10): Rect => ({ x, y, width, height });

describe('rectsIntersect: one rule for every culling, index and hit test', () => {
  it('counts overlap and containment', () => {
    expect(rectsIntersect(box(0, 0), box(5, 5))).toBe(true);
    expect(rectsIntersect(box(0, 0), box(2, 2, 1, 1))).toBe(true);
    expect(rectsIntersect(box(2, 2, 1, 1), box(0, 0))).toBe(true);
  });

  it('does not count rectangles that only touch along an edge or at a corner', () => {
    expect(rectsIntersect(box(0, 0), box(10, 0))).toBe(false);
    expect(rectsIntersect(box(0, 0), box(0, 10))).toBe(false);
    expect(rectsIntersect(box(0, 0), box(10, 10))).toBe(false);
    expect(rectsIntersect(box(0, 0), box(9.99, 9.99))).toBe(true);
    expect(rectsIntersect(box(0, 0), box(10.01, 0))).toBe(false);
  });

  it('is symmetric', () => {
    const pairs: [Rect, Rect][] = [
      [box(0, 0), box(10, 0)],
      [box(0, 0), box(5, -5)],
      [box(-3, 4, 1, 30), box(-10, 10, 50, 1)],
    ];
    for (const [a, b] of pairs) expect(rectsIntersect(a, b)).toBe(rectsIntersect(b, a));
  });

  it('finds a zero-width rectangle (a vertical line) inside another', () => {
    expect(rectsIntersect(box(5, 0, 0, 20), box(0, 5))).toBe(true);
    expect(rectsIntersect(box(10, 0, 0, 20), box(0, 5))).toBe(false);
  });
});

describe('rectangle helpers', () => {
  it('contains points on the top-left edges, not the bottom-right ones', () => {
    expect(rectContainsPoint(box(0, 0), { x: 0, y: 0 })).toBe(true);
    expect(rectContainsPoint(box(0, 0), { x: 10, y: 5 })).toBe(false);
    expect(rectContainsPoint(box(0, 0), { x: 5, y: 10 })).toBe(false);
  });

  it('contains rectangles with their edges', () => {
    expect(rectContains(box(0, 0), box(0, 0))).toBe(true);
    expect(rectContains(box(0, 0), box(1, 1, 10, 1))).toBe(false);
  });

  it('normalises negative sizes and rejects non-finite rectangles', () => {
    expect(normaliseRect({ x: 10, y: 10, width: -5, height: -20 })).toEqual({ x: 5, y: -10, width: 5, height: 20 });
    expect(normaliseRect({ x: 0, y: Number.NaN, width: 1, height: 1 })).toBeNull();
    expect(normaliseRect({ x: 0, y: 0, width: Infinity, height: 1 })).toBeNull();
  });

  it('expands rectangles, boxes circles and unions rectangles', () => {
    expect(expandRect(box(0, 0), 5)).toEqual({ x: -5, y: -5, width: 20, height: 20 });
    expect(circleBounds({ x: 10, y: 20 }, -5)).toEqual({ x: 5, y: 15, width: 10, height: 10 });
    expect(unionRects([])).toBeNull();
    expect(unionRects([box(0, 0), box(20, -10, 5, 5)])).toEqual({ x: 0, y: -10, width: 25, height: 20 });
  });

  it('tests segments against rectangles', () => {
    const view = box(0, 0, 100, 100);
    expect(segmentIntersectsRect({ x: -50, y: 50 }, { x: 150, y: 50 }, view)).toBe(true);
    expect(segmentIntersectsRect({ x: -50, y: -50 }, { x: 150, y: 150 }, view)).toBe(true);
    expect(segmentIntersectsRect({ x: -50, y: 0 }, { x: 0, y: -50 }, view)).toBe(false);
    expect(segmentIntersectsRect({ x: -10, y: 200 }, { x: -10, y: -200 }, view)).toBe(false);
    expect(segmentIntersectsRect({ x: 50, y: 50 }, { x: 50, y: 50 }, view)).toBe(true);
    expect(segmentIntersectsRect({ x: 150, y: 50 }, { x: 150, y: 50 }, view)).toBe(false);
    expect(segmentIntersectsRect({ x: Number.NaN, y: 0 }, { x: 50, y: 50 }, view)).toBe(false);
  });
});
