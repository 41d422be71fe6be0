import { useEffect, useState } from 'react';
import type { BoardSession } from '../collab/session';
import type { boundsOfAnything } from '../freeCanvas/bounds';
import { compareEntries, locatorsFor, type CompareEntry } from './compareMarks';
import type { CompareView } from './useCompareView';

type Tab = Parameters<typeof boundsOfAnything>[1];

/** How often the places are read again besides on every edit: a layout switch or a filter moves things without one. */
const REFRESH_MS = 1000;

/**
 * The comparison's entries with their places, kept up to date while it is
 * shown: after every edit of the live board (at most once a frame) and once a
 * second. Each tab first lays out the earlier state as it lays out the live one
 * (`matchLayout`).
 */
export function useCompareEntries(compare: CompareView | null, session: BoardSession, tabs: readonly Tab[]): CompareEntry[] {
  const [entries, setEntries] = useState<CompareEntry[]>([]);
  useEffect(() => {
    if (!compare) {
      setEntries([]);
      return;
    }
    let last = '';
    let frame = 0;
    const read = () => {
      frame = 0;
      for (const tab of tabs) tab.matchLayout?.(session, compare.before);
      const next = compareEntries(compare.comparison.diff, locatorsFor(tabs, session, compare.before));
      const key = JSON.stringify(next);
      if (key === last) return;
      last = key;
      setEntries(next);
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(read);
    };
    read();
    session.doc.on('update', schedule);
    const timer = setInterval(schedule, REFRESH_MS);
    return () => {
      session.doc.off('update', schedule);
      clearInterval(timer);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [compare, session, tabs]);
  return entries;
}
