import { useCallback, useSyncExternalStore } from 'react';
import {
  describeHeld,
  findTabLock,
  findTemplateLock,
  lockHolding,
  TEMPLATE_LOCKED_MESSAGE,
  type BoardView,
  type CollectionName,
  type LockSubjectRecord,
  type LockWorld,
} from '@pc/shared';
import { createValueStore, type ValueStore } from '../lib/valueStore';
import type { BoardSession } from './session';

/**
 * Facilitator locks as the screen shows them: the same shared rules the server
 * refuses changes with (`@pc/shared` domain/locks), so what the server would
 * refuse is never started here: a locked record is not dragged, edited in
 * place or deleted, and the person is told why instead. Everyone sees a lock
 * this way, the facilitator who set it too, until it is lifted.
 */

/** The short line on a locked thing (tooltip, read-only panel). */
export const LOCKED_LABEL = 'Locked by the facilitator';

/** The board collections drawn on each tab; free items (`canvasItems`) are on every tab. */
const COLLECTIONS_ON: Record<BoardView, readonly CollectionName[]> = {
  'stakeholder-map': ['stakeholders', 'relationships', 'partners'],
  'skills-matrix': ['matrixRows', 'partners', 'matrixCells'],
  'logic-model': ['logicNodes', 'logicLinks'],
  health: [],
};

function worldOf(session: BoardSession): LockWorld {
  return {
    locks: session.collection('locks').getSnapshot(),
    record: (collection, id) => session.collection(collection).get(id) as LockSubjectRecord | undefined,
    canvasItems: () => session.canvasItems.getSnapshot(),
  };
}

/** Which collection holds a record shown on a tab. */
function collectionOf(session: BoardSession, view: BoardView, id: string): CollectionName | null {
  if (session.canvasItems.get(id)) return 'canvasItems';
  for (const collection of COLLECTIONS_ON[view]) if (session.collection(collection).get(id)) return collection;
  return null;
}

/**
 * Why a record on a tab may not be changed now ("This card is locked by the
 * facilitator"), or null. A matrix cell not written yet (`rowId:partnerId`) is
 * held with its row; anything on a locked tab is held with the tab.
 */
export function lockedFor(session: BoardSession, view: BoardView, id: string): string | null {
  const world = worldOf(session);
  if (world.locks.length === 0) return null;
  let collection = collectionOf(session, view, id);
  let record: LockSubjectRecord | undefined;
  if (!collection && view === 'skills-matrix' && id.includes(':')) {
    collection = 'matrixCells';
    record = { rowId: id.slice(0, id.indexOf(':')) };
  }
  if (!collection) {
    const tab = findTabLock(world.locks, view);
    return tab ? describeHeld({ lock: tab, how: 'tab' }, 'canvasItems', undefined) : null;
  }
  const lookup: LockWorld = record ? { ...world, record: (c, rid) => (c === collection && rid === id ? record : world.record(c, rid)) } : world;
  const held = lockHolding(lookup, collection, id);
  return held ? describeHeld(held, collection, lookup.record(collection, id)) : null;
}

/** Why nothing may be added to a tab now (the tab is locked), or null. */
export function tabLockedFor(session: BoardSession, view: BoardView): string | null {
  const tab = findTabLock(session.collection('locks').getSnapshot(), view);
  return tab ? describeHeld({ lock: tab, how: 'tab' }, 'canvasItems', undefined) : null;
}

/** Why the logic model's template (and the tidy that reorders every card) may not be changed now, or null. */
export function templateLockedFor(session: BoardSession): string | null {
  return findTemplateLock(session.collection('locks').getSnapshot()) ? TEMPLATE_LOCKED_MESSAGE : null;
}

/** Re-run `read` whenever the locks change, or a free item moves (into or out of a locked frame). */
function useLockValue(session: BoardSession, read: () => string | null): string | null {
  const subscribe = useCallback(
    (listener: () => void) => {
      const offLocks = session.collection('locks').subscribe(listener);
      const offItems = session.canvasItems.subscribe(listener);
      return () => {
        offLocks();
        offItems();
      };
    },
    [session],
  );
  return useSyncExternalStore(subscribe, read, read);
}

/** `lockedFor`, live: null when `id` is null. */
export function useLockedFor(session: BoardSession, view: BoardView, id: string | null): string | null {
  return useLockValue(session, () => (id === null ? null : lockedFor(session, view, id)));
}

/** `tabLockedFor`, live. */
export function useTabLocked(session: BoardSession, view: BoardView): string | null {
  return useLockValue(session, () => tabLockedFor(session, view));
}

/** `templateLockedFor`, live. */
export function useTemplateLocked(session: BoardSession): string | null {
  return useLockValue(session, () => templateLockedFor(session));
}

/** True while any lock is set: boards then check what is under a press. */
export function useAnyLock(session: BoardSession): boolean {
  const store = session.collection('locks');
  return useSyncExternalStore(store.subscribe, () => store.getSnapshot().length > 0, () => store.getSnapshot().length > 0);
}

/** The sentence last said about a lock (with when, so saying it again shows it again), per session. */
export interface LockNotice {
  message: string;
  at: number;
}

function createNoticeStore(): ValueStore<LockNotice | null> {
  return createValueStore<LockNotice | null>(null);
}

/** Where boards say why something did not move; the shell shows it over the canvas. */
export function lockNoticeFor(session: BoardSession): ValueStore<LockNotice | null> {
  return session.storeFor(createNoticeStore);
}

/** Tell the person why what they tried did not happen. */
export function sayLocked(session: BoardSession, message: string): void {
  lockNoticeFor(session).set({ message, at: Date.now() });
}
