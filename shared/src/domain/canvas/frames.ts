import type { CanvasItem } from '../../schema';

/** What containment needs of a free item. */
export type PlacedItem = Pick<CanvasItem, 'id' | 'kind' | 'x' | 'y' | 'width' | 'height'>;

function centreInside(frame: PlacedItem, item: PlacedItem): boolean {
  const x = item.x + item.width / 2;
  const y = item.y + item.height / 2;
  return x >= frame.x && x < frame.x + frame.width && y >= frame.y && y < frame.y + frame.height;
}

/**
 * What a frame holds: the items (notes, text, smaller frames) whose centre lies
 * inside it. Connectors are not held: they follow their ends. A frame never holds
 * itself, nor a frame at least as large as it (two equal frames on top of each
 * other would otherwise hold each other). The canvas moves what a frame holds
 * with it, and a facilitator lock on a frame holds the same items still, so
 * both use this one rule.
 */
export function frameContents<T extends PlacedItem>(frame: PlacedItem, items: readonly T[]): T[] {
  return items.filter((item) => {
    if (item.id === frame.id || item.kind === 'connector') return false;
    if (item.kind === 'frame' && item.width * item.height >= frame.width * frame.height) return false;
    return centreInside(frame, item);
  });
}

/** The ids a move takes along: the moved items plus, for each frame among them, what it holds (frames in frames too). */
export function carriedIds(moved: Iterable<string>, items: readonly PlacedItem[]): Set<string> {
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
