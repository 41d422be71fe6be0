import { z } from 'zod';
import { finiteNumber, recordIdSchema, shortTextSchema } from './common';

/**
 * Named dot votes only: anonymous votes stay on the server until the vote
 * closes. The server writes them (votes arrive over the REST API, which
 * enforces each round's limits); editors may not (`OWNER_ONLY_COLLECTIONS`).
 */
export const voteSchema = z.object({
  id: recordIdSchema,
  targetId: recordIdSchema,
  voter: shortTextSchema.min(1, 'a named vote needs a voter'),
  dots: z.number().int().min(1).max(10).default(1),
  createdAt: finiteNumber.default(0),
  /** The round it belongs to (null: a vote from before rounds existed). */
  roundId: recordIdSchema.nullable().default(null),
  /** A public, stable id of the person (a hash of their private voter key), so two people of the same name stay apart. */
  voterId: shortTextSchema.default(''),
});

export type Vote = z.infer<typeof voteSchema>;
