import type { BoardView } from '@pc/shared';
import { BOARD_TABS, tabFor } from '../boards/tabs';
import type { BoardSession } from '../collab/session';
import { boundsOfAnything } from '../freeCanvas/bounds';
import type { Rect } from '../lib/geometry';
import type { Locate } from './anchors';

/** Where any record or free item is drawn now, on whichever tab draws it. */
export function locatorFor(session: BoardSession): Locate {
  return (id) => {
    for (const tab of BOARD_TABS) {
      const rect = boundsOfAnything(session, tab, id);
      if (rect) return { view: tab.view, rect };
    }
    return null;
  };
}

/** Everything drawn on a tab that a comment may pin to: its free items and its board's records. */
export function commentCandidates(session: BoardSession, view: BoardView): { id: string; rect: Rect }[] {
  const tab = tabFor(view);
  const ids = [
    ...session.canvasItems.getSnapshot().filter((item) => item.view === view).map((item) => item.id),
    ...(tab.contentCollections ?? []).flatMap((name) => session.collection(name).getSnapshot().map((record) => record.id)),
  ];
  return ids.flatMap((id) => {
    const rect = boundsOfAnything(session, tab, id);
    return rect ? [{ id, rect }] : [];
  });
}
