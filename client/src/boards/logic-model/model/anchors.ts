import type { AnchorSource, LayoutAnchor } from '../../../canvas/layoutAnchor';
import { cardAt, type BoardLayout } from './columnLayout';

/**
 * What holds the logic model in place under a resting pointer while its layout
 * changes: the card under it (a card above it grows, a column comes in to its
 * left with a template change), else the column (across) or lane (both ways:
 * lanes are pushed down when a column grows) the pointer is in.
 */
export const logicAnchors: AnchorSource<BoardLayout> = {
  at(layout, point) {
    const anchors: LayoutAnchor[] = [];
    const card = cardAt(layout, point);
    const box = card ? layout.cards.get(card) : undefined;
    if (box) anchors.push({ key: `card:${box.nodeId}`, rect: box, axes: 'xy' });
    for (const column of layout.columns) {
      if (point.x >= column.x && point.x < column.x + column.width && point.y >= column.y && point.y < column.y + column.height) {
        anchors.push({ key: `column:${column.key}`, rect: column, axes: column.kind === 'lane' ? 'xy' : 'x' });
        break;
      }
    }
    return anchors;
  },
  find(layout, key) {
    const [kind, ...rest] = key.split(':');
    const id = rest.join(':');
    if (kind === 'card') return layout.cards.get(id) ?? null;
    return layout.columns.find((c) => c.key === id) ?? null;
  },
};
