import { describe, expect, it } from 'vitest';
import { screenPoint, worldPoint } from '../lib/geometry';
import {
  MAX_ZOOM,
  MIN_ZOOM,
  centreOn,
  clampZoom,
  fitBounds,
  fitReadable,
  panBy,
  screenToWorld,
  viewportCentre,
  visibleWorldRect,
  wheelZoomFactor,
  worldToScreen,
  zoomAt,
  zoomBy,
  zoomForLabels,
  type Camera,
} from './camera';

const cam: Camera = { x: 100, y: -50, zoom: 2 };

describe('camera', () => {
  it('round-trips screen and world coordinates', () => {
    const world = worldPoint(37, -12);
    const screen = worldToScreen(cam, world);
    expect(screen).toEqual({ x: 174, y: -74 });
    expect(screenToWorld(cam, screen)).toEqual(world);
  });

  it('pans in screen pixels', () => {
    expect(panBy(cam, 10, -5)).toEqual({ x: 110, y: -55, zoom: 2 });
  });

  it('keeps the world point under the cursor fixed when zooming', () => {
    const pointer = screenPoint(300, 200);
    const before = screenToWorld(cam, pointer);
    const next = zoomAt(cam, pointer, 3);
    expect(next.zoom).toBe(3);
    const after = screenToWorld(next, pointer);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('clamps zoom to its limits', () => {
    expect(zoomBy(cam, screenPoint(0, 0), 1000).zoom).toBe(MAX_ZOOM);
    expect(zoomBy(cam, screenPoint(0, 0), 0.0001).zoom).toBe(MIN_ZOOM);
    expect(clampZoom(Number.NaN)).toBe(1);
  });

  it('turns wheel deltas into a zoom factor, bounded for big mouse notches', () => {
    expect(wheelZoomFactor(0)).toBe(1);
    expect(wheelZoomFactor(-10)).toBeGreaterThan(1);
    expect(wheelZoomFactor(10)).toBeLessThan(1);
    expect(wheelZoomFactor(1000)).toBe(wheelZoomFactor(100));
  });

  it('reports the visible world rectangle', () => {
    expect(visibleWorldRect(cam, { width: 800, height: 600 })).toEqual({ x: -50, y: 25, width: 400, height: 300 });
  });

  it('fits bounds centred with padding, never zooming in past 100% by default', () => {
    const viewport = { width: 1000, height: 600 };
    const small = fitBounds({ x: 0, y: 0, width: 100, height: 100 }, viewport);
    expect(small.zoom).toBe(1);
    expect(viewportCentre(small, viewport)).toEqual({ x: 50, y: 50 });
    const big = fitBounds({ x: -1000, y: 0, width: 4000, height: 1000 }, viewport, 50);
    expect(big.zoom).toBeCloseTo(900 / 4000);
    const shown = visibleWorldRect(big, viewport);
    expect(shown.x).toBeLessThanOrEqual(-1000);
    expect(shown.x + shown.width).toBeGreaterThanOrEqual(3000);
  });

  it('keeps fitted content below a top inset covered by floating toolbars', () => {
    const viewport = { width: 1000, height: 600 };
    const camera = fitBounds({ x: 0, y: 0, width: 1000, height: 1000 }, viewport, 50, 1, 100);
    expect(camera.zoom).toBeCloseTo(400 / 1000);
    const topOnScreen = worldToScreen(camera, worldPoint(0, 0)).y;
    const bottomOnScreen = worldToScreen(camera, worldPoint(0, 1000)).y;
    expect(topOnScreen).toBeCloseTo(150);
    expect(bottomOnScreen).toBeCloseTo(550);
  });

  it('centres on a world point', () => {
    const viewport = { width: 800, height: 400 };
    const c = centreOn(worldPoint(10, 20), viewport, 2);
    expect(viewportCentre(c, viewport)).toEqual({ x: 10, y: 20 });
  });
});

describe('fitReadable', () => {
  const viewport = { width: 1440, height: 800 };
  // A stakeholder grid 2,400 x 1,800 world px with 14 px labels: fitted whole it would open near 40%.
  const grid = { x: 0, y: 0, width: 2400, height: 1800 };
  const readableZoom = zoomForLabels(14, 12);

  it('fits small content whole, as fitBounds does', () => {
    const small = { x: 100, y: 100, width: 400, height: 300 };
    expect(fitReadable(small, viewport, { readableZoom })).toEqual(fitBounds(small, viewport, 48, 1, 0));
  });

  it('never opens below the readable zoom: labels stay at least 12 px', () => {
    const camera = fitReadable(grid, viewport, { readableZoom, insetTop: 50 });
    expect(fitBounds(grid, viewport, 48, 1, 50).zoom).toBeLessThan(0.5);
    expect(camera.zoom * 14).toBeCloseTo(12, 5);
    // Centred: the middle of the grid (where the four quadrants meet) is in the middle of the free area.
    const middle = worldToScreen(camera, worldPoint(1200, 900));
    expect(middle.x).toBeCloseTo(720, 5);
    expect(middle.y).toBeCloseTo(50 + 750 / 2, 5);
  });

  it('anchors tables and columns at their top-left corner, below the toolbar inset', () => {
    const camera = fitReadable({ x: -20, y: 10, width: 5000, height: 3000 }, viewport, { readableZoom: 1, anchor: 'top-left', insetTop: 40 });
    expect(camera.zoom).toBe(1);
    expect(worldToScreen(camera, worldPoint(-20, 10))).toEqual(screenPoint(48, 88));
  });

  it('anchors a grid at its top centre: the upper quadrants and their titles first', () => {
    const camera = fitReadable(grid, viewport, { readableZoom, anchor: 'top', insetTop: 50 });
    expect(worldToScreen(camera, worldPoint(1200, 0))).toEqual(screenPoint(720, 98));
  });

  it('frames content beside panels on the left: fitted in the free area, or from its left edge when wider', () => {
    const small = { x: 100, y: 100, width: 400, height: 300 };
    const fitted = fitReadable(small, viewport, { readableZoom, insetLeft: 200 });
    expect(fitted).toEqual(fitBounds(small, viewport, 48, 1, 0, 200));
    // The middle of the content is the middle of the area right of the panels.
    expect(worldToScreen(fitted, worldPoint(300, 250)).x).toBeCloseTo(200 + 1240 / 2, 5);
    // Too wide to show whole at a readable zoom: its left edge (titles, an axis) just right of the panels.
    const camera = fitReadable(grid, viewport, { readableZoom, anchor: 'top', insetTop: 50, insetLeft: 200 });
    expect(camera.zoom * 14).toBeCloseTo(12, 5);
    expect(worldToScreen(camera, worldPoint(0, 0))).toEqual(screenPoint(248, 98));
    // Narrower than the free area at that zoom: centred in it.
    const column = { x: 0, y: 0, width: 1000, height: 3000 };
    const centred = fitReadable(column, viewport, { readableZoom, anchor: 'top', insetLeft: 200 });
    expect(worldToScreen(centred, worldPoint(500, 0)).x).toBeCloseTo(200 + 1240 / 2, 5);
  });

  it('zoomForLabels stays within the camera limits', () => {
    expect(zoomForLabels(14, 22)).toBeCloseTo(22 / 14, 5);
    expect(zoomForLabels(0, 12)).toBe(MAX_ZOOM);
    expect(zoomForLabels(1000, 1)).toBe(MIN_ZOOM);
  });
});
