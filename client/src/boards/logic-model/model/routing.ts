import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { LogicLink } from '@pc/shared';
import type { BoardLayout, CardBox, ColumnBox } from './columnLayout';
import { type Point } from '../../../lib/geometry';

/**
 * Where each causal arrow runs on the canvas.
 *
 * Cards stay exactly where the column layout puts them (their place is their
 * column plus order key, the same for everyone). ELK's layered algorithm is
 * asked to route the links between columns with every column as one layer, in
 * interactive mode so it keeps our card order; its answer is then carried back
 * onto our card positions with a continuous, order-keeping warp of the plane
 * (see `warpFromElk`). A warp like that maps ELK's cards exactly onto ours and
 * cannot make two routes cross, or a route cut a card, where ELK's did not.
 *
 * Links ELK does not route: links within one column (outcomes building on each
 * other) bow out to the right of the column; links to or from the assumption and
 * external-factor lanes are annotations, drawn as light curves. Until ELK has
 * answered (or if it fails), every link gets the same simple curve.
 */

export type RouteShape =
  /** Orthogonal polyline from ELK, drawn with rounded corners. */
  | { readonly kind: 'polyline'; readonly points: readonly Point[] }
  /** One cubic Bézier: start, control 1, control 2, end. */
  | { readonly kind: 'curve'; readonly points: readonly [Point, Point, Point, Point] };

export interface LinkRoute {
  readonly linkId: string;
  readonly shape: RouteShape;
  /** True when ELK routed it; false for the quick curve. */
  readonly routed: boolean;
}

/** The part of elkjs we use, so tests and the app can pass the real thing. */
export interface ElkLayouter {
  layout(graph: ElkNode): Promise<ElkNode>;
}

type Edge = Pick<LogicLink, 'id' | 'from' | 'to'>;

const WITHIN_BOW = 36;

function centreLeft(b: CardBox): Point {
  return { x: b.x, y: b.y + b.height / 2 };
}
function centreRight(b: CardBox): Point {
  return { x: b.x + b.width, y: b.y + b.height / 2 };
}

/**
 * The quick route: an S-curve between facing card sides, a bow for same-column
 * links, and a path through the gaps for links to the lanes.
 */
export function quickRoute(layout: BoardLayout, link: Edge): RouteShape | null {
  const a = layout.cards.get(link.from);
  const b = layout.cards.get(link.to);
  if (!a || !b) return null;
  const laneA = isLaneCard(layout, a);
  const laneB = isLaneCard(layout, b);
  if (laneA !== laneB) {
    // Annotation between a lane card and a card of the model: up from the lane,
    // along the channel under the columns, up the gap left of the card's column
    // and into its left side, so it never runs behind other cards.
    const [lane, main] = laneA ? [a, b] : [b, a];
    const column = layout.columns.find((c) => c.key === main.column)!;
    const channelY = column.y + column.height + layout.options.laneGap * 0.4;
    const gapX = column.x - Math.min(8, layout.options.columnGap / 4);
    const mainY = main.y + main.height / 2;
    const points: Point[] = [
      { x: lane.x + lane.width / 2, y: lane.y },
      { x: lane.x + lane.width / 2, y: channelY },
      { x: gapX, y: channelY },
      { x: gapX, y: mainY },
      { x: main.x, y: mainY },
    ];
    return { kind: 'polyline', points: laneA ? points : points.reverse() };
  }
  if (laneA && laneB) {
    const [top, bottom] = a.y <= b.y ? [a, b] : [b, a];
    const start = { x: top.x + top.width / 2, y: top.y + top.height };
    const end = { x: bottom.x + bottom.width / 2, y: bottom.y };
    const pull = Math.max(40, (end.y - start.y) / 2);
    const points: [Point, Point, Point, Point] = [start, { x: start.x, y: start.y + pull }, { x: end.x, y: end.y - pull }, end];
    return { kind: 'curve', points: a === top ? points : [end, points[2], points[1], start] };
  }
  if (a.column === b.column || Math.abs(a.x - b.x) < 1) {
    const start = centreRight(a);
    const end = centreRight(b);
    const bow = WITHIN_BOW + Math.min(60, Math.abs(end.y - start.y) / 8);
    return { kind: 'curve', points: [start, { x: start.x + bow, y: start.y }, { x: end.x + bow, y: end.y }, end] };
  }
  const forward = b.x > a.x;
  const start = forward ? centreRight(a) : centreLeft(a);
  const end = forward ? centreLeft(b) : centreRight(b);
  const pull = Math.max(30, Math.abs(end.x - start.x) / 2.5);
  const dir = forward ? 1 : -1;
  return { kind: 'curve', points: [start, { x: start.x + dir * pull, y: start.y }, { x: end.x - dir * pull, y: end.y }, end] };
}

function isLaneCard(layout: BoardLayout, box: CardBox): boolean {
  return layout.columns.find((c) => c.key === box.column)?.kind === 'lane';
}

export function quickRoutes(layout: BoardLayout, links: readonly Edge[]): Map<string, LinkRoute> {
  const out = new Map<string, LinkRoute>();
  for (const l of links) {
    const shape = quickRoute(layout, l);
    if (shape) out.set(l.id, { linkId: l.id, shape, routed: false });
  }
  return out;
}

/** Links ELK routes: both ends in main columns, in different columns. */
export function elkRoutable(layout: BoardLayout, link: Edge): boolean {
  if (link.from === link.to) return false;
  const a = layout.cards.get(link.from);
  const b = layout.cards.get(link.to);
  if (!a || !b || a.column === b.column) return false;
  return !isLaneCard(layout, a) && !isLaneCard(layout, b);
}

export const ELK_OPTIONS: Readonly<Record<string, string>> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  // Interactive phases read our positions: layer = column (by x), order in a layer = card order (by y).
  'elk.layered.cycleBreaking.strategy': 'INTERACTIVE',
  'elk.layered.layering.strategy': 'INTERACTIVE',
  'elk.layered.crossingMinimization.strategy': 'INTERACTIVE',
  'elk.layered.nodePlacement.strategy': 'INTERACTIVE',
  'elk.separateConnectedComponents': 'false',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.spacing.nodeNode': '12',
  'elk.spacing.edgeNode': '8',
  'elk.spacing.edgeEdge': '6',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '6',
  'elk.layered.spacing.edgeNodeBetweenLayers': '10',
  'elk.layered.mergeEdges': 'false',
};

const PLACEHOLDER = '\u0000column:';

/** The ELK graph for the routable links: one node per card, a placeholder for each empty column. */
export function elkGraph(layout: BoardLayout, links: readonly Edge[]): { graph: ElkNode; routed: Edge[] } {
  const mainColumns = layout.columns.filter((c) => c.kind === 'column');
  const children: ElkNode[] = [];
  const bottom = layout.bounds.y + layout.bounds.height;
  for (const column of mainColumns) {
    const cards = layout.cardsByColumn.get(column.key) ?? [];
    for (const b of cards) children.push({ id: b.nodeId, x: b.x, y: b.y, width: b.width, height: b.height });
    // An empty column still has to be a layer, or ELK would close the gap.
    if (cards.length === 0) children.push({ id: PLACEHOLDER + column.key, x: column.cardX, y: bottom + 400, width: column.cardWidth, height: 1 });
  }
  const routed = links.filter((l) => elkRoutable(layout, l));
  const edges: ElkExtendedEdge[] = routed.map((l) => ({ id: l.id, sources: [l.from], targets: [l.to] }));
  return { graph: { id: 'logic-model', layoutOptions: { ...ELK_OPTIONS }, children, edges }, routed };
}

interface Anchor {
  readonly from: number;
  readonly to: number;
}

/** Piecewise-linear, increasing map through the anchors; slope 1 beyond the ends. */
function piecewise(anchors: readonly Anchor[], fallbackShift: number): (v: number) => number {
  const sorted = [...anchors].sort((a, b) => a.from - b.from);
  // Keep it strictly increasing even if ELK moved cards out of our order.
  const clean: Anchor[] = [];
  for (const a of sorted) {
    const last = clean[clean.length - 1];
    if (!last || (a.from > last.from && a.to > last.to)) clean.push(a);
  }
  if (clean.length === 0) return (v) => v + fallbackShift;
  return (v) => {
    const first = clean[0]!;
    const last = clean[clean.length - 1]!;
    if (v <= first.from) return first.to + (v - first.from);
    if (v >= last.from) return last.to + (v - last.from);
    let i = 1;
    while (clean[i]!.from < v) i += 1;
    const a = clean[i - 1]!;
    const b = clean[i]!;
    return a.to + ((v - a.from) * (b.to - a.to)) / (b.from - a.from);
  };
}

export interface Warp {
  map(p: Point): Point;
  /** ELK x positions where the warp changes character: split segments there before mapping. */
  readonly breaks: readonly number[];
}

/**
 * A continuous map of ELK's plane onto ours. x: each ELK layer's span goes to its
 * column's card span, gaps in between linearly. y: inside a column, each card's
 * ELK top and bottom go to our top and bottom (linearly between cards); inside a
 * gap, a blend of the two neighbouring columns' maps. Both are increasing, so the
 * warp keeps every order: routes that were apart stay apart.
 */
export function warpFromElk(layout: BoardLayout, result: ElkNode): Warp {
  const elkById = new Map((result.children ?? []).map((n) => [n.id, n]));
  const mainColumns = layout.columns.filter((c) => c.kind === 'column');
  const shifts: number[] = [];
  for (const b of layout.cards.values()) {
    const e = elkById.get(b.nodeId);
    if (e?.y !== undefined) shifts.push(b.y - e.y);
  }
  const globalShift = shifts.length ? shifts.reduce((s, v) => s + v, 0) / shifts.length : 0;

  interface Span {
    readonly column: ColumnBox;
    readonly elkLeft: number;
    readonly elkRight: number;
    readonly y: (v: number) => number;
  }
  const spans: Span[] = [];
  for (const column of mainColumns) {
    const cards = layout.cardsByColumn.get(column.key) ?? [];
    const ids = cards.length ? cards.map((c) => c.nodeId) : [PLACEHOLDER + column.key];
    const elkNodes = ids.map((id) => elkById.get(id)).filter((n): n is ElkNode => n !== undefined);
    if (elkNodes.length === 0) continue;
    const elkLeft = Math.min(...elkNodes.map((n) => n.x ?? 0));
    const elkRight = Math.max(...elkNodes.map((n) => (n.x ?? 0) + (n.width ?? 0)));
    const anchors: Anchor[] = [];
    for (const b of cards) {
      const e = elkById.get(b.nodeId);
      if (e?.y === undefined) continue;
      anchors.push({ from: e.y, to: b.y }, { from: e.y + (e.height ?? b.height), to: b.y + b.height });
    }
    spans.push({ column, elkLeft, elkRight, y: piecewise(anchors, globalShift) });
  }
  spans.sort((a, b) => a.elkLeft - b.elkLeft);
  const xMap = piecewise(
    spans.flatMap((s) => [
      { from: s.elkLeft, to: s.column.cardX },
      { from: s.elkRight, to: s.column.cardX + s.column.cardWidth },
    ]),
    0,
  );
  const yAt = (x: number, y: number): number => {
    if (spans.length === 0) return y + globalShift;
    if (x <= spans[0]!.elkRight) return spans[0]!.y(y);
    for (let i = 0; i < spans.length - 1; i += 1) {
      const left = spans[i]!;
      const right = spans[i + 1]!;
      if (x <= left.elkRight) return left.y(y);
      if (x < right.elkLeft) {
        const t = (x - left.elkRight) / (right.elkLeft - left.elkRight);
        return (1 - t) * left.y(y) + t * right.y(y);
      }
    }
    return spans[spans.length - 1]!.y(y);
  };
  return {
    map: (p) => ({ x: xMap(p.x), y: yAt(p.x, p.y) }),
    breaks: spans.flatMap((s) => [s.elkLeft, s.elkRight]),
  };
}

/** Split each segment where it crosses a break, map every point, drop points that add nothing. */
export function warpPolyline(points: readonly Point[], warp: Warp): Point[] {
  const split: Point[] = [];
  points.forEach((p, i) => {
    if (i > 0) {
      const q = points[i - 1]!;
      const lo = Math.min(q.x, p.x);
      const hi = Math.max(q.x, p.x);
      const inside = warp.breaks.filter((x) => x > lo && x < hi).sort((a, b) => (q.x < p.x ? a - b : b - a));
      for (const x of inside) split.push({ x, y: q.y + ((x - q.x) * (p.y - q.y)) / (p.x - q.x) });
    }
    split.push(p);
  });
  return simplify(split.map(warp.map));
}

/** Remove repeated points and middle points of straight runs. */
export function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    const prev = out[out.length - 2];
    if (prev && last) {
      const cross = (last.x - prev.x) * (p.y - last.y) - (last.y - prev.y) * (p.x - last.x);
      if (Math.abs(cross) < 0.01) out[out.length - 1] = p;
      else out.push(p);
    } else out.push(p);
  }
  return out;
}

/**
 * Every link's route: ELK's for links between columns, the quick curve for the
 * rest (and for any link ELK left without a route).
 */
/**
 * ELK lays out every card of the main columns to route the links between them,
 * on the main thread; past a few hundred cards that takes seconds. Bigger boards
 * keep the quick curves.
 */
export const MAX_ELK_CARDS = 600;

export function routeWithElk(cardCount: number, linkCount: number): boolean {
  return linkCount > 0 && cardCount <= MAX_ELK_CARDS;
}

/** The world rectangle a route's line (and its arrow head) stays within, for culling. */
export function routeBounds(shape: RouteShape, pad = 10): { x: number; y: number; width: number; height: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  // A cubic Bézier stays inside the hull of its control points.
  for (const p of shape.points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  if (minX === Infinity) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: minX - pad, y: minY - pad, width: maxX - minX + 2 * pad, height: maxY - minY + 2 * pad };
}

export async function routeLinks(elk: ElkLayouter, layout: BoardLayout, links: readonly Edge[]): Promise<Map<string, LinkRoute>> {
  const routes = quickRoutes(layout, links);
  const { graph, routed } = elkGraph(layout, links);
  if (routed.length === 0) return routes;
  const result = await elk.layout(graph);
  const warp = warpFromElk(layout, result);
  const byId = new Map((result.edges ?? []).map((e) => [e.id, e]));
  for (const l of routed) {
    const section = byId.get(l.id)?.sections?.[0];
    if (!section) continue;
    const raw = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
    const points = warpPolyline(raw, warp);
    if (points.length >= 2) routes.set(l.id, { linkId: l.id, shape: { kind: 'polyline', points }, routed: true });
  }
  return routes;
}

/** What a route is traced onto: a canvas context's path, or an SVG path builder. */
export type PathSink = Pick<CanvasRenderingContext2D, 'moveTo' | 'lineTo' | 'bezierCurveTo' | 'quadraticCurveTo'>;

const r1 = (n: number): number => Math.round(n * 10) / 10;

/** Trace a route onto a path (no beginPath, no stroke), polyline corners rounded by `radius`. */
export function traceRoute(sink: PathSink, shape: RouteShape, radius = 10): void {
  const pts = shape.points;
  if (pts.length === 0) return;
  if (shape.kind === 'curve') {
    const [a, b, c, d] = shape.points;
    sink.moveTo(r1(a.x), r1(a.y));
    sink.bezierCurveTo(r1(b.x), r1(b.y), r1(c.x), r1(c.y), r1(d.x), r1(d.y));
    return;
  }
  sink.moveTo(r1(pts[0]!.x), r1(pts[0]!.y));
  for (let i = 1; i < pts.length - 1; i += 1) {
    const p = pts[i - 1]!;
    const q = pts[i]!;
    const r = pts[i + 1]!;
    const l1 = Math.hypot(q.x - p.x, q.y - p.y);
    const l2 = Math.hypot(r.x - q.x, r.y - q.y);
    const cut = Math.min(radius, l1 / 2, l2 / 2);
    const a = { x: q.x + ((p.x - q.x) * cut) / (l1 || 1), y: q.y + ((p.y - q.y) * cut) / (l1 || 1) };
    const b = { x: q.x + ((r.x - q.x) * cut) / (l2 || 1), y: q.y + ((r.y - q.y) * cut) / (l2 || 1) };
    sink.lineTo(r1(a.x), r1(a.y));
    sink.quadraticCurveTo(r1(q.x), r1(q.y), r1(b.x), r1(b.y));
  }
  const last = pts[pts.length - 1]!;
  sink.lineTo(r1(last.x), r1(last.y));
}

/** SVG path data for a route, with rounded corners on polylines. */
export function routePath(shape: RouteShape, radius = 10): string {
  const parts: string[] = [];
  traceRoute(
    {
      moveTo: (x, y) => parts.push(`M${x},${y}`),
      lineTo: (x, y) => parts.push(`L${x},${y}`),
      bezierCurveTo: (ax, ay, bx, by, x, y) => parts.push(`C${ax},${ay} ${bx},${by} ${x},${y}`),
      quadraticCurveTo: (ax, ay, x, y) => parts.push(`Q${ax},${ay} ${x},${y}`),
    },
    shape,
    radius,
  );
  return parts.join(' ');
}

/** The end of a route and the direction it arrives from, for the arrowhead. */
export function routeEnd(shape: RouteShape): { tip: Point; angle: number } {
  const pts = shape.points;
  const tip = pts[pts.length - 1]!;
  let from = pts[pts.length - 2]!;
  if (shape.kind === 'polyline') {
    for (let i = pts.length - 2; i >= 0 && Math.hypot(tip.x - from.x, tip.y - from.y) < 0.5; i -= 1) from = pts[i]!;
  }
  return { tip, angle: Math.atan2(tip.y - from.y, tip.x - from.x) };
}

/** A point half-way along a route, for a rationale marker. */
export function routeMidpoint(shape: RouteShape): Point {
  if (shape.kind === 'curve') {
    const [a, b, c, d] = shape.points;
    return { x: (a.x + 3 * b.x + 3 * c.x + d.x) / 8, y: (a.y + 3 * b.y + 3 * c.y + d.y) / 8 };
  }
  const pts = shape.points;
  const lengths = pts.slice(1).map((p, i) => Math.hypot(p.x - pts[i]!.x, p.y - pts[i]!.y));
  let remaining = lengths.reduce((s, v) => s + v, 0) / 2;
  for (let i = 0; i < lengths.length; i += 1) {
    const len = lengths[i]!;
    if (remaining <= len) {
      const t = len === 0 ? 0 : remaining / len;
      return { x: pts[i]!.x + (pts[i + 1]!.x - pts[i]!.x) * t, y: pts[i]!.y + (pts[i + 1]!.y - pts[i]!.y) * t };
    }
    remaining -= len;
  }
  return pts[pts.length - 1]!;
}
