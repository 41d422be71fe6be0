import type * as Y from 'yjs';
import {
  getCollection,
  listRecords,
  lockRefusal,
  parseLenient,
  type Lock,
  type LockSubjectRecord,
  type LockWorld,
  type PlacedItem,
} from '@pc/shared';
import type { BeforeState } from './beforeState';
import type { RecordPolicy } from './updateGate';

/**
 * Facilitator locks as the update gate's record policy: the owner is never
 * held; anyone else's update touching what a lock covers is refused (never
 * stored or broadcast) with the sentence the shared lock rules word.
 * Locks are owner-only records (a non-owner's update touching one is refused
 * before this runs), so both sides of the change share the locks as they
 * were before it.
 */

/** One side of the change as the lock rules read it; the free items are listed once, and only if a frame lock asks. */
function world(locks: readonly Lock[], record: LockWorld['record'], listItems: () => PlacedItem[]): LockWorld {
  let items: PlacedItem[] | null = null;
  return { locks, record, canvasItems: () => (items ??= listItems()) };
}

function afterWorld(doc: Y.Doc, locks: readonly Lock[]): LockWorld {
  return world(
    locks,
    (collection, id) => getCollection(doc, collection).get(id)?.toJSON() as LockSubjectRecord | undefined,
    () => listRecords(doc, 'canvasItems').map(({ record }) => record),
  );
}

function beforeWorld(before: BeforeState, locks: readonly Lock[]): LockWorld {
  return world(
    locks,
    (collection, id) => before.record(collection, id) as LockSubjectRecord | undefined,
    () => [...before.records('canvasItems')].map(([id, raw]) => parseLenient('canvasItems', raw, id).record),
  );
}

export const facilitatorLocks: RecordPolicy = (touched, who, { before, after, metaKeys }) => {
  if (who.role === 'owner') return null;
  const lockRecords = before.records('locks');
  if (lockRecords.size === 0) return null;
  const locks = [...lockRecords].map(([id, raw]) => parseLenient('locks', raw, id).record);
  return lockRefusal(touched, metaKeys, beforeWorld(before, locks), afterWorld(after, locks));
};
