import { z } from 'zod';
import { finiteNumber, recordIdSchema } from './common';

const count = z.number().int().min(0).max(10_000);

/**
 * What anonymous ratings put in the document: per checklist item, how many
 * partners rated each level and how far they disagree, never who. Written by
 * the server only (the update gate refuses clients); keyed by the item id.
 */
export const healthAggregateSchema = z.object({
  id: recordIdSchema,
  itemId: recordIdSchema,
  notYet: count.default(0),
  partly: count.default(0),
  fully: count.default(0),
  /** Highest minus lowest level given (0-2). */
  spread: z.number().int().min(0).max(2).default(0),
  /** When the latest rating arrived (ms since 1970). */
  ratedAt: finiteNumber.min(0).default(0),
});

export type HealthAggregate = z.infer<typeof healthAggregateSchema>;

export const healthAggregateAlwaysStored = ['itemId', 'notYet', 'partly', 'fully', 'spread'] as const;

/** Collections only the server writes: the update gate refuses any client change to them. */
export const SERVER_WRITTEN_COLLECTIONS = ['healthAggregates'] as const;
