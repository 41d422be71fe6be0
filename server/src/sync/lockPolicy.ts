import type * as Y from 'yjs';
import {
  getCollection,
  listRecords,
  lockRefusal,
  type CollectionName,
  type LockSubjectRecord,
  type LockWorld,
  type PlacedItem,
} from '@pc/shared';
import type { RecordPolicy } from './updateGate';

/**
 * Facilitator locks as the update gate's record policy: the owner is never
 * held; anyone else's update touching what a lock covers is refused (never
 * applied, stored or broadcast) with the sentence the shared lock rules word.
 * Locks are owner-only records, so both sides of the change share the locks
 * of the document before it.
 */

function worldOf(doc: Y.Doc, locks: LockWorld['locks']): LockWorld {
  let items: PlacedItem[] | null = null;
  return {
    locks,
    record: (collection: CollectionName, id: string) => {
      const map = getCollection(doc, collection).get(id);
      return map ? (map.toJSON() as LockSubjectRecord) : undefined;
    },
    // Read once per update, and only when a frame lock needs it.
    canvasItems: () => (items ??= listRecords(doc, 'canvasItems').map(({ record }) => record)),
  };
}

export const facilitatorLocks: RecordPolicy = (touched, who, { before, after, metaKeys }) => {
  if (who.role === 'owner') return null;
  const lockMap = getCollection(before, 'locks');
  if (lockMap.size === 0) return null;
  const locks = listRecords(before, 'locks').map(({ record }) => record);
  return lockRefusal(touched, metaKeys, worldOf(before, locks), worldOf(after, locks));
};
