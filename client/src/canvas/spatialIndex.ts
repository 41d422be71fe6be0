/**
 * The one spatial index every board culls and hit-tests with: a uniform grid
 * over world rectangles. "What intersects the viewport?" costs a few cell
 * look-ups per frame, not a test per item, and entries move one at a time (a
 * drag touches one entry, not the whole index). Intersection is
 * `rectsIntersect` (open edges), hit testing `rectContainsPoint`.
 */
import { normaliseRect, rectContainsPoint, rectsIntersect, type Point, type Rect } from '../lib/geometry';

interface CellRange {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

interface Entry<K> {
  readonly key: K;
  bounds: Rect;
  /** null for oversized entries kept outside the grid. */
  cells: CellRange | null;
  /** The query that last collected it, so a query reports it once without a Set. */
  stamp: number;
}

/** An item covering more cells than this (a huge frame, a long link) is kept in a side list. */
const MAX_CELLS_PER_ITEM = 1024;
export const DEFAULT_CELL_SIZE = 256;

/** Cell coordinates packed into one number: a Map keyed by numbers is far cheaper than by strings. */
const cellKey = (cx: number, cy: number): number => cx * 1_048_576 + cy;

export class SpatialIndex<K = string> {
  private readonly entries = new Map<K, Entry<K>>();
  private readonly cells = new Map<number, Set<Entry<K>>>();
  private readonly oversized = new Set<Entry<K>>();
  private stamp = 0;
  readonly cellSize: number;

  /** cellSize should be a few card widths: small enough to skip empty space, large enough to keep cards in 1-4 cells. */
  constructor(cellSize = DEFAULT_CELL_SIZE) {
    this.cellSize = cellSize > 0 && Number.isFinite(cellSize) ? cellSize : DEFAULT_CELL_SIZE;
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  boundsOf(key: K): Rect | undefined {
    return this.entries.get(key)?.bounds;
  }

  private rangeOf(rect: Rect): CellRange {
    return {
      minX: Math.floor(rect.x / this.cellSize),
      minY: Math.floor(rect.y / this.cellSize),
      maxX: Math.floor((rect.x + rect.width) / this.cellSize),
      maxY: Math.floor((rect.y + rect.height) / this.cellSize),
    };
  }

  /**
   * Insert or move an item. Moving within the same cells only updates its bounds.
   * Returns false (and drops any old entry) when the rectangle is not finite: such
   * an item cannot be drawn anywhere, so it is never visible.
   */
  set(key: K, rect: Rect): boolean {
    const bounds = normaliseRect(rect);
    if (!bounds) {
      this.delete(key);
      return false;
    }
    const range = this.rangeOf(bounds);
    const cells = cellCount(range) > MAX_CELLS_PER_ITEM ? null : range;
    const old = this.entries.get(key);
    if (old && sameRange(old.cells, cells)) {
      old.bounds = bounds;
      return true;
    }
    if (old) this.unlink(old);
    const entry: Entry<K> = { key, bounds, cells, stamp: 0 };
    this.entries.set(key, entry);
    if (cells === null) {
      this.oversized.add(entry);
      return true;
    }
    for (let cx = cells.minX; cx <= cells.maxX; cx += 1) {
      for (let cy = cells.minY; cy <= cells.maxY; cy += 1) {
        const k = cellKey(cx, cy);
        const set = this.cells.get(k);
        if (set) set.add(entry);
        else this.cells.set(k, new Set([entry]));
      }
    }
    return true;
  }

  delete(key: K): boolean {
    const old = this.entries.get(key);
    if (!old) return false;
    this.unlink(old);
    this.entries.delete(key);
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.cells.clear();
    this.oversized.clear();
  }

  private unlink(entry: Entry<K>): void {
    const range = entry.cells;
    if (range === null) {
      this.oversized.delete(entry);
      return;
    }
    for (let cx = range.minX; cx <= range.maxX; cx += 1) {
      for (let cy = range.minY; cy <= range.maxY; cy += 1) {
        const k = cellKey(cx, cy);
        const set = this.cells.get(k);
        if (!set) continue;
        set.delete(entry);
        if (set.size === 0) this.cells.delete(k); // keep the map as small as the board
      }
    }
  }

  private nextStamp(): number {
    this.stamp += 1;
    if (this.stamp === Number.MAX_SAFE_INTEGER) {
      for (const entry of this.entries.values()) entry.stamp = 0;
      this.stamp = 1;
    }
    return this.stamp;
  }

  /** Keys of items whose bounds intersect the rectangle, in no particular order. */
  query(rect: Rect): K[] {
    const view = normaliseRect(rect);
    if (!view) return [];
    const range = this.rangeOf(view);
    const result: K[] = [];
    // Zoomed far out, walking the cells costs more than checking every item.
    if (cellCount(range) > this.entries.size) {
      for (const entry of this.entries.values()) if (rectsIntersect(entry.bounds, view)) result.push(entry.key);
      return result;
    }
    const stamp = this.nextStamp();
    const consider = (entry: Entry<K>) => {
      if (entry.stamp === stamp) return;
      entry.stamp = stamp;
      if (rectsIntersect(entry.bounds, view)) result.push(entry.key);
    };
    for (let cx = range.minX; cx <= range.maxX; cx += 1) {
      for (let cy = range.minY; cy <= range.maxY; cy += 1) this.cells.get(cellKey(cx, cy))?.forEach(consider);
    }
    this.oversized.forEach(consider);
    return result;
  }

  /** Keys of items whose bounds hold `point` (see `rectContainsPoint`), in no particular order. */
  at(point: Point): K[] {
    const result: K[] = [];
    const consider = (entry: Entry<K>) => {
      if (rectContainsPoint(entry.bounds, point)) result.push(entry.key);
    };
    this.cells.get(cellKey(Math.floor(point.x / this.cellSize), Math.floor(point.y / this.cellSize)))?.forEach(consider);
    this.oversized.forEach(consider);
    return result;
  }
}

function cellCount(range: CellRange): number {
  return (range.maxX - range.minX + 1) * (range.maxY - range.minY + 1);
}

function sameRange(a: CellRange | null, b: CellRange | null): boolean {
  if (a === null || b === null) return a === b;
  return a.minX === b.minX && a.minY === b.minY && a.maxX === b.maxX && a.maxY === b.maxY;
}

/** A fixed list of items behind the index, answering in the list's order (drawing order). */
export interface ItemIndex<T> {
  /** Items whose rectangle intersects `rect`, in the order they were given. */
  query(rect: Rect): T[];
  /** Items whose rectangle holds `point`, in the order they were given. */
  at(point: Point): T[];
  readonly size: number;
}

/** Index a list built once per layout; `rectOf` is read once per item. */
export function indexItems<T>(items: readonly T[], rectOf: (item: T) => Rect, cellSize = 512): ItemIndex<T> {
  const index = new SpatialIndex<number>(cellSize);
  items.forEach((item, i) => index.set(i, rectOf(item)));
  const inOrder = (found: number[]): T[] => found.sort((a, b) => a - b).map((i) => items[i]!);
  return {
    query: (rect) => inOrder(index.query(rect)),
    at: (point) => inOrder(index.at(point)),
    size: items.length,
  };
}

/** Plain scan: for lists that change every frame (notes being dragged), and the reference the index is tested against. */
export function cullToViewport<T extends Rect>(items: readonly T[], viewport: Rect): T[] {
  const out: T[] = [];
  for (const item of items) if (rectsIntersect(item, viewport)) out.push(item);
  return out;
}
