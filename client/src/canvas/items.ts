import type { BoardView, CanvasItem } from '@pc/shared';
import { unionRects, type Rect } from '../lib/geometry';

/** Items of one board tab, in z-order (lowest first); ties broken by id so every client agrees. */
export function itemsForView(items: readonly CanvasItem[], view: BoardView): CanvasItem[] {
  return items.filter((item) => item.view === view).sort(compareZOrder);
}

export function compareZOrder(a: CanvasItem, b: CanvasItem): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Reading order for the accessible list: top to bottom, then left to right. */
export function compareReadingOrder(a: CanvasItem, b: CanvasItem): number {
  if (a.y !== b.y) return a.y - b.y;
  if (a.x !== b.x) return a.x - b.x;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function boundsOfItems(items: readonly CanvasItem[]): Rect | null {
  return unionRects(items);
}

/** The topmost item under a world point, if any. */
export function topItemAt(items: readonly CanvasItem[], x: number, y: number): CanvasItem | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (x >= item.x && x <= item.x + item.width && y >= item.y && y <= item.y + item.height) return item;
  }
  return undefined;
}

/** A short, human description for the accessible list and screen readers. */
export function describeItem(item: CanvasItem): string {
  const text = item.text.trim() === '' ? 'Empty note' : item.text.trim();
  return `${text}`;
}

export function describePosition(item: CanvasItem): string {
  return `x ${Math.round(item.x)}, y ${Math.round(item.y)}`;
}

export const KIND_LABELS: Record<CanvasItem['kind'], string> = {
  sticky: 'Sticky note',
  text: 'Text',
  frame: 'Frame',
  connector: 'Connector',
};

/**
 * Where to put a new note near `centre` so repeated "Add note" clicks fan out
 * diagonally instead of stacking exactly on top of each other.
 */
export function freeSpotNear(centre: { x: number; y: number }, items: readonly CanvasItem[], size: { width: number; height: number }, step = 24): { x: number; y: number } {
  let spot = { ...centre };
  for (let i = 0; i < 50; i++) {
    const left = spot.x - size.width / 2;
    const top = spot.y - size.height / 2;
    const taken = items.some((item) => Math.abs(item.x - left) < step / 2 && Math.abs(item.y - top) < step / 2);
    if (!taken) return spot;
    spot = { x: spot.x + step, y: spot.y + step };
  }
  return spot;
}
