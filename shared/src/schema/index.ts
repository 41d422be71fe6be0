import { canvasItemAlwaysStored, canvasItemSchema } from './canvasItem';
import { commentSchema } from './comment';
import { logicLinkSchema } from './logicLink';
import { logicNodeAlwaysStored, logicNodeSchema } from './logicNode';
import { matrixCellAlwaysStored, matrixCellSchema } from './matrixCell';
import { matrixRowAlwaysStored, matrixRowSchema } from './matrixRow';
import { partnerSchema } from './partner';
import { relationshipSchema } from './relationship';
import { stakeholderAlwaysStored, stakeholderSchema } from './stakeholder';
import { voteSchema } from './vote';
import { healthItemAlwaysStored, healthItemSchema } from './healthItem';
import { healthResponseAlwaysStored, healthResponseSchema } from './healthResponse';
import { healthAggregateAlwaysStored, healthAggregateSchema } from './healthAggregate';
import { partnerStageAlwaysStored, partnerStageSchema } from './partnerStage';
import { lockAlwaysStored, lockSchema } from './lock';
import { voteRoundAlwaysStored, voteRoundSchema } from './voteRound';

export * from './common';
export { fastSafeParse } from './fastParse';
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
export * from './lock';
export * from './voteRound';
export * from './meta';
export * from './timer';
export * from './summon';
export * from './healthItem';
export * from './healthResponse';
export * from './healthAggregate';
export * from './partnerStage';
export * from './agreement';

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
  healthItems: healthItemSchema,
  healthResponses: healthResponseSchema,
  healthAggregates: healthAggregateSchema,
  partnerStages: partnerStageSchema,
  locks: lockSchema,
  voteRounds: voteRoundSchema,
} as const;

export type CollectionName = keyof typeof RECORD_SCHEMAS;
export const COLLECTION_NAMES = Object.keys(RECORD_SCHEMAS) as CollectionName[];

/**
 * A new record stores only the fields that differ from their schema default,
 * plus these: the ids, the fields outside tools rely on (architecture
 * "Contracts") and z-order keys (a missing `order` means "never ordered" to the
 * migrations). Every reader fills defaults, so the record reads the same, and a
 * 10,000-stakeholder board syncs and loads in well under half the bytes and
 * time. The price: a schema default is part of the document format; changing
 * one needs a migration that writes the old default into records lacking it.
 * Fields without a default are always written (they are never "default").
 */
export const ALWAYS_STORED_FIELDS: Record<CollectionName, readonly string[]> = {
  partners: [],
  stakeholders: stakeholderAlwaysStored,
  relationships: [],
  matrixRows: matrixRowAlwaysStored,
  matrixCells: matrixCellAlwaysStored,
  logicNodes: logicNodeAlwaysStored,
  logicLinks: [],
  canvasItems: canvasItemAlwaysStored,
  comments: [],
  votes: [],
  healthItems: healthItemAlwaysStored,
  healthResponses: healthResponseAlwaysStored,
  healthAggregates: healthAggregateAlwaysStored,
  partnerStages: partnerStageAlwaysStored,
  locks: lockAlwaysStored,
  voteRounds: voteRoundAlwaysStored,
};
