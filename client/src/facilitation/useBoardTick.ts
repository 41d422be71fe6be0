import { useEffect, useState } from 'react';
import type { BoardSession } from '../collab/session';

/**
 * A number that changes (at most once a frame) whenever the board's document
 * changes: for views derived from many collections. Only while `enabled`: the
 * component re-renders on every change anyone makes, so a view follows the
 * whole document only while it shows something drawn from it.
 */
export function useBoardTick(session: BoardSession, enabled = true): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let frame = 0;
    const onUpdate = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setTick((n) => n + 1);
      });
    };
    session.doc.on('update', onUpdate);
    return () => {
      session.doc.off('update', onUpdate);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [session, enabled]);
  return tick;
}
