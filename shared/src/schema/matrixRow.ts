import { z } from 'zod';
import { level04, nameSchema, orderKeySchema, recordIdSchema, shortTextSchema } from './common';

export const MATRIX_CATEGORIES = ['skill', 'knowledge', 'resource'] as const;

export const matrixRowSchema = z.object({
  id: recordIdSchema,
  name: nameSchema,
  category: z.enum(MATRIX_CATEGORIES),
  required: level04.default(2),
  /** Optional facilitator-defined group inside the category. */
  group: shortTextSchema.default(''),
  order: orderKeySchema.default('a0'),
});

export type MatrixRow = z.infer<typeof matrixRowSchema>;

/** Fields written even when they hold their default (see ALWAYS_STORED_FIELDS). */
export const matrixRowAlwaysStored = ['required', 'order'] as const;
