import { screenPoint, worldPoint, type Rect, type ScreenPoint, type Size, type WorldPoint } from '../lib/geometry';

/**
 * The camera maps world coordinates (where items live, shared by everyone) to screen
 * coordinates (pixels in the stage): screen = world * zoom + (x, y).
 * Kept as plain data so that panning and zooming are pure functions, easy to test.
 */
export interface Camera {
  x: number;
  y: number;
  zoom: number;
}

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;
export const ZOOM_STEP = 1.2;
export const DEFAULT_CAMERA: Camera = { x: 0, y: 0, zoom: 1 };

export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return 1;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

export function screenToWorld(camera: Camera, point: ScreenPoint): WorldPoint {
  return worldPoint((point.x - camera.x) / camera.zoom, (point.y - camera.y) / camera.zoom);
}

export function worldToScreen(camera: Camera, point: WorldPoint): ScreenPoint {
  return screenPoint(point.x * camera.zoom + camera.x, point.y * camera.zoom + camera.y);
}

export function panBy(camera: Camera, dx: number, dy: number): Camera {
  return { ...camera, x: camera.x + dx, y: camera.y + dy };
}

/** Zoom to `zoom` keeping the world point under `screenPoint` fixed (cursor-anchored zoom). */
export function zoomAt(camera: Camera, anchorOnScreen: ScreenPoint, zoom: number): Camera {
  const next = clampZoom(zoom);
  const anchor = screenToWorld(camera, anchorOnScreen);
  return { zoom: next, x: anchorOnScreen.x - anchor.x * next, y: anchorOnScreen.y - anchor.y * next };
}

/** Multiply the zoom by `factor` around a screen point. */
export function zoomBy(camera: Camera, anchorOnScreen: ScreenPoint, factor: number): Camera {
  return zoomAt(camera, anchorOnScreen, camera.zoom * factor);
}

/**
 * Wheel deltas from a pinch (ctrlKey wheel) are small and frequent; a mouse wheel
 * notch is ~100. An exponential keeps both feeling proportional.
 */
export function wheelZoomFactor(deltaY: number): number {
  const clamped = Math.max(-100, Math.min(100, deltaY));
  return Math.exp(-clamped * 0.01);
}

/** The world rectangle the viewport currently shows. */
export function visibleWorldRect(camera: Camera, viewport: Size): Rect {
  const topLeft = screenToWorld(camera, screenPoint(0, 0));
  return { x: topLeft.x, y: topLeft.y, width: viewport.width / camera.zoom, height: viewport.height / camera.zoom };
}

/** Camera that shows `bounds` centred in the viewport with `padding` screen pixels around it. */
export function fitBounds(bounds: Rect, viewport: Size, padding = 48, maxZoom = 1, insetTop = 0, insetLeft = 0): Camera {
  const availableW = Math.max(1, viewport.width - 2 * padding - insetLeft);
  const availableH = Math.max(1, viewport.height - 2 * padding - insetTop);
  const zoom = clampZoom(
    Math.min(maxZoom, availableW / Math.max(1, bounds.width), availableH / Math.max(1, bounds.height)),
  );
  const cx = bounds.x + bounds.width / 2;
  const cy = bounds.y + bounds.height / 2;
  return { zoom, x: insetLeft + (viewport.width - insetLeft) / 2 - cx * zoom, y: insetTop + (viewport.height - insetTop) / 2 - cy * zoom };
}

/** Where a view too big to show whole at a readable size starts reading. */
export type ReadableAnchor = 'centre' | 'top' | 'top-left';

export interface ReadableFit {
  /** Screen pixels kept around the content. */
  padding?: number;
  /** Never zoom in further than this to fit small content. */
  maxZoom?: number;
  /** Screen pixels at the top that floating toolbars cover. */
  insetTop?: number;
  /** Screen pixels at the left that floating panels cover (a tray, a legend). */
  insetLeft?: number;
  /** The smallest zoom at which the content's labels can be read. */
  readableZoom?: number;
  anchor?: ReadableAnchor;
}

/**
 * The camera a tab opens with: the content fitted whole when that leaves it
 * readable; otherwise the readable zoom, showing the middle of the content
 * (a grid whose four quadrants meet there) or its top-left corner (tables and
 * columns read from there), never a whole board shrunk to unreadable labels.
 * Floating toolbars and panels (`insetTop`, `insetLeft`) cover part of the
 * canvas: content is framed in the rest, never opened under them.
 */
export function fitReadable(bounds: Rect, viewport: Size, options: ReadableFit = {}): Camera {
  const { padding = 48, maxZoom = 1, insetTop = 0, insetLeft = 0, readableZoom = MIN_ZOOM, anchor = 'centre' } = options;
  const fitted = fitBounds(bounds, viewport, padding, maxZoom, insetTop, insetLeft);
  if (fitted.zoom >= readableZoom) return fitted;
  const zoom = clampZoom(readableZoom);
  const top = insetTop + padding - bounds.y * zoom;
  const left = insetLeft + padding - bounds.x * zoom;
  // Centred in the area the panels leave free. Content wider than that, beside panels, starts at
  // its left edge and runs off to the right: centred, its left part would open under the panels.
  const freeWidth = viewport.width - insetLeft;
  const cx = bounds.x + bounds.width / 2;
  const besidePanels = insetLeft > 0 && bounds.width * zoom > freeWidth - 2 * padding;
  const x = anchor === 'top-left' || besidePanels ? left : insetLeft + freeWidth / 2 - cx * zoom;
  if (anchor !== 'centre') return { zoom, x, y: top };
  const cy = bounds.y + bounds.height / 2;
  return { zoom, x, y: insetTop + (viewport.height - insetTop) / 2 - cy * zoom };
}

/** The zoom at which text `labelPx` world pixels tall shows `screenPx` tall. */
export function zoomForLabels(labelPx: number, screenPx: number): number {
  return clampZoom(screenPx / Math.max(1, labelPx));
}

/** Camera at the given zoom centred on a world point. */
export function centreOn(world: WorldPoint, viewport: Size, zoom: number): Camera {
  const z = clampZoom(zoom);
  return { zoom: z, x: viewport.width / 2 - world.x * z, y: viewport.height / 2 - world.y * z };
}

/** The world point at the centre of the viewport. */
export function viewportCentre(camera: Camera, viewport: Size): WorldPoint {
  return screenToWorld(camera, screenPoint(viewport.width / 2, viewport.height / 2));
}
