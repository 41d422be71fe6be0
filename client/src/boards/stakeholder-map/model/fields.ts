/**
 * The fields a stakeholder can be coloured, filtered or grouped by, and the value
 * keys each field takes. Colour legends and filters share these keys, so clicking a
 * legend entry can toggle exactly the filter value it shows.
 */
import { ATTITUDE_LABELS, attitudeKey, CONTACT_FREQUENCIES, ENGAGEMENT_LEVELS, SECTORS, STAKEHOLDER_KINDS, effectiveSalience, salienceClass, SALIENCE_CLASSES, SALIENCE_LABELS, clampStakeholderLevel, mendelowQuadrant, MENDELOW_QUADRANTS, QUADRANT_LABELS } from '@pc/shared';
import type { Partner, Stakeholder } from '@pc/shared';
import { ONION_RINGS, RING_LABELS, ringOrUnassessed } from './onion';

export type StakeholderField =
  | 'sector'
  | 'attitude'
  | 'owner'
  | 'engagementGap'
  | 'engagementCurrent'
  | 'engagementTarget'
  | 'salience'
  | 'kind'
  | 'ring'
  | 'quadrant'
  | 'power'
  | 'interest'
  | 'frequency';

export const STAKEHOLDER_FIELDS: readonly StakeholderField[] = [
  'sector',
  'attitude',
  'owner',
  'engagementGap',
  'engagementCurrent',
  'engagementTarget',
  'salience',
  'kind',
  'ring',
  'quadrant',
  'power',
  'interest',
  'frequency',
];

export const FIELD_LABELS: Readonly<Record<StakeholderField, string>> = {
  sector: 'Sector',
  attitude: 'Attitude',
  owner: 'Owning partner',
  engagementGap: 'Engagement gap',
  engagementCurrent: 'Current engagement',
  engagementTarget: 'Target engagement',
  salience: 'Salience',
  kind: 'Kind',
  ring: 'Ring',
  quadrant: 'Quadrant',
  power: 'Power',
  interest: 'Interest',
  frequency: 'Contact frequency',
};

export type EngagementLevel = (typeof ENGAGEMENT_LEVELS)[number];

/** Position on the ordered scale unaware < resistant < neutral < supportive < leading; unknown counts as unaware. */
export function engagementIndex(level: string): number {
  return Math.max(0, (ENGAGEMENT_LEVELS as readonly string[]).indexOf(level));
}

/** Steps still to go from current to target engagement: positive = work to do, negative = beyond target. */
export function engagementGap(stakeholder: Pick<Stakeholder, 'engagementCurrent' | 'engagementTarget'>): number {
  return engagementIndex(stakeholder.engagementTarget) - engagementIndex(stakeholder.engagementCurrent);
}

/** Gaps bucketed: the exact -4..+4 is too fine for a legend, and 3 and 4 steps call for the same action. */
export type EngagementGapBucket = 'beyond' | 'onTarget' | 'gap1' | 'gap2' | 'gap3plus';
export const ENGAGEMENT_GAP_BUCKETS: readonly EngagementGapBucket[] = ['gap3plus', 'gap2', 'gap1', 'onTarget', 'beyond'];

export function engagementGapBucket(gap: number): EngagementGapBucket {
  if (Number.isNaN(gap) || gap === 0) return 'onTarget';
  if (gap < 0) return 'beyond';
  if (gap < 1.5) return 'gap1';
  if (gap < 2.5) return 'gap2';
  return 'gap3plus';
}

/** Sentinel value key for "no owning partner", "no contact frequency" and "not assessed" (sector, attitude, ring). */
export const NONE_VALUE = 'none';
export const NOT_ASSESSED_LABEL = 'Not assessed';


const LEVEL_LABELS = ['0 None', '1 Low', '2 Medium', '3 High', '4 Very high'];

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export { attitudeKey };

/**
 * The value keys a stakeholder has for a field. Every field has exactly one value
 * except `owner`, which has one per owning partner (or NONE_VALUE).
 */
export function fieldValues(stakeholder: Stakeholder, field: StakeholderField): string[] {
  switch (field) {
    case 'sector':
      return [stakeholder.sector ?? NONE_VALUE];
    case 'attitude':
      return [typeof stakeholder.attitude === 'number' ? attitudeKey(stakeholder.attitude) : NONE_VALUE];
    case 'owner': {
      const owners = [...new Set(stakeholder.ownerPartnerIds ?? [])];
      return owners.length > 0 ? owners : [NONE_VALUE];
    }
    case 'engagementGap':
      return [engagementGapBucket(engagementGap(stakeholder))];
    case 'engagementCurrent':
      return [stakeholder.engagementCurrent];
    case 'engagementTarget':
      return [stakeholder.engagementTarget];
    case 'salience':
      return [salienceClass(effectiveSalience(stakeholder))];
    case 'kind':
      return [stakeholder.kind];
    case 'ring':
      return [ringOrUnassessed(stakeholder.ring) ?? NONE_VALUE];
    case 'quadrant':
      return [mendelowQuadrant(stakeholder.power, stakeholder.interest)];
    case 'power':
      return [String(clampStakeholderLevel(stakeholder.power))];
    case 'interest':
      return [String(clampStakeholderLevel(stakeholder.interest))];
    case 'frequency':
      return [stakeholder.frequency || NONE_VALUE];
  }
}

export interface FieldOption {
  value: string;
  label: string;
}

const NOT_ASSESSED: FieldOption = { value: NONE_VALUE, label: NOT_ASSESSED_LABEL };

const GAP_LABELS: Readonly<Record<EngagementGapBucket, string>> = {
  gap3plus: '3 or more steps to go',
  gap2: '2 steps to go',
  gap1: '1 step to go',
  onTarget: 'On target',
  beyond: 'Beyond target',
};

/** Every value a field can take, in the order a legend or filter list shows them. */
export function fieldOptions(field: StakeholderField, partners: readonly Partner[] = []): FieldOption[] {
  switch (field) {
    case 'sector':
      return [...SECTORS.map((value) => ({ value, label: capitalise(value) })), NOT_ASSESSED];
    case 'attitude':
      return [...['2', '1', '0', '-1', '-2'].map((value) => ({ value, label: ATTITUDE_LABELS[value] as string })), NOT_ASSESSED];
    case 'owner':
      return [...partners.map((p) => ({ value: p.id, label: p.name })), { value: NONE_VALUE, label: 'No owner' }];
    case 'engagementGap':
      return ENGAGEMENT_GAP_BUCKETS.map((value) => ({ value, label: GAP_LABELS[value] }));
    case 'engagementCurrent':
    case 'engagementTarget':
      return ENGAGEMENT_LEVELS.map((value) => ({ value, label: capitalise(value) }));
    case 'salience':
      return SALIENCE_CLASSES.map((value) => ({ value, label: SALIENCE_LABELS[value] }));
    case 'kind':
      return STAKEHOLDER_KINDS.map((value) => ({ value, label: capitalise(value) }));
    case 'ring':
      return [...ONION_RINGS.map((value) => ({ value, label: RING_LABELS[value] })), NOT_ASSESSED];
    case 'quadrant':
      return MENDELOW_QUADRANTS.map((value) => ({ value, label: QUADRANT_LABELS[value] }));
    case 'power':
    case 'interest':
      return [4, 3, 2, 1, 0].map((level) => ({ value: String(level), label: LEVEL_LABELS[level] as string }));
    case 'frequency':
      return [
        ...CONTACT_FREQUENCIES.filter((value) => value !== '').map((value) => ({ value, label: capitalise(value) })),
        { value: NONE_VALUE, label: 'No frequency' },
      ];
  }
}
