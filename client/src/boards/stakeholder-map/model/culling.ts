/**
 * Viewport culling for boards with thousands of cards: a uniform grid spatial
 * index, updated one card at a time as cards move (a drag touches one entry, not
 * the whole index), and queried with the visible rectangle each frame.
 */
import type { Point } from './grid';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A rectangle with non-negative size (negative sizes flip it), or null if any part is not finite. */
export function normaliseRect(rect: Rect): Rect | null {
  const { x, y, width, height } = rect;
  if (![x, y, width, height].every(Number.isFinite)) return null;
  return {
    x: width < 0 ? x + width : x,
    y: height < 0 ? y + height : y,
    width: Math.abs(width),
    height: Math.abs(height),
  };
}

/** Closed intersection: a card touching the viewport edge counts as visible (drawing one too many is harmless). */
export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

/** Grow a rectangle on every side, e.g. so cards just off screen are ready before a pan reveals them. */
export function expandRect(rect: Rect, margin: number): Rect {
  return { x: rect.x - margin, y: rect.y - margin, width: rect.width + 2 * margin, height: rect.height + 2 * margin };
}

/** Bounding box of a circle: how round cards enter the index. */
export function circleBounds(centre: Point, radius: number): Rect {
  const r = Math.abs(radius);
  return { x: centre.x - r, y: centre.y - r, width: 2 * r, height: 2 * r };
}

/** Does the segment a-b touch the rectangle? Used for edges whose two cards are both off screen. */
export function segmentIntersectsRect(a: Point, b: Point, rect: Rect): boolean {
  const box = normaliseRect(rect);
  if (!box || ![a.x, a.y, b.x, b.y].every(Number.isFinite)) return false;
  // Liang-Barsky clipping: shrink the parameter interval [t0, t1] against each side.
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const sides: [number, number][] = [
    [-dx, a.x - box.x],
    [dx, box.x + box.width - a.x],
    [-dy, a.y - box.y],
    [dy, box.y + box.height - a.y],
  ];
  for (const [p, q] of sides) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** Plain scan, for small boards and as the reference the index is tested against. */
export function visibleIds(items: Iterable<{ id: string; bounds: Rect }>, viewport: Rect): string[] {
  const view = normaliseRect(viewport);
  if (!view) return [];
  const result: string[] = [];
  for (const item of items) {
    const bounds = normaliseRect(item.bounds);
    if (bounds && rectsIntersect(bounds, view)) result.push(item.id);
  }
  return result;
}

interface CellRange {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

interface Entry {
  bounds: Rect;
  /** null for oversized entries kept outside the grid. */
  cells: CellRange | null;
}

/** An item covering more cells than this (a huge frame, a zoomed-out import) is kept in a side list. */
const MAX_CELLS_PER_ITEM = 1024;

export class SpatialIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly cells = new Map<string, Set<string>>();
  private readonly oversized = new Set<string>();
  readonly cellSize: number;

  /** cellSize should be a few card widths: small enough to skip empty space, large enough to keep cards in 1-4 cells. */
  constructor(cellSize = 256) {
    this.cellSize = cellSize > 0 && Number.isFinite(cellSize) ? cellSize : 256;
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  boundsOf(id: string): Rect | undefined {
    return this.entries.get(id)?.bounds;
  }

  private rangeOf(rect: Rect): CellRange {
    return {
      minX: Math.floor(rect.x / this.cellSize),
      minY: Math.floor(rect.y / this.cellSize),
      maxX: Math.floor((rect.x + rect.width) / this.cellSize),
      maxY: Math.floor((rect.y + rect.height) / this.cellSize),
    };
  }

  private static cellCount(range: CellRange): number {
    return (range.maxX - range.minX + 1) * (range.maxY - range.minY + 1);
  }

  private forEachCell(range: CellRange, visit: (key: string) => void): void {
    for (let cx = range.minX; cx <= range.maxX; cx += 1) {
      for (let cy = range.minY; cy <= range.maxY; cy += 1) visit(`${cx},${cy}`);
    }
  }

  /**
   * Insert or move an item. Moving within the same cells only updates its bounds.
   * Returns false (and drops any old entry) when the rectangle is not finite: such
   * a card cannot be drawn anywhere, so it is never visible.
   */
  set(id: string, rect: Rect): boolean {
    const bounds = normaliseRect(rect);
    const old = this.entries.get(id);
    if (!bounds) {
      this.delete(id);
      return false;
    }
    const range = this.rangeOf(bounds);
    const cells = SpatialIndex.cellCount(range) > MAX_CELLS_PER_ITEM ? null : range;
    if (old && sameRange(old.cells, cells)) {
      old.bounds = bounds;
      return true;
    }
    if (old) this.unlink(id, old);
    this.entries.set(id, { bounds, cells });
    if (cells === null) this.oversized.add(id);
    else
      this.forEachCell(cells, (key) => {
        const set = this.cells.get(key);
        if (set) set.add(id);
        else this.cells.set(key, new Set([id]));
      });
    return true;
  }

  delete(id: string): boolean {
    const old = this.entries.get(id);
    if (!old) return false;
    this.unlink(id, old);
    this.entries.delete(id);
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.cells.clear();
    this.oversized.clear();
  }

  private unlink(id: string, entry: Entry): void {
    if (entry.cells === null) {
      this.oversized.delete(id);
      return;
    }
    this.forEachCell(entry.cells, (key) => {
      const set = this.cells.get(key);
      if (!set) return;
      set.delete(id);
      if (set.size === 0) this.cells.delete(key); // keep the map as small as the board
    });
  }

  /** Ids of items whose bounds intersect the rectangle (closed), in no particular order. */
  query(rect: Rect): string[] {
    const view = normaliseRect(rect);
    if (!view) return [];
    const range = this.rangeOf(view);
    const result: string[] = [];
    // Zoomed far out, walking the cells costs more than checking every item.
    if (SpatialIndex.cellCount(range) > this.entries.size) {
      for (const [id, entry] of this.entries) if (rectsIntersect(entry.bounds, view)) result.push(id);
      return result;
    }
    const seen = new Set<string>();
    const consider = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      const entry = this.entries.get(id);
      if (entry && rectsIntersect(entry.bounds, view)) result.push(id);
    };
    this.forEachCell(range, (key) => this.cells.get(key)?.forEach(consider));
    this.oversized.forEach(consider);
    return result;
  }
}

function sameRange(a: CellRange | null, b: CellRange | null): boolean {
  if (a === null || b === null) return a === b;
  return a.minX === b.minX && a.minY === b.minY && a.maxX === b.maxX && a.maxY === b.maxY;
}
