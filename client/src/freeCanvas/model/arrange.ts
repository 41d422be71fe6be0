import type { Rect } from '../../lib/geometry';

export type AlignMode = 'left' | 'centre' | 'right' | 'top' | 'middle' | 'bottom';
export type DistributeAxis = 'horizontal' | 'vertical';

export interface Box extends Rect {
  id: string;
}

/** New top-left corners, by id, for the boxes that move; fewer than two boxes never move. */
export type Placement = Map<string, { x: number; y: number }>;

/** Line the boxes up on the selection's left, centre, right, top, middle or bottom. */
export function align(boxes: readonly Box[], mode: AlignMode): Placement {
  const result: Placement = new Map();
  if (boxes.length < 2) return result;
  const left = Math.min(...boxes.map((b) => b.x));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const top = Math.min(...boxes.map((b) => b.y));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  for (const b of boxes) {
    let { x, y } = b;
    if (mode === 'left') x = left;
    else if (mode === 'right') x = right - b.width;
    else if (mode === 'centre') x = (left + right) / 2 - b.width / 2;
    else if (mode === 'top') y = top;
    else if (mode === 'bottom') y = bottom - b.height;
    else y = (top + bottom) / 2 - b.height / 2;
    if (x !== b.x || y !== b.y) result.set(b.id, { x, y });
  }
  return result;
}

/**
 * Equal gaps between neighbours along an axis, the outermost two staying put.
 * Boxes are taken in the order of their left (or top) edge; when they are wider
 * than the span the gap is negative and they overlap evenly. Needs three boxes.
 */
export function distribute(boxes: readonly Box[], axis: DistributeAxis): Placement {
  const result: Placement = new Map();
  if (boxes.length < 3) return result;
  const start = (b: Box) => (axis === 'horizontal' ? b.x : b.y);
  const size = (b: Box) => (axis === 'horizontal' ? b.width : b.height);
  const sorted = [...boxes].sort((a, b) => start(a) - start(b) || (a.id < b.id ? -1 : 1));
  const first = sorted[0]!;
  const spanEnd = Math.max(...sorted.map((b) => start(b) + size(b)));
  const total = sorted.reduce((sum, b) => sum + size(b), 0);
  const gap = (spanEnd - start(first) - total) / (sorted.length - 1);
  let cursor = start(first);
  for (const b of sorted) {
    if (cursor !== start(b)) result.set(b.id, axis === 'horizontal' ? { x: cursor, y: b.y } : { x: b.x, y: cursor });
    cursor += size(b) + gap;
  }
  return result;
}
