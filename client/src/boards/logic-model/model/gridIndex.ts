import type { Point, Rect } from './columnLayout';

/**
 * A uniform grid over world rectangles, so the canvas can ask "what intersects
 * the viewport?" every frame in time proportional to the answer, not to the
 * board: 10,000 cards cost a few cell look-ups per frame, not 10,000 tests.
 * Built once per layout (or per set of routes) in linear time.
 */
export interface GridIndex<T> {
  /** Items whose rectangle intersects `rect`, in the order they were given. */
  query(rect: Rect): T[];
  /** Items whose rectangle holds `point` (the edges at x + width and y + height excluded). */
  at(point: Point): T[];
  readonly size: number;
}

/** About a viewport at 100% zoom: a frame looks at a handful of cells. */
export const DEFAULT_CELL = 512;

/**
 * `rectOf` is read once per item, at build time. An item larger than a cell is
 * entered in every cell it covers and reported once per query.
 */
export function createGridIndex<T>(items: readonly T[], rectOf: (item: T) => Rect, cell = DEFAULT_CELL): GridIndex<T> {
  const rects: Rect[] = new Array(items.length);
  const cells = new Map<number, number[]>();
  // Cell coordinates packed into one number: a Map keyed by numbers is far cheaper than by strings.
  const key = (cx: number, cy: number): number => cx * 1_048_576 + cy;
  const span = (lo: number, hi: number): [number, number] => [Math.floor(lo / cell), Math.floor(hi / cell)];
  items.forEach((item, i) => {
    const r = rectOf(item);
    rects[i] = r;
    const [x0, x1] = span(r.x, r.x + r.width);
    const [y0, y1] = span(r.y, r.y + r.height);
    for (let cx = x0; cx <= x1; cx += 1) {
      for (let cy = y0; cy <= y1; cy += 1) {
        const k = key(cx, cy);
        const list = cells.get(k);
        if (list) list.push(i);
        else cells.set(k, [i]);
      }
    }
  });
  // Marks which items a query has already collected, without allocating a Set per query.
  const seen = new Uint32Array(items.length);
  let stamp = 0;

  const query = (rect: Rect): T[] => {
    stamp += 1;
    if (stamp === 0xffffffff) {
      seen.fill(0);
      stamp = 1;
    }
    const found: number[] = [];
    const [x0, x1] = span(rect.x, rect.x + rect.width);
    const [y0, y1] = span(rect.y, rect.y + rect.height);
    for (let cx = x0; cx <= x1; cx += 1) {
      for (let cy = y0; cy <= y1; cy += 1) {
        const list = cells.get(key(cx, cy));
        if (!list) continue;
        for (const i of list) {
          if (seen[i] === stamp) continue;
          seen[i] = stamp;
          const r = rects[i]!;
          if (r.x < rect.x + rect.width && rect.x < r.x + r.width && r.y < rect.y + rect.height && rect.y < r.y + r.height) found.push(i);
        }
      }
    }
    found.sort((a, b) => a - b);
    return found.map((i) => items[i]!);
  };

  const at = (point: Point): T[] => {
    const list = cells.get(key(Math.floor(point.x / cell), Math.floor(point.y / cell))) ?? [];
    const out: T[] = [];
    for (const i of list) {
      const r = rects[i]!;
      if (point.x >= r.x && point.x < r.x + r.width && point.y >= r.y && point.y < r.y + r.height) out.push(items[i]!);
    }
    return out;
  };

  return { query, at, size: items.length };
}
