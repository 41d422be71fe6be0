import { z } from 'zod';
import { finiteNumber, shortTextSchema } from './common';

/** Review reminder interval bounds (days): a week to a year. */
export const HEALTH_REVIEW_INTERVAL_DAYS = { min: 7, max: 365, default: 90 } as const;

export const LOGIC_TEMPLATES = ['kellogg', 'ess'] as const;

/** `meta` is a plain Y.Map of board-wide settings (not a collection of records). */
export const metaSchema = z.object({
  schemaVersion: z.number().int().min(0).default(0),
  title: shortTextSchema.default(''),
  createdAt: finiteNumber.default(0),
  logicTemplate: z.enum(LOGIC_TEMPLATES).nullable().default(null),
  /** Health check ratings go to the server and only per-item counts come back (owner-only). */
  healthAnonymous: z.boolean().default(false),
  /** The Compass's review items are due again after this many days (owner-only). */
  healthReviewIntervalDays: z
    .number()
    .int()
    .min(HEALTH_REVIEW_INTERVAL_DAYS.min)
    .max(HEALTH_REVIEW_INTERVAL_DAYS.max)
    .default(HEALTH_REVIEW_INTERVAL_DAYS.default),
  /** Workshop mode: people with the view link may vote and comment (through the REST API). Owner only. */
  viewersMayVote: z.boolean().default(false),
});

export type Meta = z.infer<typeof metaSchema>;

/**
 * Meta keys only the server writes (on creation and by migrations); the
 * update gate refuses a client update that sets or deletes them.
 */
export const SERVER_OWNED_META_KEYS: readonly (keyof Meta)[] = ['schemaVersion', 'createdAt'];
