import { z } from 'zod';
import { colourSchema, nameSchema, recordIdSchema, sectorSchema, shortTextSchema } from './common';

/** Stages of partnership working, from ../domain/stages-of-partnership. */
export const PARTNERSHIP_STAGES = ['networking', 'cooperating', 'collaborating', 'integrating'] as const;
export const partnershipStageSchema = z.enum(PARTNERSHIP_STAGES);
export type PartnershipStage = z.infer<typeof partnershipStageSchema>;

export const partnerSchema = z.object({
  id: recordIdSchema,
  name: nameSchema,
  colour: colourSchema,
  sector: sectorSchema.default('third'),
  isLead: z.boolean().default(false),
  contact: shortTextSchema.default(''),
  /** Stage of working with each other partner, keyed by that partner's id. */
  stages: z.record(recordIdSchema, partnershipStageSchema).default({}),
  /** Set when the partner was promoted from a stakeholder record (it keeps its links). */
  stakeholderId: recordIdSchema.nullable().default(null),
});

export type Partner = z.infer<typeof partnerSchema>;
