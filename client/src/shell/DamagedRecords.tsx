import { useSyncExternalStore } from 'react';
import { COLLECTION_NAMES } from '@pc/shared';
import type { BoardSession } from '../collab/session';

/**
 * Readers never trust the document: a record another tool wrote badly is drawn
 * with defaults. This says so, so nobody mistakes a default for a decision.
 */
export function DamagedRecords({ session }: { session: BoardSession }) {
  let damaged = 0;
  for (const name of COLLECTION_NAMES) {
    const store = session.collection(name);
    // A hook in a loop is safe here: the collection list is a constant.
    // eslint-disable-next-line react-hooks/rules-of-hooks -- same hooks, same order, every render
    useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
    damaged += store.invalidCount;
  }
  if (damaged === 0) return null;
  const what = damaged === 1 ? '1 record' : `${damaged} records`;
  return (
    <p className="damaged-records" role="status" data-count={damaged} title="Some stored values are missing or out of range (perhaps written by another tool). They are shown with default values until someone edits them.">
      <span aria-hidden="true">⚠</span> {what} could not be read fully and {damaged === 1 ? 'is' : 'are'} shown with defaults
    </p>
  );
}
