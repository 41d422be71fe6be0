import type { FocusableItem } from '../../canvas/useCanvasFocus';
import type { ShortcutHint } from '../../canvas/shortcuts';
import type { BoardContext } from '../types';
import { matrixStoreFor } from './matrixStore';
import { gapText } from './model/cellText';

/**
 * The matrix for keyboard focus: each partner's column header and each visible
 * row's name. Enter opens the row or partner in the side panel; the cells
 * themselves are reached through the matrix's own table (arrows there move
 * cell by cell).
 */
export function matrixFocusables({ session }: BoardContext): FocusableItem[] {
  const store = matrixStoreFor(session);
  const snapshot = store.getSnapshot();
  if (snapshot.empty) return [];
  const { layout } = snapshot;
  const items: FocusableItem[] = [];
  for (const column of layout.partnerColumns) {
    const partner = column.partnerId ? snapshot.partnerById.get(column.partnerId) : undefined;
    if (!partner) continue;
    items.push({
      id: partner.id,
      rect: { x: column.x, y: 0, width: column.width, height: layout.metrics.headerHeight },
      label: `${partner.name.trim() || 'Unnamed'}, partner column`,
      activate: () => store.select({ kind: 'partner', partnerId: partner.id }),
    });
  }
  for (const band of layout.rows) {
    const gap = snapshot.analysis.byRowId.get(band.row.id)?.gap ?? 0;
    items.push({
      id: band.row.id,
      rect: { x: 0, y: band.y, width: layout.metrics.nameColumnWidth, height: band.height },
      label: `${band.row.name.trim() || 'Unnamed'}, skills row${gap > 0 ? `, ${gapText(gap)}` : ''}`,
      activate: () => store.select({ kind: 'row', rowId: band.row.id }),
    });
  }
  return items;
}

export const MATRIX_FOCUS_HINTS: readonly ShortcutHint[] = [{ group: 'Skills matrix', keys: 'Enter (on a row or partner)', description: 'Open it in the side panel' }];
