import { z } from 'zod';
import { level04, recordIdSchema, textSchema } from './common';

export const matrixCellSchema = z.object({
  /** `${rowId}:${partnerId}` */
  id: z.string().min(3).max(130),
  rowId: recordIdSchema,
  partnerId: recordIdSchema,
  level: level04.default(0),
  gives: z.boolean().default(false),
  receives: z.boolean().default(false),
  note: textSchema.default(''),
});

export type MatrixCell = z.infer<typeof matrixCellSchema>;

/** Fields written even when they hold their default (see ALWAYS_STORED_FIELDS). */
export const matrixCellAlwaysStored = ['level', 'gives', 'receives'] as const;

export function matrixCellKey(rowId: string, partnerId: string): string {
  return `${rowId}:${partnerId}`;
}
