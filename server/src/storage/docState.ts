import * as Y from 'yjs';
import type { StoredBoardState } from './boardStore';

/** Origin of updates replayed from storage: they are already stored, never append them again. */
export const STORAGE_ORIGIN = Symbol('storage');

/** Replay snapshot + tail into `doc` in one transaction (observers fire once). */
export function applyStoredState(doc: Y.Doc, state: StoredBoardState): void {
  doc.transact(() => {
    if (state.snapshot) Y.applyUpdate(doc, state.snapshot, STORAGE_ORIGIN);
    for (const update of state.updates) Y.applyUpdate(doc, update, STORAGE_ORIGIN);
  }, STORAGE_ORIGIN);
}

export function hasStoredContent(state: StoredBoardState): boolean {
  return state.snapshot !== null || state.updates.length > 0;
}
