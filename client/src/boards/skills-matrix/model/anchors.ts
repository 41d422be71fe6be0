import type { AnchorSource, LayoutAnchor } from '../../../canvas/layoutAnchor';
import type { Rect } from '../../../lib/geometry';
import { cellAt, type MatrixColumn, type MatrixLayout } from './layout';

/**
 * What holds the matrix in place under a resting pointer while its layout
 * changes: a cell is held by its row (rows added above, a category opened or
 * closed above it) and by its partner's column (a partner removed to its
 * left); a category or group band by itself; the analysis columns and the
 * names by their kind.
 */

const rowKey = (id: string) => `row:${id}`;
const bandKey = (key: string) => `band:${key}`;
function columnKey(column: MatrixColumn): string {
  return column.partnerId !== undefined ? `partner:${column.partnerId}` : `column:${column.kind}`;
}

function columnAnchor(column: MatrixColumn, layout: MatrixLayout): LayoutAnchor {
  return { key: columnKey(column), rect: { x: column.x, y: 0, width: column.width, height: layout.height }, axes: 'x' };
}

export const matrixAnchors: AnchorSource<MatrixLayout> = {
  at(layout, point) {
    const hit = cellAt(layout, point);
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
  },
  find(layout, key): Rect | null {
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
  },
};
