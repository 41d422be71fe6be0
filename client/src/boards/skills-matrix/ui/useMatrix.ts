import { useSyncExternalStore } from 'react';
import type { BoardSession } from '../../../collab/session';
import { useValue } from '../../../lib/hooks';
import { matrixStoreFor } from '../matrixStore';

/** The board's matrix store, its derived snapshot and its UI state, live. */
export function useMatrix(session: BoardSession) {
  const store = matrixStoreFor(session);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const ui = useValue(store.ui);
  return { store, snapshot, ui };
}
