import { useMemo, useRef, useSyncExternalStore } from 'react';
import { resorted, type SortedView } from './sortedView';
import type { ValueStore } from './valueStore';

/** Read a value store in a component; re-renders when it changes. */
export function useValue<T>(store: ValueStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/**
 * Read a value store only while `active`: otherwise the value as of the last
 * render, without re-rendering when it changes (e.g. the camera for pins over
 * the canvas, when this tab has none to move).
 */
export function useValueWhile<T>(store: ValueStore<T>, active: boolean): T {
  return useSyncExternalStore(active ? store.subscribe : subscribeNever, store.get, store.get);
}

const subscribeNever = () => () => {};

/**
 * Subscribe to a derived value that only re-renders when `keyOf` changes, e.g.
 * the who-is-here list, which must not re-render on every remote cursor move.
 */
export function useValueBy<T>(store: ValueStore<T>, keyOf: (value: T) => string): T {
  const cache = useRef<{ key: string; value: T } | null>(null);
  const getSnapshot = () => {
    const value = store.get();
    const key = keyOf(value);
    if (cache.current && cache.current.key === key) return cache.current.value;
    cache.current = { key, value };
    return value;
  };
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}

/**
 * `source` sorted by `compare`, patched rather than sorted again when only a
 * few of its items changed (see `resorted`): a structurally shared list of
 * 10,000 records re-sorts one moved record, not all of them.
 */
export function useSorted<T>(source: readonly T[], compare: (a: T, b: T) => number): readonly T[] {
  const last = useRef<SortedView<T> | null>(null);
  return useMemo(() => {
    last.current = resorted(last.current, source, compare);
    return last.current.sorted;
  }, [source, compare]);
}
