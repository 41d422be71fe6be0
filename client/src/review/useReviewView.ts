import { useCallback, useEffect, useState } from 'react';
import { BoardSession } from '../collab/session';
import type { ReviewPointSummary } from './api';

export interface ReviewView {
  point: ReviewPointSummary;
  /** A session over the review point's state: no connection, never written. */
  session: BoardSession;
}

/**
 * Which review point (if any) the board shows instead of the live board. The
 * live session keeps syncing underneath, so "Back to live" is instant.
 */
export function useReviewView(boardId: string, token: string | null, user: { name: string; colour: string }) {
  const [viewing, setViewing] = useState<ReviewView | null>(null);
  const open = useCallback(
    (point: ReviewPointSummary, state: Uint8Array) => {
      if (!token) return;
      const session = new BoardSession({ boardId, token, user, view: 'stakeholder-map', snapshot: state });
      setViewing({ point, session });
    },
    [boardId, token, user],
  );
  const close = useCallback(() => setViewing(null), []);
  // Free the review point's document when another replaces it or the page closes.
  useEffect(() => () => viewing?.session.destroy(), [viewing]);
  return { viewing, open, close };
}
