import type { Rect } from '../lib/geometry';

/**
 * Picture export of a board: how large a PNG can be drawn, and its name.
 * Pure; `BoardCanvas` does the drawing (Konva's `toDataURL` with a pixel
 * ratio, so shapes and text are redrawn sharp at 2x or 3x, not stretched).
 */

export const CAPTURE_SCALES = [1, 2, 3] as const;
export type CaptureScale = (typeof CAPTURE_SCALES)[number];
export type CaptureArea = 'visible' | 'tab';

/** Browsers refuse larger canvases (Chromium: 32,767 px a side, ~268 million pixels); stay well inside. */
export const MAX_CAPTURE_SIDE = 16_384;
export const MAX_CAPTURE_PIXELS = 120_000_000;
/** Space around the content of a whole-tab picture, in world units. */
export const CAPTURE_MARGIN = 32;

export interface CapturePlan {
  /** Konva's pixelRatio: output pixels per stage pixel. */
  pixelRatio: number;
  width: number;
  height: number;
  /** True when the chosen scale would pass the browser's limits and a smaller one is used. */
  reduced: boolean;
}

/** The output size of a `width` x `height` stage area at `scale`, reduced to fit the limits. */
export function planCapture(width: number, height: number, scale: number): CapturePlan {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const fit = Math.min(scale, MAX_CAPTURE_SIDE / w, MAX_CAPTURE_SIDE / h, Math.sqrt(MAX_CAPTURE_PIXELS / (w * h)));
  const pixelRatio = fit >= scale ? scale : Math.floor(fit * 100) / 100;
  return { pixelRatio, width: Math.round(w * pixelRatio), height: Math.round(h * pixelRatio), reduced: pixelRatio < scale };
}

/** The world rectangle a whole-tab picture shows: the content with a margin, or null for an empty tab. */
export function tabCaptureRect(bounds: Rect | null): Rect | null {
  if (!bounds) return null;
  return { x: bounds.x - CAPTURE_MARGIN, y: bounds.y - CAPTURE_MARGIN, width: bounds.width + 2 * CAPTURE_MARGIN, height: bounds.height + 2 * CAPTURE_MARGIN };
}

/** `<board title> - <tab>.png`, without characters file systems refuse. */
export function pngFileName(title: string, tab: string): string {
  const clean = (text: string) =>
    [...text]
      .map((char) => (char.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(char) ? ' ' : char))
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
  const name = [clean(title) || 'Board', clean(tab)].filter(Boolean).join(' - ');
  return `${name.slice(0, 120)}.png`;
}
