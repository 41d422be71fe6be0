import { clampZoom, type Camera } from './camera';
import type { Point } from '../lib/geometry';

/**
 * Two-finger gesture: the camera that keeps the world point first under the two
 * fingers' midpoint under their midpoint now, zoomed by how far the fingers
 * spread. Moving both fingers together pans; spreading zooms at the midpoint.
 */
export function pinchCamera(start: Camera, startA: Point, startB: Point, nowA: Point, nowB: Point): Camera {
  const startDistance = Math.hypot(startB.x - startA.x, startB.y - startA.y);
  const nowDistance = Math.hypot(nowB.x - nowA.x, nowB.y - nowA.y);
  const factor = startDistance > 0 && nowDistance > 0 ? nowDistance / startDistance : 1;
  const zoom = clampZoom(start.zoom * factor);
  const startMid = { x: (startA.x + startB.x) / 2, y: (startA.y + startB.y) / 2 };
  const nowMid = { x: (nowA.x + nowB.x) / 2, y: (nowA.y + nowB.y) / 2 };
  const anchorX = (startMid.x - start.x) / start.zoom;
  const anchorY = (startMid.y - start.y) / start.zoom;
  return { zoom, x: nowMid.x - anchorX * zoom, y: nowMid.y - anchorY * zoom };
}
