import type { Camera } from './camera';

export const GRID_SPACING = 24;
/** Below this on-screen distance dots turn to noise, so the grid coarsens by powers of two. */
export const MIN_SCREEN_SPACING = 14;
/** A dot's radius on screen (px), the same at every zoom. */
const DOT_RADIUS_PX = 1.1;
const DOT_COLOUR = '#cbd5e1';
/** The tile's picture, one dot in its middle: set once; a camera frame moves and scales it (dotGridStyle). */
export const DOT_GRID_IMAGE = `radial-gradient(circle, ${DOT_COLOUR} ${DOT_RADIUS_PX}px, transparent ${DOT_RADIUS_PX + 0.5}px)`;

/**
 * The background dot grid as a repeating CSS background tile of the canvas's
 * element, one dot in the middle of each tile: the browser paints it, so it
 * costs no canvas of its own (a full-size bitmap allocated, redrawn and
 * composited on every camera frame) and never appears in a picture export.
 */
export interface DotGridTile {
  /** World distance between dots. */
  spacing: number;
  /** The tile's side on screen (px): the spacing at this zoom. */
  size: number;
  /** Where a tile starts on screen (px from the canvas's top left), in [0, size). */
  x: number;
  y: number;
}

/** The tile for a camera: dots at every multiple of the spacing in world units, which coarsens by powers of two when zoomed out. */
export function dotGridTile(camera: Camera, baseSpacing = GRID_SPACING): DotGridTile {
  let spacing = baseSpacing;
  while (spacing * camera.zoom < MIN_SCREEN_SPACING) spacing *= 2;
  const size = spacing * camera.zoom;
  // World dot k sits at screen camera.x + k * size; it is the middle of its tile.
  const start = (offset: number) => {
    const at = (offset - size / 2) % size;
    return at < 0 ? at + size : at;
  };
  return { spacing, size, x: start(camera.x), y: start(camera.y) };
}

/** Where and how large the element's background (DOT_GRID_IMAGE) draws `tile`. */
export function dotGridStyle(tile: DotGridTile): { backgroundSize: string; backgroundPosition: string } {
  const px = (n: number) => `${Number(n.toFixed(2))}px`;
  return {
    backgroundSize: `${px(tile.size)} ${px(tile.size)}`,
    backgroundPosition: `${px(tile.x)} ${px(tile.y)}`,
  };
}
