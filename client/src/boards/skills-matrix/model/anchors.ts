import type { AnchorSource, LayoutAnchor } from '../../../canvas/layoutAnchor';
import type { Rect } from '../../../lib/geometry';
import type { MatrixColumn, MatrixLayout } from './layout';
import { hitTestMatrix, type FrozenPanes } from './viewport';

/**
 * What holds the matrix in place under a resting pointer while its layout
 * changes: a cell is held by its row (rows added above, a category opened or
 * closed above it) and by its partner's column (a partner removed to its
 * left); a category or group band by itself; the analysis columns and the
 * names by their kind. The pointer is read as the screen shows the matrix:
 * over the frozen header (scrolled down) it holds that partner's column only,
 * never the row scrolled beneath the header.
 */

const rowKey = (id: string) => `row:${id}`;
const bandKey = (key: string) => `band:${key}`;
function columnKey(column: MatrixColumn): string {
  return column.partnerId !== undefined ? `partner:${column.partnerId}` : `column:${column.kind}`;
}

function columnAnchor(column: MatrixColumn, layout: MatrixLayout): LayoutAnchor {
  return { key: columnKey(column), rect: { x: column.x, y: 0, width: column.width, height: layout.height }, axes: 'x' };
}

const AT_REST: FrozenPanes = { headerY: 0, nameX: 0 };

/** The anchors with the header and names frozen where `panes()` says they were last drawn. */
export function frozenMatrixAnchors(panes: () => FrozenPanes): AnchorSource<MatrixLayout> {
  return {
    at: (layout, point) => anchorsAt(layout, point, panes()),
    find: findAnchor,
  };
}

/** The anchors with nothing scrolled (header at the top, names at the left). */
export const matrixAnchors: AnchorSource<MatrixLayout> = frozenMatrixAnchors(() => AT_REST);

function anchorsAt(layout: MatrixLayout, point: { x: number; y: number }, panes: FrozenPanes): LayoutAnchor[] {
  const hit = hitTestMatrix(layout, point, panes);
  if (!hit) return [];
  switch (hit.kind) {
    case 'columnHeader':
      return [columnAnchor(hit.column, layout)];
    case 'categoryHeader':
    case 'groupHeader':
      return [{ key: bandKey(hit.band.key), rect: { x: 0, y: hit.band.y, width: layout.width, height: hit.band.height }, axes: 'y' }];
    case 'cell':
    case 'rowColumn':
      return [
        { key: rowKey(hit.rowId), rect: { x: 0, y: hit.band.y, width: layout.width, height: hit.band.height }, axes: 'y' },
        columnAnchor(hit.column, layout),
      ];
  }
}

function findAnchor(layout: MatrixLayout, key: string): Rect | null {
  const [kind, ...rest] = key.split(':');
  const id = rest.join(':');
  if (kind === 'row') {
    const index = layout.rowIndexById.get(id);
    const band = index === undefined ? undefined : layout.rows[index];
    return band && band.row.id === id ? { x: 0, y: band.y, width: layout.width, height: band.height } : null;
  }
  if (kind === 'band') {
    const band = layout.bands.find((b) => b.kind !== 'row' && b.key === id);
    return band ? { x: 0, y: band.y, width: layout.width, height: band.height } : null;
  }
  const column = kind === 'partner' ? layout.partnerColumns.find((c) => c.partnerId === id) : layout.columns.find((c) => c.partnerId === undefined && c.kind === id);
  return column ? { x: column.x, y: 0, width: column.width, height: layout.height } : null;
}
