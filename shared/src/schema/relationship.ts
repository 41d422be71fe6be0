import { z } from 'zod';
import { recordIdSchema, shortTextSchema } from './common';

export const RELATIONSHIP_DIRECTIONS = ['forward', 'backward', 'both', 'none'] as const;

export const relationshipSchema = z.object({
  id: recordIdSchema,
  from: recordIdSchema,
  to: recordIdSchema,
  /** funds, reports to, governs, informal, ... (free text with suggestions in the UI) */
  type: shortTextSchema.default('informal'),
  strength: z.number().int().min(1).max(5).default(3),
  direction: z.enum(RELATIONSHIP_DIRECTIONS).default('forward'),
});

export type Relationship = z.infer<typeof relationshipSchema>;
