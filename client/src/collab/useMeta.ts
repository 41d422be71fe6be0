import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import { getMetaMap, type Meta } from '@pc/shared';
import type { BoardSession } from './session';

/**
 * Calls `listener` when the board's settings may have changed: a change to the
 * meta map (`keys`: only when one of those keys changed), or the connection
 * (before the first sync the settings come from the paint snapshot, see
 * BoardSession.meta, and the sync replaces them).
 */
function subscribeMeta(session: BoardSession, listener: () => void, keys?: readonly string[]): () => void {
  const meta = getMetaMap(session.doc);
  const onChange = (event: { keysChanged: Set<string> }) => {
    if (!keys || keys.some((key) => event.keysChanged.has(key))) listener();
  };
  meta.observe(onChange);
  const stopConnection = session.connection.subscribe(listener);
  return () => {
    meta.unobserve(onChange);
    stopConnection();
  };
}

/**
 * One board setting, live: re-renders when that key's value changes (compared
 * as JSON, so an equal object written again does not re-render). Read through
 * the shared lenient reader, so a bad value reads as its default.
 */
export function useMetaField<K extends keyof Meta>(session: BoardSession, key: K): Meta[K] {
  const cache = useRef<{ json: string; value: Meta[K] } | null>(null);
  const subscribe = useCallback((listener: () => void) => subscribeMeta(session, listener, [key]), [session, key]);
  const getSnapshot = () => {
    const value = session.meta()[key];
    const json = JSON.stringify(value);
    if (cache.current?.json === json) return cache.current.value;
    cache.current = { json, value };
    return value;
  };
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

/**
 * All of the board's settings, live, as `session.meta()` reads them (the paint
 * snapshot's until the first sync, never the empty document's defaults while
 * the board is still arriving): the same object until a value changes.
 */
export function useMeta(session: BoardSession): Meta {
  const subscribe = useCallback((listener: () => void) => subscribeMeta(session, listener), [session]);
  const getKey = () => JSON.stringify(session.meta());
  const key = useSyncExternalStore(subscribe, getKey, getKey);
  return useMemo(() => JSON.parse(key) as Meta, [key]);
}
