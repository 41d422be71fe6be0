import { useSyncExternalStore } from 'react';
import type { CollectionName, RecordOf } from '@pc/shared';
import type { CollectionStore } from './collectionStore';

/** The live records of one collection; re-renders only when a record in it changes. */
export function useCollection<C extends CollectionName>(store: CollectionStore<C>): readonly RecordOf<C>[] {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
