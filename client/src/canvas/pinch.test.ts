import { describe, expect, it } from 'vitest';
import { MAX_ZOOM } from './camera';
import { pinchCamera } from './pinch';

const start = { x: 100, y: 50, zoom: 1 };
const worldAt = (c: { x: number; y: number; zoom: number }, p: { x: number; y: number }) => ({ x: (p.x - c.x) / c.zoom, y: (p.y - c.y) / c.zoom });

describe('pinchCamera', () => {
  it('spreading the fingers zooms at their midpoint, which stays on the same world point', () => {
    const next = pinchCamera(start, { x: 200, y: 200 }, { x: 300, y: 200 }, { x: 150, y: 200 }, { x: 350, y: 200 });
    expect(next.zoom).toBe(2);
    expect(worldAt(next, { x: 250, y: 200 })).toEqual(worldAt(start, { x: 250, y: 200 }));
  });

  it('moving both fingers together pans by the same amount', () => {
    const next = pinchCamera(start, { x: 200, y: 200 }, { x: 300, y: 200 }, { x: 230, y: 260 }, { x: 330, y: 260 });
    expect(next).toEqual({ x: 130, y: 110, zoom: 1 });
  });

  it('pinch and pan together: the world point under the first midpoint follows the new one', () => {
    const next = pinchCamera(start, { x: 0, y: 0 }, { x: 100, y: 0 }, { x: 50, y: 100 }, { x: 100, y: 100 });
    expect(next.zoom).toBe(0.5);
    expect(worldAt(next, { x: 75, y: 100 })).toEqual(worldAt(start, { x: 50, y: 0 }));
  });

  it('clamps the zoom and survives fingers on one spot', () => {
    expect(pinchCamera(start, { x: 0, y: 0 }, { x: 1, y: 0 }, { x: 0, y: 0 }, { x: 1000, y: 0 }).zoom).toBe(MAX_ZOOM);
    const still = pinchCamera(start, { x: 5, y: 5 }, { x: 5, y: 5 }, { x: 5, y: 5 }, { x: 5, y: 5 });
    expect(still).toEqual(start);
  });
});
