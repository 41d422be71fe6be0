import type { BoardContext } from '../../types';
import { clampZoom } from '../../../canvas/camera';
import { logicModelStore } from './store';

/** Space kept clear above the model for the board's floating toolbar. */
const TOP_MARGIN = 64;
const SIDE_MARGIN = 24;
/** Below this the card text is too small to read; wide models scroll sideways instead. */
const MIN_READABLE_ZOOM = 0.75;

/**
 * Frame a freshly started model: its top-left corner in view at a readable zoom,
 * as much of its width as fits.
 */
export function frameModel(ctx: BoardContext): void {
  const bounds = logicModelStore(ctx.session).bounds();
  const viewport = ctx.viewportSize();
  if (!bounds || viewport.width === 0) return;
  const fit = Math.min((viewport.width - 2 * SIDE_MARGIN) / bounds.width, (viewport.height - TOP_MARGIN - SIDE_MARGIN) / bounds.height);
  const zoom = clampZoom(Math.min(1, Math.max(MIN_READABLE_ZOOM, fit)));
  const x = bounds.width * zoom <= viewport.width - 2 * SIDE_MARGIN ? (viewport.width - bounds.width * zoom) / 2 - bounds.x * zoom : SIDE_MARGIN - bounds.x * zoom;
  ctx.camera.set({ zoom, x, y: TOP_MARGIN - bounds.y * zoom });
}
