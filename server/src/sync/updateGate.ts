import type * as Y from 'yjs';
import { canEdit, type BoardId, type Role } from '@pc/shared';
import { isWellFormedUpdate } from './protocol';

/**
 * The single gate every incoming document update passes before it is applied,
 * whether it arrives as sync step 2 or as an update message. Policies that are
 * still to come (schema validation of the resulting records, facilitator
 * locks) plug in here, so no code path can forget them.
 */

export interface UpdateContext {
  boardId: BoardId;
  role: Role;
  /** The document the update would be applied to (for checks that need the current state). */
  doc: Y.Doc;
  update: Uint8Array;
  source: 'sync-step2' | 'update';
}

/** read-only: ignored, connection stays open. malformed: the connection is closed with 1008. */
export type RejectReason = 'read-only' | 'malformed';

export type GateDecision = { ok: true } | { ok: false; reason: RejectReason };

export function admitUpdate(context: UpdateContext): GateDecision {
  // Role first: a viewer's update is dropped without spending CPU on decoding it.
  if (!canEdit(context.role)) return { ok: false, reason: 'read-only' };
  if (!isWellFormedUpdate(context.update)) return { ok: false, reason: 'malformed' };
  return { ok: true };
}
