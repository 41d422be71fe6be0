import { z } from 'zod';
import { finiteNumber, recordIdSchema, shortTextSchema } from './common';

/** Named dot votes only: anonymous votes stay on the server until the vote closes. */
export const voteSchema = z.object({
  id: recordIdSchema,
  targetId: recordIdSchema,
  voter: shortTextSchema.min(1, 'a named vote needs a voter'),
  dots: z.number().int().min(1).max(10).default(1),
  createdAt: finiteNumber.default(0),
});

export type Vote = z.infer<typeof voteSchema>;
