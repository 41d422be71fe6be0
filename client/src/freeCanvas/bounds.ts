/**
 * Where anything on a tab is drawn right now, free item or board record: what
 * connectors, comments and votes anchor to. Free items come from the document
 * plus the gesture in progress; records from the tab's `recordBounds`.
 */
import type { BoardTab } from '../boards/types';
import type { BoardSession } from '../collab/session';
import { unionRects, type Rect } from '../lib/geometry';
import { itemRectNow } from './model/liveRect';
import { freeCanvasFor } from './store';

export function boundsOfAnything(session: BoardSession, tab: BoardTab, id: string): Rect | null {
  const item = session.canvasItems.get(id);
  if (item) {
    if (item.view !== tab.view) return null;
    if (item.kind !== 'connector') return itemRectNow(item, freeCanvasFor(session).live.get());
    // A connector stands for the box round its two ends (never another connector's).
    const ends = [item.fromId, item.toId].map((end) => (end && end !== id ? endBounds(session, tab, end) : null));
    return unionRects(ends.filter((rect): rect is Rect => rect !== null));
  }
  return tab.recordBounds?.(session, id) ?? null;
}

function endBounds(session: BoardSession, tab: BoardTab, id: string): Rect | null {
  const item = session.canvasItems.get(id);
  if (item?.kind === 'connector') return null;
  return boundsOfAnything(session, tab, id);
}
