import { useEffect, useRef, useState } from 'react';
import type { TimerState } from '@pc/shared';
import type { BoardSession } from '../../collab/session';
import { useMetaField } from '../../collab/useMeta';
import { playChime, readMuted, saveMuted } from './beep';
import { announcementBetween, remainingMs, timerPhase, type TimerPhase } from './timerMath';
import { serverClock } from '../../collab/serverClock';

/** Re-render this often while counting: a quarter second keeps the seconds digit on time. */
const TICK_MS = 250;

export interface TimerView {
  state: TimerState | null;
  phase: TimerPhase;
  remaining: number;
  /** The last screen-reader announcement (the minute warning or the end). */
  announcement: string;
  muted: boolean;
  setMuted(muted: boolean): void;
  serverNow(): number;
}

/** The board's timer as this person sees it: ticking, announcing, chiming at zero (unless muted). */
export function useTimer(session: BoardSession): TimerView {
  const state = useMetaField(session, 'timer');
  const clock = serverClock();
  const [, setTick] = useState(0);
  const [muted, setMutedState] = useState(readMuted);
  const [announcement, setAnnouncement] = useState('');
  const now = clock.now();
  const phase = timerPhase(state, now);
  const remaining = remainingMs(state, now);

  useEffect(() => {
    if (phase !== 'running') return;
    const id = setInterval(() => setTick((n) => n + 1), TICK_MS);
    return () => clearInterval(id);
  }, [phase]);
  // A better clock estimate arriving re-renders with the corrected time.
  useEffect(() => clock.estimate.subscribe(() => setTick((n) => n + 1)), [clock]);

  // Announce and chime only on a change seen while watching, never for a timer that was already at zero on load.
  const previous = useRef<{ seq: number; remaining: number } | null>(null);
  const mutedRef = useRef(muted);
  mutedRef.current = muted;
  useEffect(() => {
    const before = previous.current;
    previous.current = state ? { seq: state.seq, remaining } : null;
    if (!state || !before || !state.running) return;
    const said = announcementBetween(before.remaining, remaining);
    if (!said) return;
    setAnnouncement(said);
    if (said === 'Time is up' && !mutedRef.current) playChime();
  }, [state, remaining]);

  return {
    state,
    phase,
    remaining,
    announcement,
    muted,
    setMuted: (next) => {
      saveMuted(next);
      setMutedState(next);
    },
    serverNow: () => clock.now(),
  };
}
