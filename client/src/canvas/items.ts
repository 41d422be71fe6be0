import { orderKeys, type BoardView, type CanvasItem } from '@pc/shared';
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

const EMPTY_TEXT: Record<CanvasItem['kind'], string> = {
  sticky: 'Empty note',
  text: 'Empty text',
  frame: 'Untitled frame',
  connector: '',
};

/**
 * A short, human description for the accessible list and screen readers. A
 * connector names its two ends (`nameOf` finds an item's or a record's name) and
 * its label; an end that is gone reads "(removed)".
 */
export function describeItem(item: CanvasItem, nameOf: (id: string) => string | null = () => null): string {
  if (item.kind === 'connector') {
    const end = (id: string | null) => (id === null ? '(removed)' : (nameOf(id) ?? '(removed)'));
    const label = item.text.trim();
    return `${end(item.fromId)} → ${end(item.toId)}${label === '' ? '' : `: ${label}`}`;
  }
  return item.text.trim() === '' ? EMPTY_TEXT[item.kind] : item.text.trim();
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

export type ZMove = 'forward' | 'backward' | 'front' | 'back';

function byOrder(a: { id: string; order: string }, b: { id: string; order: string }): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * New order keys for the selected items of one tab after bring forward (one step
 * above the next item that is not selected), to front, send backward or to back.
 * Only selected items get keys (fractional indexes: everyone else keeps theirs),
 * unless the keys around them are tied or broken, when the tab is renumbered.
 */
export function reorderKeys(items: readonly { id: string; order: string }[], selected: ReadonlySet<string>, move: ZMove): Map<string, string> {
  const sorted = [...items].sort(byOrder);
  const isSel = (item: { id: string }) => selected.has(item.id);
  let next: typeof sorted;
  if (move === 'front') next = [...sorted.filter((i) => !isSel(i)), ...sorted.filter(isSel)];
  else if (move === 'back') next = [...sorted.filter(isSel), ...sorted.filter((i) => !isSel(i))];
  else {
    next = [...sorted];
    if (move === 'forward') {
      for (let i = next.length - 2; i >= 0; i--) if (isSel(next[i]!) && !isSel(next[i + 1]!)) [next[i], next[i + 1]] = [next[i + 1]!, next[i]!];
    } else {
      for (let i = 1; i < next.length; i++) if (isSel(next[i]!) && !isSel(next[i - 1]!)) [next[i], next[i - 1]] = [next[i - 1]!, next[i]!];
    }
  }
  const result = new Map<string, string>();
  if (next.every((item, index) => item === sorted[index])) return result;
  try {
    for (let start = 0; start < next.length; start++) {
      if (!isSel(next[start]!)) continue;
      let end = start;
      while (end + 1 < next.length && isSel(next[end + 1]!)) end++;
      const lo = start > 0 ? next[start - 1]!.order : null;
      const hi = end + 1 < next.length ? next[end + 1]!.order : null;
      const run = next.slice(start, end + 1);
      const fits = run.every((item, k) => (lo === null || item.order > lo) && (hi === null || item.order < hi) && (k === 0 || item.order > run[k - 1]!.order));
      if (!fits) {
        if (lo !== null && hi !== null && lo >= hi) throw new Error('tied keys');
        orderKeys(run.length, lo, hi).forEach((key, k) => result.set(run[k]!.id, key));
      }
      start = end;
    }
  } catch {
    result.clear();
    orderKeys(next.length).forEach((key, k) => {
      if (next[k]!.order !== key) result.set(next[k]!.id, key);
    });
  }
  return result;
}
