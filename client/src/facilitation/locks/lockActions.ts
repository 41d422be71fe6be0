import {
  createRecord,
  deleteRecord,
  getCollection,
  recordLockId,
  tabLockId,
  TEMPLATE_LOCK_ID,
  type BoardView,
  type LockableCollection,
} from '@pc/shared';
import type { BoardSession } from '../../collab/session';

/**
 * The owner's lock writes (locks are owner-only records: the server refuses
 * them from anyone else). Lock ids are fixed per target, so a second
 * facilitator window locking the same thing makes the same record.
 */

function toggle(session: BoardSession, id: string, create: () => void): void {
  if (getCollection(session.doc, 'locks').has(id)) deleteRecord(session.doc, 'locks', id, session.localOrigin);
  else create();
}

export function toggleRecordLock(session: BoardSession, collection: LockableCollection, recordId: string, by: string): void {
  const id = recordLockId(collection, recordId);
  toggle(session, id, () =>
    createRecord(session.doc, 'locks', { id, kind: 'record', collection, recordId, lockedBy: by, createdAt: Date.now() }, session.localOrigin),
  );
}

export function toggleTabLock(session: BoardSession, view: BoardView, by: string): void {
  const id = tabLockId(view);
  toggle(session, id, () => createRecord(session.doc, 'locks', { id, kind: 'tab', view, lockedBy: by, createdAt: Date.now() }, session.localOrigin));
}

export function toggleTemplateLock(session: BoardSession, by: string): void {
  toggle(session, TEMPLATE_LOCK_ID, () =>
    createRecord(session.doc, 'locks', { id: TEMPLATE_LOCK_ID, kind: 'template', lockedBy: by, createdAt: Date.now() }, session.localOrigin),
  );
}
