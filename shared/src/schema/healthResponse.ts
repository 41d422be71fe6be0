import { z } from 'zod';
import { finiteNumber, recordIdSchema, textSchema } from './common';

export const HEALTH_LEVELS = ['notYet', 'partly', 'fully'] as const;
export const healthLevelSchema = z.enum(HEALTH_LEVELS);
export type HealthLevel = z.infer<typeof healthLevelSchema>;

export const MAX_EVIDENCE_URL = 2_000;

/** A link to evidence: http or https only, so a stored link can never run script when followed. */
export const evidenceUrlSchema = z
  .string()
  .max(MAX_EVIDENCE_URL)
  .refine((value) => value === '' || isHttpUrl(value), 'evidence link must start with http:// or https://');

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** One partner's rating of one checklist item; keyed `${itemId}:${partnerId}` like matrix cells. */
export const healthResponseSchema = z.object({
  id: z.string().min(3).max(130),
  itemId: recordIdSchema,
  partnerId: recordIdSchema,
  level: healthLevelSchema,
  note: textSchema.default(''),
  evidenceUrl: evidenceUrlSchema.default(''),
  /** When the rating was last set (ms since 1970): review items are due again an interval after it. */
  ratedAt: finiteNumber.min(0).default(0),
});

export type HealthResponse = z.infer<typeof healthResponseSchema>;

export const healthResponseAlwaysStored = ['itemId', 'partnerId', 'level'] as const;

export function healthResponseKey(itemId: string, partnerId: string): string {
  return `${itemId}:${partnerId}`;
}
