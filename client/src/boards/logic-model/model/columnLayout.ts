import { type LogicColumn, type LogicNode, compareByOrderThenId, templateShowsColumn, type LogicTemplate } from '@pc/shared';
import type { Point, Rect } from '../../../lib/geometry';

/**
 * Where columns, lanes and cards sit on the canvas, in world units. Cards are not
 * free-floating as on a whiteboard: a card's place is its column plus its order
 * key, so two partners dragging at once can never leave cards overlapping.
 * Main columns stand side by side in causal order; the assumptions and
 * external-factors lanes run under them across the full width, because they
 * qualify the whole chain rather than one step of it.
 */

export interface ColumnLayoutOptions {
  readonly originX: number;
  readonly originY: number;
  readonly columnWidth: number;
  readonly columnGap: number;
  readonly headerHeight: number;
  /** Inner margin between a column's edge and its cards. */
  readonly padding: number;
  readonly cardGap: number;
  /** Height of a card unless `cardHeightOf` says otherwise (e.g. measured text). */
  readonly cardHeight: number;
  /** Columns never shrink below this, so an empty column is still a drop target. */
  readonly minColumnHeight: number;
  readonly laneGap: number;
  readonly laneHeaderHeight: number;
  readonly cardHeightOf?: (node: LogicNode) => number;
}

export const DEFAULT_COLUMN_LAYOUT: ColumnLayoutOptions = {
  originX: 0,
  originY: 0,
  columnWidth: 240,
  columnGap: 40,
  headerHeight: 64,
  padding: 12,
  cardGap: 12,
  cardHeight: 88,
  minColumnHeight: 400,
  laneGap: 48,
  laneHeaderHeight: 36,
};

export interface ColumnBox extends Rect {
  readonly key: LogicColumn;
  readonly kind: 'column' | 'lane';
  readonly header: Rect;
  /** Cards' x range and the width every card in this column or lane gets. */
  readonly cardX: number;
  readonly cardWidth: number;
}

export interface CardBox extends Rect {
  readonly nodeId: string;
  readonly column: LogicColumn;
  /** Position among the cards of its column or lane, in order-key order. */
  readonly index: number;
  /** Row inside a lane's grid; equals index in a main column. */
  readonly row: number;
}

export interface BoardLayout {
  /** Main columns left to right, then lanes top to bottom. */
  readonly columns: readonly ColumnBox[];
  readonly cards: ReadonlyMap<string, CardBox>;
  readonly cardsByColumn: ReadonlyMap<LogicColumn, readonly CardBox[]>;
  /** Cards in columns this template does not show (left there by a merge). */
  readonly hiddenNodeIds: readonly string[];
  readonly bounds: Rect;
  readonly options: ColumnLayoutOptions;
}

export function layoutBoard(
  template: LogicTemplate,
  nodes: readonly LogicNode[],
  overrides: Partial<ColumnLayoutOptions> = {},
): BoardLayout {
  const o: ColumnLayoutOptions = { ...DEFAULT_COLUMN_LAYOUT, ...overrides };
  const heightOf = (n: LogicNode): number => Math.max(1, o.cardHeightOf?.(n) ?? o.cardHeight);
  const cardWidth = o.columnWidth - 2 * o.padding;

  const byColumn = new Map<LogicColumn, LogicNode[]>();
  const hiddenNodeIds: string[] = [];
  for (const n of nodes) {
    if (!templateShowsColumn(template, n.column)) hiddenNodeIds.push(n.id);
    else {
      const list = byColumn.get(n.column);
      if (list) list.push(n);
      else byColumn.set(n.column, [n]);
    }
  }
  for (const list of byColumn.values()) list.sort(compareByOrderThenId);

  const cards = new Map<string, CardBox>();
  const cardsByColumn = new Map<LogicColumn, CardBox[]>();
  const columns: ColumnBox[] = [];

  // Main columns: stack cards top-down; every column gets the tallest height so
  // the board reads as one table.
  const bodyTop = o.originY + o.headerHeight;
  let tallest = o.minColumnHeight;
  template.columns.forEach((spec, i) => {
    const x = o.originX + i * (o.columnWidth + o.columnGap);
    let y = bodyTop + o.padding;
    const boxes = (byColumn.get(spec.key) ?? []).map((n, index) => {
      const box: CardBox = { nodeId: n.id, column: n.column, index, row: index, x: x + o.padding, y, width: cardWidth, height: heightOf(n) };
      y += box.height + o.cardGap;
      return box;
    });
    cardsByColumn.set(spec.key, boxes);
    tallest = Math.max(tallest, y - o.cardGap + o.padding - o.originY);
  });
  template.columns.forEach((spec, i) => {
    const x = o.originX + i * (o.columnWidth + o.columnGap);
    const header = { x, y: o.originY, width: o.columnWidth, height: o.headerHeight };
    columns.push({ key: spec.key, kind: 'column', x, y: o.originY, width: o.columnWidth, height: tallest, header, cardX: x + o.padding, cardWidth });
  });

  // Lanes: a grid of cards across the full width of the main columns.
  const laneWidth = template.columns.length * (o.columnWidth + o.columnGap) - o.columnGap;
  const perRow = Math.max(1, Math.floor((laneWidth - 2 * o.padding + o.cardGap) / (cardWidth + o.cardGap)));
  let laneY = o.originY + tallest + o.laneGap;
  for (const spec of template.lanes) {
    const top = laneY + o.laneHeaderHeight + o.padding;
    let rowTop = top;
    let rowHeight = 0;
    const boxes = (byColumn.get(spec.key) ?? []).map((n, index) => {
      const row = Math.floor(index / perRow);
      const slot = index % perRow;
      if (slot === 0 && index > 0) {
        rowTop += rowHeight + o.cardGap;
        rowHeight = 0;
      }
      const height = heightOf(n);
      rowHeight = Math.max(rowHeight, height);
      const x = o.originX + o.padding + slot * (cardWidth + o.cardGap);
      return { nodeId: n.id, column: n.column, index, row, x, y: rowTop, width: cardWidth, height };
    });
    const contentBottom = boxes.length > 0 ? rowTop + rowHeight : top + o.cardHeight;
    const height = contentBottom + o.padding - laneY;
    const header = { x: o.originX, y: laneY, width: laneWidth, height: o.laneHeaderHeight };
    columns.push({ key: spec.key, kind: 'lane', x: o.originX, y: laneY, width: laneWidth, height, header, cardX: o.originX + o.padding, cardWidth });
    cardsByColumn.set(spec.key, boxes);
    laneY += height + o.laneGap;
  }

  for (const list of cardsByColumn.values()) for (const box of list) cards.set(box.nodeId, box);
  const bottom = columns.reduce((max, c) => Math.max(max, c.y + c.height), o.originY);
  const bounds = { x: o.originX, y: o.originY, width: Math.max(laneWidth, 0), height: bottom - o.originY };
  return { columns, cards, cardsByColumn, hiddenNodeIds, bounds, options: o };
}

function contains(r: Rect, p: Point): boolean {
  return p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height;
}

/** The card under a point, for hit testing clicks and link drags. */
export function cardAt(layout: BoardLayout, point: Point): string | null {
  for (const box of layout.cards.values()) if (contains(box, point)) return box.nodeId;
  return null;
}

/** Cards overlapping a rectangle (marquee selection), in column then card order. */
export function cardsInRect(layout: BoardLayout, rect: Rect): string[] {
  const overlaps = (a: Rect): boolean =>
    a.x < rect.x + rect.width && rect.x < a.x + a.width && a.y < rect.y + rect.height && rect.y < a.y + a.height;
  return layout.columns.flatMap((c) => (layout.cardsByColumn.get(c.key) ?? []).filter(overlaps).map((b) => b.nodeId));
}

/** The column or lane whose box holds the point (headers included). */
export function columnAt(layout: BoardLayout, point: Point): LogicColumn | null {
  return layout.columns.find((c) => contains(c, point))?.key ?? null;
}

export interface DropTarget {
  readonly column: LogicColumn;
  /** Insert position among the column's cards, not counting the dragged card. */
  readonly index: number;
  /** Neighbours of the insert position: pass their order keys to orderKeyBetween. */
  readonly previousNodeId: string | null;
  readonly nextNodeId: string | null;
}

/**
 * Where a dragged card would land. Half of each gap belongs to the column on
 * either side, so there is no dead strip between columns while dragging. The
 * dragged card is left out of the count, so dropping it where it came from gives
 * back its own neighbours and no reorder.
 */
export function dropTarget(layout: BoardLayout, point: Point, draggedNodeId: string | null = null): DropTarget | null {
  const o = layout.options;
  const column = layout.columns.find((c) => {
    const halfGapX = o.columnGap / 2;
    const halfGapY = o.laneGap / 2;
    return (
      point.x >= c.x - halfGapX &&
      point.x < c.x + c.width + halfGapX &&
      point.y >= c.y - (c.kind === 'lane' ? halfGapY : 0) &&
      point.y < c.y + c.height + halfGapY
    );
  });
  if (!column) return null;
  const all = layout.cardsByColumn.get(column.key) ?? [];
  const others = all.filter((b) => b.nodeId !== draggedNodeId);
  let index: number;
  if (column.kind === 'column') {
    index = others.filter((b) => b.y + b.height / 2 < point.y).length;
  } else {
    // Reading order in the grid: rows above the point, then cards to its left in its row.
    const rowTops = new Map<number, number>();
    for (const b of all) if (!rowTops.has(b.row)) rowTops.set(b.row, b.y);
    let pointRow = 0;
    for (const [row, top] of rowTops) if (point.y >= top - o.cardGap / 2) pointRow = Math.max(pointRow, row);
    index = others.filter((b) => b.row < pointRow || (b.row === pointRow && b.x + b.width / 2 < point.x)).length;
  }
  return {
    column: column.key,
    index,
    previousNodeId: others[index - 1]?.nodeId ?? null,
    nextNodeId: others[index]?.nodeId ?? null,
  };
}
