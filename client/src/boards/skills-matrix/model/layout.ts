/**
 * Where everything of the matrix sits on the canvas, in the matrix's own coordinates
 * (0,0 = its top-left corner; the canvas layer adds the board position and camera).
 *
 * Top to bottom: the column header, then per category (skill, knowledge, resource)
 * a category band, its ungrouped rows, then one band per facilitator group with its
 * rows. Left to right: row names, one column per partner, then required, best, gap
 * and coverage. Bands never overlap and y only grows, so culling and hit-testing are
 * binary searches, collapsed groups included (collapsed rows simply have no band).
 */
import { type MatrixRow, type Partner, uniquePartners } from '@pc/shared';
import { CATEGORY_LABELS, categoryKey, groupKey, groupMatrixRows, type MatrixCategory } from './rowOrder';

export interface MatrixMetrics {
  headerHeight: number;
  categoryHeaderHeight: number;
  groupHeaderHeight: number;
  rowHeight: number;
  nameColumnWidth: number;
  partnerColumnWidth: number;
  requiredColumnWidth: number;
  bestColumnWidth: number;
  gapColumnWidth: number;
  coverageColumnWidth: number;
}

export const DEFAULT_MATRIX_METRICS: Readonly<MatrixMetrics> = {
  headerHeight: 120,
  categoryHeaderHeight: 36,
  groupHeaderHeight: 28,
  rowHeight: 32,
  nameColumnWidth: 240,
  partnerColumnWidth: 56,
  requiredColumnWidth: 72,
  bestColumnWidth: 56,
  gapColumnWidth: 56,
  coverageColumnWidth: 160,
};

export type ColumnKind = 'name' | 'partner' | 'required' | 'best' | 'gap' | 'coverage';

export interface MatrixColumn {
  kind: ColumnKind;
  x: number;
  width: number;
  /** Set for partner columns only. */
  partnerId?: string;
  /** Index among partner columns (the keyboard cursor's col); partner columns only. */
  partnerIndex?: number;
}

interface BandBase {
  y: number;
  height: number;
}
export interface CategoryBand extends BandBase {
  kind: 'category';
  key: string;
  category: MatrixCategory;
  label: string;
  collapsed: boolean;
  rowCount: number;
}
export interface GroupBand extends BandBase {
  kind: 'group';
  key: string;
  category: MatrixCategory;
  label: string;
  collapsed: boolean;
  rowCount: number;
}
export interface RowBand extends BandBase {
  kind: 'row';
  row: MatrixRow;
  /** Index among visible rows (the keyboard cursor's row). */
  index: number;
}
export type MatrixBand = CategoryBand | GroupBand | RowBand;

export interface MatrixLayout {
  metrics: MatrixMetrics;
  columns: MatrixColumn[];
  partnerColumns: MatrixColumn[];
  /** Every band below the header, top to bottom. */
  bands: MatrixBand[];
  /** Visible rows only, top to bottom. */
  rows: RowBand[];
  rowIndexById: ReadonlyMap<string, number>;
  width: number;
  height: number;
}

function positive(value: number, fallback: number): number {
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function layoutMatrix(
  rows: readonly MatrixRow[],
  partners: readonly Partner[],
  collapsed: ReadonlySet<string> = new Set(),
  metricsOverride: Partial<MatrixMetrics> = {},
): MatrixLayout {
  // A zero or negative size would make bands overlap and break the binary searches.
  const metrics = { ...DEFAULT_MATRIX_METRICS };
  for (const [name, value] of Object.entries(metricsOverride) as [keyof MatrixMetrics, number][]) {
    metrics[name] = positive(value, DEFAULT_MATRIX_METRICS[name]);
  }

  const columns: MatrixColumn[] = [];
  let x = 0;
  const addColumn = (column: Omit<MatrixColumn, 'x'>) => {
    columns.push({ ...column, x });
    x += column.width;
  };
  addColumn({ kind: 'name', width: metrics.nameColumnWidth });
  uniquePartners(partners).forEach((partner, partnerIndex) =>
    addColumn({ kind: 'partner', width: metrics.partnerColumnWidth, partnerId: partner.id, partnerIndex }),
  );
  addColumn({ kind: 'required', width: metrics.requiredColumnWidth });
  addColumn({ kind: 'best', width: metrics.bestColumnWidth });
  addColumn({ kind: 'gap', width: metrics.gapColumnWidth });
  addColumn({ kind: 'coverage', width: metrics.coverageColumnWidth });

  const bands: MatrixBand[] = [];
  const visibleRows: RowBand[] = [];
  const rowIndexById = new Map<string, number>();
  let y = metrics.headerHeight;
  const addRows = (groupRows: readonly MatrixRow[]) => {
    for (const row of groupRows) {
      const band: RowBand = { kind: 'row', row, index: visibleRows.length, y, height: metrics.rowHeight };
      bands.push(band);
      visibleRows.push(band);
      if (!rowIndexById.has(row.id)) rowIndexById.set(row.id, band.index);
      y += metrics.rowHeight;
    }
  };

  for (const [category, groups] of groupMatrixRows(rows)) {
    if (groups.length === 0) continue;
    const key = categoryKey(category);
    const categoryCollapsed = collapsed.has(key);
    const rowCount = groups.reduce((sum, g) => sum + g.rows.length, 0);
    const label = CATEGORY_LABELS[category];
    bands.push({ kind: 'category', key, category, label, collapsed: categoryCollapsed, rowCount, y, height: metrics.categoryHeaderHeight });
    y += metrics.categoryHeaderHeight;
    if (categoryCollapsed) continue;
    for (const group of groups) {
      if (group.name === '') {
        addRows(group.rows);
        continue;
      }
      const gKey = groupKey(category, group.name);
      const groupCollapsed = collapsed.has(gKey);
      bands.push({
        kind: 'group',
        key: gKey,
        category,
        label: group.label,
        collapsed: groupCollapsed,
        rowCount: group.rows.length,
        y,
        height: metrics.groupHeaderHeight,
      });
      y += metrics.groupHeaderHeight;
      if (!groupCollapsed) addRows(group.rows);
    }
  }

  return {
    metrics,
    columns,
    partnerColumns: columns.filter((c) => c.kind === 'partner'),
    bands,
    rows: visibleRows,
    rowIndexById,
    width: x,
    height: y,
  };
}

/**
 * The world rectangle standing for a record on the matrix: a row's band across
 * the whole table, or a partner's column down the whole table. Null for a row
 * hidden in a collapsed category and for ids the matrix does not show.
 */
export function recordRect(layout: MatrixLayout, id: string): { x: number; y: number; width: number; height: number } | null {
  const rowIndex = layout.rowIndexById.get(id);
  const band = rowIndex === undefined ? undefined : layout.rows[rowIndex];
  if (band && band.row.id === id) return { x: 0, y: band.y, width: layout.width, height: band.height };
  const column = layout.partnerColumns.find((c) => c.partnerId === id);
  if (column) return { x: column.x, y: 0, width: column.width, height: layout.height };
  return null;
}

/** First index in [0, length) whose predicate holds, for a predicate false-then-true. */
function lowerBound(length: number, holds: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export interface IndexRange {
  /** First index drawn. */
  start: number;
  /** One past the last index drawn; start === end when nothing is visible. */
  end: number;
}

/** Items overlapping the half-open span [top, bottom): touching an edge is not visible. */
function rangeOf(items: readonly BandBase[], top: number, bottom: number): IndexRange {
  const start = lowerBound(items.length, (i) => {
    const item = items[i] as BandBase;
    return item.y + item.height > top;
  });
  if (!(bottom > top)) return { start, end: start };
  const end = lowerBound(items.length, (i) => (items[i] as BandBase).y >= bottom);
  return { start, end: Math.max(start, end) };
}

/** Visible rows (indices into layout.rows) for a viewport given in matrix coordinates. */
export function visibleRowRange(layout: MatrixLayout, top: number, bottom: number): IndexRange {
  return rangeOf(layout.rows, top, bottom);
}

/** The same for all bands, so category and group headers are culled too. */
export function visibleBandRange(layout: MatrixLayout, top: number, bottom: number): IndexRange {
  return rangeOf(layout.bands, top, bottom);
}

export type MatrixHit =
  | { kind: 'columnHeader'; column: MatrixColumn }
  | { kind: 'categoryHeader' | 'groupHeader'; band: CategoryBand | GroupBand }
  | { kind: 'cell'; band: RowBand; column: MatrixColumn; rowIndex: number; colIndex: number; rowId: string; partnerId: string }
  | { kind: 'rowColumn'; band: RowBand; column: MatrixColumn; rowIndex: number; rowId: string };

/**
 * What is under a point in matrix coordinates. Edges are half-open: a point on the
 * line between two cells belongs to the lower / right one; outside the matrix, null.
 */
export function cellAt(layout: MatrixLayout, point: { x: number; y: number }): MatrixHit | null {
  const { x, y } = point;
  if (!(x >= 0 && x < layout.width && y >= 0 && y < layout.height)) return null;
  const columnIndex = lowerBound(layout.columns.length, (i) => {
    const c = layout.columns[i] as MatrixColumn;
    return c.x + c.width > x;
  });
  const column = layout.columns[columnIndex];
  if (!column) return null;
  if (y < layout.metrics.headerHeight) return { kind: 'columnHeader', column };

  const bandIndex = lowerBound(layout.bands.length, (i) => {
    const b = layout.bands[i] as MatrixBand;
    return b.y + b.height > y;
  });
  const band = layout.bands[bandIndex];
  if (!band) return null;
  if (band.kind !== 'row') return { kind: band.kind === 'category' ? 'categoryHeader' : 'groupHeader', band };
  if (column.kind === 'partner' && column.partnerId !== undefined && column.partnerIndex !== undefined) {
    return { kind: 'cell', band, column, rowIndex: band.index, colIndex: column.partnerIndex, rowId: band.row.id, partnerId: column.partnerId };
  }
  return { kind: 'rowColumn', band, column, rowIndex: band.index, rowId: band.row.id };
}

/** The row and partner under a keyboard cursor, or null when it points at nothing. */
export function cellIdsAt(layout: MatrixLayout, rowIndex: number, colIndex: number): { rowId: string; partnerId: string } | null {
  const band = layout.rows[rowIndex];
  const column = layout.partnerColumns[colIndex];
  if (!band || !column?.partnerId) return null;
  return { rowId: band.row.id, partnerId: column.partnerId };
}

/** The rectangle of a cell, for the focus ring and for scrolling it into view. */
export function cellRect(layout: MatrixLayout, rowIndex: number, colIndex: number) {
  const band = layout.rows[rowIndex];
  const column = layout.partnerColumns[colIndex];
  if (!band || !column) return null;
  return { x: column.x, y: band.y, width: column.width, height: band.height };
}
