import { z } from 'zod';
import { orderKeySchema, recordIdSchema } from './common';

/** The Compass's six good-practice principles, in its order. */
export const HEALTH_PRINCIPLES = [1, 2, 3, 4, 5, 6] as const;
export type HealthPrinciple = (typeof HEALTH_PRINCIPLES)[number];

/**
 * Checklist items the boards can answer by themselves (see
 * domain/health/evidence.ts); null for items only the partners can rate.
 */
export const HEALTH_EVIDENCE_RULES = [
  'stakeholderMap',
  'stakeholderReview',
  'skillsMatrix',
  'commsStrategy',
  'actionPlanUpdated',
  'rolesClear',
] as const;
export const healthEvidenceRuleSchema = z.enum(HEALTH_EVIDENCE_RULES);
export type HealthEvidenceRule = z.infer<typeof healthEvidenceRuleSchema>;

export const MAX_HEALTH_ITEM_TEXT = 500;

/** One item of a principle's action checklist, which every partner rates. */
export const healthItemSchema = z.object({
  id: recordIdSchema,
  principle: z.number().int().min(1).max(6),
  text: z.string().trim().min(1, 'text must not be empty').max(MAX_HEALTH_ITEM_TEXT),
  order: orderKeySchema,
  evidenceRule: healthEvidenceRuleSchema.nullable().default(null),
  /** A "we review ... at regular intervals" item: counts towards the board's review reminder. */
  reviewItem: z.boolean().default(false),
});

export type HealthItem = z.infer<typeof healthItemSchema>;

export const healthItemAlwaysStored = ['principle', 'text', 'order'] as const;
