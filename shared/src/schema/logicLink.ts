import { z } from 'zod';
import { recordIdSchema, textSchema } from './common';

export const logicLinkSchema = z.object({
  id: recordIdSchema,
  from: recordIdSchema,
  to: recordIdSchema,
  rationale: textSchema.default(''),
});

export type LogicLink = z.infer<typeof logicLinkSchema>;
