import { z } from 'zod';
import {
  finiteNumber,
  idList,
  isoDateOrEmpty,
  level04,
  nameSchema,
  recordIdSchema,
  sectorSchema,
  shortTextSchema,
  textSchema,
} from './common';

export const STAKEHOLDER_KINDS = ['organisation', 'group', 'person'] as const;
export const ENGAGEMENT_LEVELS = ['unaware', 'resistant', 'neutral', 'supportive', 'leading'] as const;
export const ONION_RINGS = ['core', 'direct', 'indirect', 'wider'] as const;
export const CONTACT_FREQUENCIES = ['', 'weekly', 'fortnightly', 'monthly', 'quarterly', 'yearly', 'as needed'] as const;

export const engagementSchema = z.enum(ENGAGEMENT_LEVELS);

export const stakeholderSchema = z.object({
  id: recordIdSchema,
  name: nameSchema,
  organisation: shortTextSchema.default(''),
  power: level04.default(2),
  interest: level04.default(2),
  /** -2 blocker .. +2 champion; null (the default) means not assessed yet. */
  attitude: z.number().int().min(-2).max(2).nullable().default(null),
  /** null (the default): not assessed yet. */
  sector: sectorSchema.nullable().default(null),
  kind: z.enum(STAKEHOLDER_KINDS).default('organisation'),
  engagementCurrent: engagementSchema.default('unaware'),
  engagementTarget: engagementSchema.default('supportive'),
  /**
   * Mitchell, Agle and Wood salience attributes. Power and legitimacy left at
   * null follow the power and interest levels (see the map's salience rules).
   */
  saliencePower: z.boolean().nullable().default(null),
  salienceLegitimacy: z.boolean().nullable().default(null),
  salienceUrgency: z.boolean().default(false),
  /** Onion ring; null (the default) means not assessed yet. */
  ring: z.enum(ONION_RINGS).nullable().default(null),
  /** Partners who hold the relationship. */
  ownerPartnerIds: idList.default([]),
  channel: shortTextSchema.default(''),
  frequency: z.enum(CONTACT_FREQUENCIES).default(''),
  nextContact: isoDateOrEmpty.default(''),
  concerns: textSchema.default(''),
  notes: textSchema.default(''),
  offers: textSchema.default(''),
  /** False while the card waits in the "to place" tray after fast entry. */
  placed: z.boolean().default(true),
  /** Free position on the network layout. */
  x: finiteNumber.default(0),
  y: finiteNumber.default(0),
  /** Set once the stakeholder has been promoted to a partner. */
  partnerId: recordIdSchema.nullable().default(null),
});

export type Stakeholder = z.infer<typeof stakeholderSchema>;

/** Fields written even when they hold their default (see ALWAYS_STORED_FIELDS). */
export const stakeholderAlwaysStored = ['organisation', 'power', 'interest'] as const;

/**
 * Defaults before "not assessed" existed. A record written then holds no value
 * for these fields when it had the default; the defaults migration writes these
 * so old boards keep what they showed.
 */
export const STAKEHOLDER_FORMER_DEFAULTS = {
  sector: 'third',
  ring: 'wider',
  attitude: 0,
  saliencePower: false,
  salienceLegitimacy: false,
} as const;
