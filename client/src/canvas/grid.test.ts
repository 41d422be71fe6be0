import { describe, expect, it } from 'vitest';
import { DOT_GRID_IMAGE, GRID_SPACING, MIN_SCREEN_SPACING, dotGridStyle, dotGridTile } from './grid';

/** Screen x of the dot in the middle of the tile that starts at `tile.x + k * tile.size`. */
const dotAt = (tile: { x: number; size: number }, k: number) => tile.x + k * tile.size + tile.size / 2;

describe('dot grid', () => {
  it('puts a dot on every multiple of the spacing in world units', () => {
    const camera = { x: -30, y: 10, zoom: 1 };
    const tile = dotGridTile(camera);
    expect(tile.spacing).toBe(GRID_SPACING);
    expect(tile.size).toBe(GRID_SPACING);
    // World x = 0 is at screen -30, so dots are at screen -30 + 24k: 18, 42, ...
    expect(dotAt(tile, 0)).toBeCloseTo(18);
    expect(tile.x).toBeGreaterThanOrEqual(0);
    expect(tile.x).toBeLessThan(tile.size);
    expect(tile.y).toBeGreaterThanOrEqual(0);
    expect(tile.y).toBeLessThan(tile.size);
    expect((dotAt(tile, 0) - camera.x) % GRID_SPACING).toBeCloseTo(0);
    expect(((tile.y + tile.size / 2 - camera.y) % GRID_SPACING + GRID_SPACING) % GRID_SPACING).toBeCloseTo(0);
  });

  it('moves with a pan and keeps the dots where the world put them', () => {
    const before = dotGridTile({ x: 0, y: 0, zoom: 2 });
    const after = dotGridTile({ x: 7, y: -5, zoom: 2 });
    expect(before.size).toBe(48);
    expect(((after.x - before.x - 7) % 48 + 48) % 48).toBeCloseTo(0);
    expect(((after.y - before.y + 5) % 48 + 48) % 48).toBeCloseTo(0);
  });

  it('coarsens by powers of two when zoomed out so dots never crowd into noise', () => {
    for (const zoom of [0.1, 0.25, 0.5, 0.58, 1, 4]) {
      const tile = dotGridTile({ x: 0, y: 0, zoom });
      expect(tile.size).toBeGreaterThanOrEqual(MIN_SCREEN_SPACING);
      expect(Math.log2(tile.spacing / GRID_SPACING) % 1).toBe(0);
      if (tile.spacing > GRID_SPACING) expect((tile.spacing / 2) * zoom).toBeLessThan(MIN_SCREEN_SPACING);
    }
  });

  it('becomes the background properties of the canvas element', () => {
    const style = dotGridStyle(dotGridTile({ x: 100.333, y: 5, zoom: 0.5 }));
    expect(style.backgroundSize).toBe('24px 24px');
    expect(style.backgroundPosition).toBe('16.33px 17px');
    expect(DOT_GRID_IMAGE).toMatch(/^radial-gradient\(circle, #cbd5e1 1\.1px, transparent 1\.6px\)$/);
  });
});
