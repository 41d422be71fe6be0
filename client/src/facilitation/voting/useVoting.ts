import { useCallback, useEffect, useState } from 'react';
import { toggleDot, type VoteRound } from '@pc/shared';
import type { BoardSession } from '../../collab/session';
import { fetchMyDots, putMyDots } from './api';

export interface VotingState {
  /** The round being voted in (the newest open one), or null. */
  open: VoteRound | null;
  /** The newest closed round, for its results. */
  closed: VoteRound | null;
  myDots: Record<string, number>;
  left: number;
  error: string | null;
  /** Place (+1) or take back (-1) one of my dots on a target. */
  dot(targetId: string, delta: 1 | -1): void;
}

/** This person's part in the board's vote: their own dots only (read back from the server), kept in step with clicks. */
export function useVoting(session: BoardSession, rounds: readonly VoteRound[], canVote: boolean, voterName: string): VotingState {
  const open = newest(rounds.filter((round) => round.status === 'open'), 'openedAt');
  const closed = newest(rounds.filter((round) => round.status === 'closed'), 'closedAt');
  const [myDots, setMyDots] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);
  const { boardId, token } = session.options;
  const openId = open?.id ?? null;

  useEffect(() => {
    setMyDots({});
    setError(null);
    if (!openId || !canVote) return;
    let cancelled = false;
    fetchMyDots(boardId, token, openId).then(
      (answer) => !cancelled && setMyDots(answer.dots),
      (failure: unknown) => !cancelled && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      cancelled = true;
    };
  }, [boardId, token, openId, canVote]);

  const dot = useCallback(
    (targetId: string, delta: 1 | -1) => {
      if (!open || !canVote) return;
      const next = toggleDot(open, myDots, targetId, delta);
      if (!next) {
        setError(delta > 0 ? 'No dots left for that item' : null);
        return;
      }
      setMyDots(next);
      setError(null);
      putMyDots(boardId, token, open.id, next, voterName).then(
        (answer) => setMyDots(answer.dots),
        (failure: unknown) => {
          setError(failure instanceof Error ? failure.message : String(failure));
          void fetchMyDots(boardId, token, open.id).then((answer) => setMyDots(answer.dots), () => undefined);
        },
      );
    },
    [open, canVote, myDots, boardId, token, voterName],
  );

  const used = Object.values(myDots).reduce((sum, n) => sum + n, 0);
  return { open, closed, myDots, left: open ? Math.max(0, open.dotsPerPerson - used) : 0, error, dot };
}

function newest(rounds: readonly VoteRound[], by: 'openedAt' | 'closedAt'): VoteRound | null {
  let best: VoteRound | null = null;
  for (const round of rounds) if (!best || (round[by] ?? 0) > (best[by] ?? 0)) best = round;
  return best;
}
