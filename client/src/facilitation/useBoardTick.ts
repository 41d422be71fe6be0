import { useEffect, useState } from 'react';
import type { BoardSession } from '../collab/session';

/** A number that changes (at most once a frame) whenever the board's document changes: for views derived from many collections. */
export function useBoardTick(session: BoardSession): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
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
  }, [session]);
  return tick;
}
