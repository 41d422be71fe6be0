import { useCallback, useEffect, useState } from 'react';
import { BoardSession } from '../collab/session';
import { fetchReviewPointState, type ReviewComparison, type ReviewPointSummary } from './api';

export interface CompareView {
  comparison: ReviewComparison;
  /** A read-only session over the earlier review point: each tab lays it out to find where things were. */
  before: BoardSession;
}

interface ReviewViewControl {
  open(point: ReviewPointSummary, state: Uint8Array): void;
  close(): void;
}

/**
 * A comparison shown on the canvas. With now, the live board is shown and the
 * earlier review point laid out underneath; between two review points, the
 * later one is opened read-only (as "Open" does) and compared with the earlier.
 */
export function useCompareView(boardId: string, token: string | null, user: { name: string; colour: string }, review: ReviewViewControl) {
  const [comparing, setComparing] = useState<CompareView | null>(null);
  const { open, close: closeReview } = review;
  const start = useCallback(
    async (comparison: ReviewComparison) => {
      if (!token) return;
      const state = await fetchReviewPointState(boardId, token, comparison.from.id);
      if (comparison.to.id === 'current') closeReview();
      else open(comparison.to, await fetchReviewPointState(boardId, token, comparison.to.id));
      const before = new BoardSession({ boardId, token, user, view: 'stakeholder-map', snapshot: state });
      setComparing({ comparison, before });
    },
    [boardId, token, user, open, closeReview],
  );
  const close = useCallback(() => setComparing(null), []);
  // Free the earlier state's document when the comparison ends or another replaces it.
  useEffect(() => () => comparing?.before.destroy(), [comparing]);
  return { comparing, start, close };
}
