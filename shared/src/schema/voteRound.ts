import { z } from 'zod';
import { finiteNumber, recordIdSchema, shortTextSchema } from './common';

/** Most targets one round may have, and most dots per person. */
export const MAX_ROUND_TARGETS = 500;
export const MAX_DOTS_PER_PERSON = 50;

export const VOTE_ROUND_STATUSES = ['open', 'closed'] as const;

/** One item's count in a closed round. */
export const roundResultSchema = z.object({ targetId: recordIdSchema, dots: z.number().int().min(0), voters: z.number().int().min(0) });
export type RoundResult = z.infer<typeof roundResultSchema>;

/**
 * A dot-voting round. Written by the server (opening and closing go through
 * the REST API) or the owner, never by editors (`OWNER_ONLY_COLLECTIONS`).
 * An anonymous round's ballots stay in the server's sealed-ballot store while
 * it is open: the document holds no running count, only the results once it
 * is closed. A named round's votes are `votes` records with its `roundId`.
 */
export const voteRoundSchema = z.object({
  id: recordIdSchema,
  title: shortTextSchema.default(''),
  status: z.enum(VOTE_ROUND_STATUSES).default('open'),
  anonymous: z.boolean().default(true),
  dotsPerPerson: z.number().int().min(1).max(MAX_DOTS_PER_PERSON).default(3),
  // A named vote record holds at most 10 dots on one item.
  maxPerItem: z.number().int().min(1).max(10).default(1),
  targetIds: z.array(recordIdSchema).max(MAX_ROUND_TARGETS).default([]),
  openedAt: finiteNumber.default(0),
  closedAt: finiteNumber.nullable().default(null),
  /** Set when the round closes: dots per target, most first (see rankTally). */
  results: z.array(roundResultSchema).max(MAX_ROUND_TARGETS).nullable().default(null),
  /** How many people voted (closed rounds only). */
  voterCount: z.number().int().min(0).default(0),
});

export type VoteRound = z.infer<typeof voteRoundSchema>;

export const voteRoundAlwaysStored = ['status', 'anonymous'] as const;
