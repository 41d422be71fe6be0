import { canvasItemSchema } from './canvasItem';
import { commentSchema } from './comment';
import { logicLinkSchema } from './logicLink';
import { logicNodeSchema } from './logicNode';
import { matrixCellSchema } from './matrixCell';
import { matrixRowSchema } from './matrixRow';
import { partnerSchema } from './partner';
import { relationshipSchema } from './relationship';
import { stakeholderSchema } from './stakeholder';
import { voteSchema } from './vote';

export * from './common';
export * from './partner';
export * from './stakeholder';
export * from './relationship';
export * from './matrixRow';
export * from './matrixCell';
export * from './logicNode';
export * from './logicLink';
export * from './canvasItem';
export * from './comment';
export * from './vote';
export * from './meta';

/** Every top-level record collection of a board document and its record schema. */
export const RECORD_SCHEMAS = {
  partners: partnerSchema,
  stakeholders: stakeholderSchema,
  relationships: relationshipSchema,
  matrixRows: matrixRowSchema,
  matrixCells: matrixCellSchema,
  logicNodes: logicNodeSchema,
  logicLinks: logicLinkSchema,
  canvasItems: canvasItemSchema,
  comments: commentSchema,
  votes: voteSchema,
} as const;

export type CollectionName = keyof typeof RECORD_SCHEMAS;
export const COLLECTION_NAMES = Object.keys(RECORD_SCHEMAS) as CollectionName[];
