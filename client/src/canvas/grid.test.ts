import { describe, expect, it } from 'vitest';
import { GRID_SPACING, MIN_SCREEN_SPACING, dotGridFor } from './grid';

describe('dot grid', () => {
  it('covers the visible area with aligned dots', () => {
    const grid = dotGridFor({ x: -30, y: 10, width: 100, height: 50 }, 1);
    expect(grid.spacing).toBe(GRID_SPACING);
    expect(grid.startX).toBe(-48);
    expect(grid.startY).toBe(0);
    expect(grid.startX + (grid.columns - 1) * grid.spacing).toBeGreaterThanOrEqual(70);
    expect(grid.startY + (grid.rows - 1) * grid.spacing).toBeGreaterThanOrEqual(60);
  });

  it('coarsens when zoomed out so the dot count stays bounded by the screen', () => {
    const zoom = 0.1;
    const viewport = { width: 1920, height: 1080 };
    const grid = dotGridFor({ x: 0, y: 0, width: viewport.width / zoom, height: viewport.height / zoom }, zoom);
    expect(grid.spacing * zoom).toBeGreaterThanOrEqual(MIN_SCREEN_SPACING);
    expect(grid.columns * grid.rows).toBeLessThan((viewport.width / MIN_SCREEN_SPACING + 2) * (viewport.height / MIN_SCREEN_SPACING + 2));
  });

  it('keeps dots the same size on screen', () => {
    expect(dotGridFor({ x: 0, y: 0, width: 10, height: 10 }, 2).radius * 2).toBeCloseTo(dotGridFor({ x: 0, y: 0, width: 10, height: 10 }, 1).radius);
  });
});
