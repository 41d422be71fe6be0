import { z } from 'zod';
import { idList, isoDateOrEmpty, MAX_LIST, orderKeySchema, recordIdSchema, shortTextSchema, textSchema } from './common';

export const LOGIC_COLUMNS = [
  'situation',
  'inputs',
  'activities',
  'outputs',
  'shortTermOutcomes',
  'mediumTermOutcomes',
  'longTermOutcomes',
  'impact',
  'assumptions',
  'externalFactors',
] as const;
export type LogicColumn = (typeof LOGIC_COLUMNS)[number];

export const ACTIVITY_STATUSES = ['planned', 'in_progress', 'done', 'stuck'] as const;

export const logicNodeSchema = z.object({
  id: recordIdSchema,
  column: z.enum(LOGIC_COLUMNS),
  text: textSchema.default(''),
  leadPartnerId: recordIdSchema.nullable().default(null),
  indicators: z.array(shortTextSchema).max(MAX_LIST).default([]),
  supportingPartnerIds: idList.default([]),
  /** Matrix rows (skills, resources) this activity needs. */
  matrixRowIds: idList.default([]),
  dueDate: isoDateOrEmpty.default(''),
  status: z.enum(ACTIVITY_STATUSES).default('planned'),
  order: orderKeySchema.default('a0'),
});

export type LogicNode = z.infer<typeof logicNodeSchema>;

/** Fields written even when they hold their default (see ALWAYS_STORED_FIELDS). */
export const logicNodeAlwaysStored = ['text', 'leadPartnerId', 'indicators', 'order'] as const;
