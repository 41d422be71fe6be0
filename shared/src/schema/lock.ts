import { z } from 'zod';
import { finiteNumber, recordIdSchema, shortTextSchema } from './common';
import { BOARD_VIEWS } from './canvasItem';

/**
 * What a facilitator lock holds still: one record (a free item, a frame and
 * what lies in it, a stakeholder, a matrix row, a logic card), a whole board
 * tab, or the logic model's template choice. Locks are written by the owner
 * only (see `OWNER_ONLY_COLLECTIONS`); the server's update gate refuses an
 * editor's change to what a lock covers (`lockCovering` in domain/locks).
 */
export const LOCK_KINDS = ['record', 'tab', 'template'] as const;
export type LockKind = (typeof LOCK_KINDS)[number];

/** Collections whose records can be locked one by one. */
export const LOCKABLE_COLLECTIONS = ['canvasItems', 'stakeholders', 'matrixRows', 'logicNodes', 'partners'] as const;
export type LockableCollection = (typeof LOCKABLE_COLLECTIONS)[number];

export const lockSchema = z.object({
  id: recordIdSchema,
  kind: z.enum(LOCK_KINDS),
  /** kind = record: which record. */
  collection: z.enum(LOCKABLE_COLLECTIONS).nullable().default(null),
  recordId: recordIdSchema.nullable().default(null),
  /** kind = tab: which tab. */
  view: z.enum(BOARD_VIEWS).nullable().default(null),
  lockedBy: shortTextSchema.default(''),
  createdAt: finiteNumber.default(0),
});

export type Lock = z.infer<typeof lockSchema>;

/** Fields written even when they hold their default (see ALWAYS_STORED_FIELDS). */
export const lockAlwaysStored = ['kind'] as const;
