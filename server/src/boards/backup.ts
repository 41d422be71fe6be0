import * as Y from 'yjs';
import { CURRENT_SCHEMA_VERSION, inspectBoardDoc, readMeta, updateMeta } from '@pc/shared';
import { isWellFormedUpdate } from '../sync/protocol';

/** A backup that cannot be restored: 400 when it is not a Yjs document at all, 422 when it is not a valid board. */
export class BackupError extends Error {
  constructor(
    readonly status: 400 | 422,
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

const TITLE_MAX = 200;
const RESTORE_ORIGIN = Symbol('restore');

/**
 * Check a `.yjs` backup (from `GET /api/boards/:id/export?format=yjs`) and
 * return the state to store for the new board, with its title. Refused: bytes
 * that do not decode, an update that depends on changes it lacks, a document
 * from a newer version, and any record, collection or meta value the shared
 * schemas reject. Nothing is stored until all of it passes.
 */
export function readBackup(bytes: Uint8Array, title?: string): { state: Uint8Array; title: string } {
  if (bytes.byteLength === 0) throw new BackupError(400, 'The body is empty: send the .yjs file as the request body');
  if (!isWellFormedUpdate(bytes)) throw new BackupError(400, 'This is not a board backup (.yjs file from the board export)');
  const doc = new Y.Doc({ gc: true });
  try {
    try {
      Y.applyUpdate(doc, bytes, RESTORE_ORIGIN);
    } catch {
      throw new BackupError(400, 'This is not a board backup (.yjs file from the board export)');
    }
    if (doc.store.pendingStructs || doc.store.pendingDs) {
      throw new BackupError(422, 'This backup is incomplete: it refers to changes it does not contain');
    }
    const problems = inspectBoardDoc(doc);
    if (problems.length > 0) throw new BackupError(422, 'This backup holds data that is not a valid board', problems);
    const meta = readMeta(doc).record;
    if (meta.schemaVersion > CURRENT_SCHEMA_VERSION) {
      throw new BackupError(422, `This backup comes from a newer version of Partnership Canvas (schema ${meta.schemaVersion}); upgrade the server first`);
    }
    const finalTitle = (title ?? meta.title).trim().slice(0, TITLE_MAX) || 'Restored board';
    if (finalTitle !== meta.title) updateMeta(doc, { title: finalTitle }, RESTORE_ORIGIN);
    return { state: Y.encodeStateAsUpdate(doc), title: finalTitle };
  } finally {
    doc.destroy();
  }
}
