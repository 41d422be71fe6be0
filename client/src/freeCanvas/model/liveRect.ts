import type { CanvasItem } from '@pc/shared';
import type { Rect } from '../../lib/geometry';
import type { LiveGeometry } from '../store';

/** Where a free item is drawn right now: the document's rectangle, shifted or resized by a gesture in progress. */
export function itemRectNow(item: Pick<CanvasItem, 'id' | 'x' | 'y' | 'width' | 'height'>, live: LiveGeometry): Rect {
  let { x, y, width, height } = item;
  if (live.move?.ids.has(item.id)) {
    x += live.move.dx;
    y += live.move.dy;
  }
  if (live.resize?.id === item.id) {
    width = live.resize.width;
    height = live.resize.height;
  }
  return { x, y, width, height };
}
