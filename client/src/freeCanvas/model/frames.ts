import type { CanvasItem } from '@pc/shared';
import { rectContainsPoint, type Rect } from '../../lib/geometry';

type Placed = Pick<CanvasItem, 'id' | 'kind' | 'x' | 'y' | 'width' | 'height'>;

function centreOf(rect: Rect) {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/**
 * What a frame holds: the items (notes, text, smaller frames) whose centre lies
 * inside it. Connectors are not held: they follow their ends. A frame never holds
 * itself, nor a frame at least as large as it (two equal frames on top of each
 * other would otherwise hold each other).
 */
export function frameContents<T extends Placed>(frame: Placed, items: readonly T[]): T[] {
  return items.filter((item) => {
    if (item.id === frame.id || item.kind === 'connector') return false;
    if (item.kind === 'frame' && item.width * item.height >= frame.width * frame.height) return false;
    return rectContainsPoint(frame, centreOf(item));
  });
}

/** The ids a move takes along: the moved items plus, for each frame among them, what it holds (frames in frames too). */
export function carriedIds(moved: Iterable<string>, items: readonly Placed[]): Set<string> {
  const byId = new Map(items.map((item) => [item.id, item]));
  const result = new Set<string>();
  const queue = [...moved];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (result.has(id)) continue;
    const item = byId.get(id);
    if (!item || item.kind === 'connector') continue;
    result.add(id);
    if (item.kind === 'frame') for (const inside of frameContents(item, items)) queue.push(inside.id);
  }
  return result;
}
