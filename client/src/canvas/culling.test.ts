import { describe, expect, it } from 'vitest';
import { cullToViewport, nextCullRegion } from './culling';
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

describe('cull region', () => {
  const viewport = { x: 0, y: 0, width: 1000, height: 500 };

  it('covers the viewport with a margin of a share of its larger side', () => {
    expect(nextCullRegion(null, viewport, 1)).toEqual({ rect: { x: -300, y: -300, width: 1600, height: 1100 }, zoom: 1 });
  });

  it('is kept while the viewport pans inside it and the zoom stays close', () => {
    const region = nextCullRegion(null, viewport, 1);
    expect(nextCullRegion(region, { ...viewport, x: 250, y: -250 }, 1)).toBe(region);
    expect(nextCullRegion(region, { x: 100, y: 50, width: 800, height: 400 }, 1.25)).toBe(region);
  });

  it('moves on when the viewport leaves it or the zoom changes by the slack', () => {
    const region = nextCullRegion(null, viewport, 1);
    expect(nextCullRegion(region, { ...viewport, x: 301 }, 1)).not.toBe(region);
    expect(nextCullRegion(region, { x: 100, y: 50, width: 700, height: 350 }, 1.4)).not.toBe(region);
    expect(nextCullRegion(region, { x: -100, y: -50, width: 1300, height: 650 }, 0.75)).not.toBe(region);
  });
});
