import { useSyncExternalStore } from 'react';
import type { BoardTab } from '../boards/types';
import type { BoardSession } from '../collab/session';

/**
 * The empty state, shown only while the tab has no notes and none of the
 * records its board draws. Mount it with `key={tab.view}`: the number of
 * collections it watches is fixed for one tab.
 */
export function TabEmptyState({ tab, editable, session, notes }: { tab: BoardTab; editable: boolean; session: BoardSession; notes: number }) {
  const stores = (tab.contentCollections ?? []).map((name) => session.collection(name));
  let records = 0;
  for (const store of stores) {
    // A hook in a loop is safe here: the count is fixed for one mounted tab (keyed by view).
    // eslint-disable-next-line react-hooks/rules-of-hooks -- same hooks, same order, every render
    records += useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot).length;
  }
  if (notes > 0 || records > 0) return null;
  return <EmptyState tab={tab} editable={editable} />;
}

export function EmptyState({ tab, editable }: { tab: BoardTab; editable: boolean }) {
  return (
    <div className="empty-state" aria-hidden="true">
      <h2>{tab.label}</h2>
      <p>{tab.purpose}</p>
      <p className="muted">{tab.comingSoon}</p>
      {editable ? (
        <p className="empty-hint">
          You can also brainstorm with sticky notes: <strong>double-click</strong> empty canvas or use <strong>Add note</strong>.
        </p>
      ) : (
        <p className="empty-hint">Nothing here yet. You will see it fill in as partners work.</p>
      )}
    </div>
  );
}
