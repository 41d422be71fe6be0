import { z } from 'zod';
import { recordIdSchema, textSchema } from './common';
import { partnershipStageSchema } from './partner';

/**
 * Where two partners are on the stages of partnership working, and where they
 * aim to be. One record per pair, keyed `${a}:${b}` with the ids in sorted
 * order, so both partners edit the same record.
 */
export const partnerStageSchema = z
  .object({
    id: z.string().min(3).max(130),
    partnerA: recordIdSchema,
    partnerB: recordIdSchema,
    current: partnershipStageSchema.nullable().default(null),
    target: partnershipStageSchema.nullable().default(null),
    note: textSchema.default(''),
  })
  .refine((stage) => stage.partnerA !== stage.partnerB, { message: 'a partner has no stage with itself', path: ['partnerB'] });

export type PartnerStage = z.infer<typeof partnerStageSchema>;

export const partnerStageAlwaysStored = ['partnerA', 'partnerB'] as const;

/** The pair's record key: the same whichever partner is named first. */
export function partnerStageKey(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}
