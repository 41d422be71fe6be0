import { z } from 'zod';
import { BOARD_VIEWS } from './canvasItem';
import { finiteNumber, recordIdSchema, shortTextSchema } from './common';

/** A comment is a conversation turn, not a document: bounded well below a note's text. */
export const MAX_COMMENT_TEXT = 4000;
export const MAX_MENTIONS = 50;

/**
 * One comment. A thread is a root comment (`parentId` null) and its replies
 * (`parentId` = the root's id). A root is pinned to a record of any collection
 * (`targetId`), to a canvas point (`view` with `x`/`y`), or to the board as a
 * whole (neither). Every field but `id` and `text` has a default, and those
 * defaults (null, empty, false) are what a comment written before threads
 * existed meant, so no migration is needed.
 */
export const commentFieldsSchema = z.object({
  id: recordIdSchema,
  /** The record commented on (any collection), or null for a canvas point or the whole board. */
  targetId: recordIdSchema.nullable().default(null),
  /** The thread's root comment for a reply; null for a root. */
  parentId: recordIdSchema.nullable().default(null),
  /** Canvas point pins: the tab and world point. */
  view: z.enum(BOARD_VIEWS).nullable().default(null),
  x: finiteNumber.nullable().default(null),
  y: finiteNumber.nullable().default(null),
  text: z.string().trim().min(1, 'comment must not be empty').max(MAX_COMMENT_TEXT),
  author: shortTextSchema.default(''),
  /** People named with @ (their names as shown in "People here"). */
  mentions: z.array(shortTextSchema.min(1)).max(MAX_MENTIONS).default([]),
  createdAt: finiteNumber.default(0),
  resolved: z.boolean().default(false),
});

/** A canvas point has both coordinates and its tab. */
function pointRules<S extends z.ZodType<{ x: number | null; y: number | null; view: string | null }>>(schema: S) {
  return schema
    .refine((c) => (c.x === null) === (c.y === null), { message: 'x and y come together', path: ['x'] })
    .refine((c) => c.x === null || c.view !== null, { message: 'a canvas point needs its view', path: ['view'] });
}

export const commentSchema = pointRules(commentFieldsSchema);

/**
 * A new comment as the REST API takes it (view links in workshop mode): the
 * server sets `id`, `createdAt` and `resolved`. (Refinements stop `.pick`, so
 * this picks from the plain fields and adds the point rules again.)
 */
export const newCommentInputSchema = pointRules(
  commentFieldsSchema.pick({ text: true, targetId: true, parentId: true, view: true, x: true, y: true, author: true, mentions: true }).strict(),
);

export type Comment = z.infer<typeof commentSchema>;
