import { type LogicColumn, type LogicLink, type LogicNode, compareByOrderThenId } from '@pc/shared';

/**
 * Auto-tidy: reorder cards inside each column so fewer links cross. Columns stay
 * fixed (a card's column is its meaning), so this is the ordering step of a
 * layered (Sugiyama) layout with the layers given: the barycentre heuristic,
 * swept left-to-right and right-to-left a few times, keeping the best order
 * seen. No randomness, so every peer computes the same result. Link routing can
 * come later (e.g. elkjs) and take these orders as fixed input.
 */

type Edge = Pick<LogicLink, 'from' | 'to'>;

interface Segment {
  /** Layer index of the left end and its position in that layer. */
  readonly a: number;
  readonly ya: number;
  readonly b: number;
  readonly yb: number;
}

/** Straight segments between cards in different layers; other links take no part. */
function segments(layers: readonly (readonly string[])[], links: readonly Edge[]): Segment[] {
  const where = new Map<string, { layer: number; pos: number }>();
  layers.forEach((layer, i) => layer.forEach((id, pos) => where.set(id, { layer: i, pos })));
  const seen = new Set<string>();
  const out: Segment[] = [];
  for (const l of links) {
    const p = where.get(l.from);
    const q = where.get(l.to);
    const pair = `${l.from}\u0000${l.to}`;
    if (!p || !q || p.layer === q.layer || seen.has(pair)) continue;
    seen.add(pair);
    out.push(p.layer < q.layer ? { a: p.layer, ya: p.pos, b: q.layer, yb: q.pos } : { a: q.layer, ya: q.pos, b: p.layer, yb: p.pos });
  }
  return out;
}

/**
 * Sign of (y of s at x) - (y of t at x), in integers: y(x) is
 * (ya(b - x) + yb(x - a)) / (b - a), and both denominators are positive.
 */
function side(s: Segment, t: Segment, x: number): number {
  const ns = s.ya * (s.b - x) + s.yb * (x - s.a);
  const nt = t.ya * (t.b - x) + t.yb * (x - t.a);
  return Math.sign(ns * (t.b - t.a) - nt * (s.b - s.a));
}

/**
 * Link crossings when each link is drawn straight from its card's slot in one
 * column to its card's slot in another (slot = position in the column). For
 * links between neighbouring columns this is the classic count of inversions;
 * a link that skips columns counts crossings anywhere along its span. Links
 * that only touch (share a card, or pass exactly through a slot) do not cross.
 * Links inside one column and links to cards outside the layers are ignored.
 */
export function countCrossings(layers: readonly (readonly string[])[], links: readonly Edge[]): number {
  // Sorted by left end, the inner loop can stop at the first segment that starts
  // where this one ends: most links span one column, so most pairs never meet.
  const segs = segments(layers, links).sort((s, t) => s.a - t.a);
  let crossings = 0;
  for (let i = 0; i < segs.length; i += 1) {
    const s = segs[i]!;
    for (let j = i + 1; j < segs.length && segs[j]!.a < s.b; j += 1) {
      const t = segs[j]!;
      const right = Math.min(s.b, t.b);
      if (side(s, t, t.a) * side(s, t, right) < 0) crossings += 1;
    }
  }
  return crossings;
}

export interface TidyInput {
  /** The main columns in left-to-right order; cards in other columns are left alone. */
  readonly columns: readonly LogicColumn[];
  readonly nodes: readonly Pick<LogicNode, 'id' | 'column' | 'order'>[];
  readonly links: readonly Edge[];
  /** Down-and-up sweep pairs; a few are enough in practice. */
  readonly maxSweeps?: number;
}

export interface TidyResult {
  /** New card order (node ids) for every column given, changed or not. */
  readonly orders: ReadonlyMap<LogicColumn, readonly string[]>;
  /** Columns whose order changed: only these need new order keys. */
  readonly changedColumns: readonly LogicColumn[];
  readonly crossingsBefore: number;
  readonly crossingsAfter: number;
}

export function tidyColumns(input: TidyInput): TidyResult {
  const maxSweeps = input.maxSweeps ?? 4;
  const initial: string[][] = input.columns.map((column) =>
    input.nodes
      .filter((n) => n.column === column)
      .sort(compareByOrderThenId)
      .map((n) => n.id),
  );
  const layerOf = new Map<string, number>();
  initial.forEach((layer, i) => layer.forEach((id) => layerOf.set(id, i)));

  // Undirected neighbours across layers: crossings do not care which way a link points.
  const neighbours = new Map<string, string[]>();
  for (const l of input.links) {
    const a = layerOf.get(l.from);
    const b = layerOf.get(l.to);
    if (a === undefined || b === undefined || a === b) continue;
    (neighbours.get(l.from) ?? neighbours.set(l.from, []).get(l.from)!).push(l.to);
    (neighbours.get(l.to) ?? neighbours.set(l.to, []).get(l.to)!).push(l.from);
  }

  const layers = initial.map((layer) => [...layer]);
  const pos = new Map<string, number>();
  const reindex = (layer: readonly string[]): void => layer.forEach((id, i) => pos.set(id, i));
  layers.forEach(reindex);

  /** Reorder one layer by the mean slot of its neighbours on the fixed side. */
  const reorder = (i: number, fixed: (layer: number) => boolean): void => {
    const layer = layers[i]!;
    const key = new Map<string, number>();
    for (const id of layer) {
      const fixedSlots = (neighbours.get(id) ?? []).filter((n) => fixed(layerOf.get(n)!)).map((n) => pos.get(n)!);
      // A card with no neighbours on that side keeps its slot, so it does not drift.
      key.set(id, fixedSlots.length > 0 ? fixedSlots.reduce((s, v) => s + v, 0) / fixedSlots.length : pos.get(id)!);
    }
    layer.sort((x, y) => key.get(x)! - key.get(y)! || pos.get(x)! - pos.get(y)!);
    reindex(layer);
  };

  const crossingsBefore = countCrossings(layers, input.links);
  let best = { layers: layers.map((l) => [...l]), crossings: crossingsBefore };
  const consider = (): void => {
    const crossings = countCrossings(layers, input.links);
    // Strictly better only: ties keep the earlier order, so tidy never shuffles for nothing.
    if (crossings < best.crossings) best = { layers: layers.map((l) => [...l]), crossings };
  };

  for (let sweep = 0; sweep < maxSweeps && best.crossings > 0; sweep += 1) {
    const before = layers.map((l) => l.join('\u0000')).join('\u0001');
    for (let i = 1; i < layers.length; i += 1) reorder(i, (l) => l < i);
    consider();
    for (let i = layers.length - 2; i >= 0; i -= 1) reorder(i, (l) => l > i);
    consider();
    if (layers.map((l) => l.join('\u0000')).join('\u0001') === before) break; // settled
  }

  const orders = new Map<LogicColumn, string[]>();
  const changedColumns: LogicColumn[] = [];
  input.columns.forEach((column, i) => {
    const order = best.layers[i]!;
    orders.set(column, order);
    if (order.some((id, j) => id !== initial[i]![j])) changedColumns.push(column);
  });
  return { orders, changedColumns, crossingsBefore, crossingsAfter: best.crossings };
}
