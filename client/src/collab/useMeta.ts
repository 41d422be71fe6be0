import { useCallback, useRef, useSyncExternalStore } from 'react';
import { getMetaMap, type Meta } from '@pc/shared';
import type { BoardSession } from './session';

/**
 * One board setting, live: re-renders when that key's value changes (compared
 * as JSON, so an equal object written again does not re-render). Read through
 * the shared lenient reader, so a bad value reads as its default.
 */
export function useMetaField<K extends keyof Meta>(session: BoardSession, key: K): Meta[K] {
  const cache = useRef<{ json: string; value: Meta[K] } | null>(null);
  const subscribe = useCallback(
    (listener: () => void) => {
      const meta = getMetaMap(session.doc);
      const onChange = (event: { keysChanged: Set<string> }) => {
        if (event.keysChanged.has(key)) listener();
      };
      meta.observe(onChange);
      // Before the first sync the settings may come from the paint snapshot (see BoardSession.meta).
      const stopConnection = session.connection.subscribe(listener);
      return () => {
        meta.unobserve(onChange);
        stopConnection();
      };
    },
    [session, key],
  );
  const getSnapshot = () => {
    const value = session.meta()[key];
    const json = JSON.stringify(value);
    if (cache.current?.json === json) return cache.current.value;
    cache.current = { json, value };
    return value;
  };
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
