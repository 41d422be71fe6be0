import { describe, expect, it } from 'vitest';
import { cullToViewport } from './culling';
import { rectsIntersect, unionRects } from './geometry';

const box = (x: number, y: number, width = 10, height = 10) => ({ x, y, width, height });

describe('viewport culling', () => {
  const viewport = { x: 0, y: 0, width: 100, height: 100 };

  it('keeps items that intersect the viewport, drops the rest', () => {
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

  it('a margin keeps items about to scroll in', () => {
    const near = box(120, 50);
    expect(cullToViewport([near], viewport)).toEqual([]);
    expect(cullToViewport([near], viewport, 50)).toEqual([near]);
  });

  it('culls 10,000 items quickly and exactly', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => box((i % 100) * 200, Math.floor(i / 100) * 150, 180, 120));
    const visible = cullToViewport(items, { x: 0, y: 0, width: 1000, height: 600 });
    expect(visible.length).toBe(5 * 4);
  });

  it('geometry helpers', () => {
    expect(rectsIntersect(box(0, 0), box(5, 5))).toBe(true);
    expect(rectsIntersect(box(0, 0), box(10, 0))).toBe(false);
    expect(unionRects([])).toBeNull();
    expect(unionRects([box(0, 0), box(20, -10, 5, 5)])).toEqual({ x: 0, y: -10, width: 25, height: 20 });
  });
});
