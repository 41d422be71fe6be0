import { describe, expect, it } from 'vitest';
import { nextCullRegion } from './cullRegion';

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
