import { z } from 'zod';
import { finiteNumber, recordIdSchema, shortTextSchema, textSchema } from './common';

export const commentSchema = z.object({
  id: recordIdSchema,
  /** The record commented on (any collection), or null for a board-level comment. */
  targetId: recordIdSchema.nullable().default(null),
  text: textSchema.min(1, 'comment must not be empty'),
  author: shortTextSchema.default(''),
  createdAt: finiteNumber.default(0),
  resolved: z.boolean().default(false),
});

export type Comment = z.infer<typeof commentSchema>;
