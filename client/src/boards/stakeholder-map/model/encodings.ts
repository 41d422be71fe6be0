/**
 * Visual encodings: colour by any field (with its legend) and size by power or
 * interest. Palettes avoid relying on red/green alone: categorical fields use the
 * Okabe-Ito colour-blind-safe set, ordered scales a blue-to-red diverging or a
 * single-hue sequential ramp.
 */
import { type Partner, type Stakeholder, clampStakeholderLevel, STAKEHOLDER_LEVEL_MAX } from '@pc/shared';
import { fieldOptions, fieldValues, NONE_VALUE, type StakeholderField } from './fields';

export { engagementGap, engagementGapBucket } from './fields';

export type ColourField = StakeholderField;

/** Grey for "no value" (no owner, no frequency) and for any value a palette does not know. */
export const NO_VALUE_COLOUR = '#bdbdbd';
/** Stakeholders held by several partners: a dark neutral that no partner colour is likely to be. */
export const SHARED_OWNER_COLOUR = '#3d3d3d';
export const SHARED_OWNER_VALUE = 'shared';

const LEVEL_RAMP = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];

const PALETTES: Readonly<Record<Exclude<ColourField, 'owner'>, Readonly<Record<string, string>>>> = {
  sector: { public: '#0072B2', third: '#009E73', private: '#E69F00', community: '#CC79A7', academic: '#56B4E9' },
  attitude: { '2': '#2166ac', '1': '#67a9cf', '0': '#bdbdbd', '-1': '#ef8a62', '-2': '#b2182b' },
  engagementGap: { gap3plus: '#b2182b', gap2: '#d6604d', gap1: '#f4a582', onTarget: '#2166ac', beyond: '#92c5de' },
  engagementCurrent: { unaware: '#dadaeb', resistant: '#bcbddc', neutral: '#9e9ac8', supportive: '#756bb1', leading: '#54278f' },
  engagementTarget: { unaware: '#dadaeb', resistant: '#bcbddc', neutral: '#9e9ac8', supportive: '#756bb1', leading: '#54278f' },
  salience: {
    definitive: '#b2182b',
    dominant: '#e66101',
    dangerous: '#5e3c99',
    dependent: '#0571b0',
    dormant: '#fdb863',
    discretionary: '#92c5de',
    demanding: '#b2abd2',
    nonStakeholder: '#bdbdbd',
  },
  kind: { organisation: '#0072B2', group: '#E69F00', person: '#009E73' },
  ring: { core: '#08519c', direct: '#3182bd', indirect: '#6baed6', wider: '#bdd7e7' },
  quadrant: { manageClosely: '#D55E00', keepSatisfied: '#E69F00', keepInformed: '#56B4E9', monitor: '#999999' },
  power: Object.fromEntries(LEVEL_RAMP.map((colour, level) => [String(level), colour])),
  interest: Object.fromEntries(LEVEL_RAMP.map((colour, level) => [String(level), colour])),
  frequency: {
    weekly: '#08519c',
    fortnightly: '#3182bd',
    monthly: '#6baed6',
    quarterly: '#9ecae1',
    yearly: '#c6dbef',
    'as needed': '#CC79A7',
    none: NO_VALUE_COLOUR,
  },
};

export interface LegendEntry {
  /** The field's value key (see fields.ts); usable as a filter value except SHARED_OWNER_VALUE. */
  value: string;
  label: string;
  colour: string;
  /** Stakeholders drawn in this colour, so the UI can hide or grey out empty entries. */
  count: number;
}

export interface ColourEncoding {
  colourOf: Map<string, string>;
  legend: LegendEntry[];
}

/**
 * The owner value key used for colour: the sole known owner's id, SHARED_OWNER_VALUE
 * when several partners hold the relationship (one partner's colour would hide the
 * others), NONE_VALUE when nobody does. Ids of partners no longer on the board are
 * ignored.
 */
export function ownerColourKey(stakeholder: Stakeholder, partners: readonly Partner[]): string {
  const known = new Set(partners.map((p) => p.id));
  const owners = fieldValues(stakeholder, 'owner').filter((id) => known.has(id));
  if (owners.length === 0) return NONE_VALUE;
  return owners.length === 1 ? (owners[0] as string) : SHARED_OWNER_VALUE;
}

/** Every owning partner's colour, in the stakeholder's own order, for drawing a segmented outline. */
export function ownerColours(stakeholder: Stakeholder, partners: readonly Partner[]): string[] {
  const byId = new Map(partners.map((p) => [p.id, p.colour]));
  return fieldValues(stakeholder, 'owner').flatMap((id) => {
    const colour = byId.get(id);
    return colour === undefined ? [] : [colour];
  });
}

/** Colour of every stakeholder by `field`, with a legend listing every possible value in display order. */
export function colourBy(stakeholders: readonly Stakeholder[], field: ColourField, partners: readonly Partner[] = []): ColourEncoding {
  const legend: LegendEntry[] = [];
  let keyOf: (s: Stakeholder) => string;
  if (field === 'owner') {
    for (const option of fieldOptions('owner', partners)) {
      if (option.value === NONE_VALUE) continue;
      const partner = partners.find((p) => p.id === option.value);
      legend.push({ ...option, colour: partner?.colour ?? NO_VALUE_COLOUR, count: 0 });
    }
    legend.push({ value: SHARED_OWNER_VALUE, label: 'Several partners', colour: SHARED_OWNER_COLOUR, count: 0 });
    legend.push({ value: NONE_VALUE, label: 'No owner', colour: NO_VALUE_COLOUR, count: 0 });
    keyOf = (s) => ownerColourKey(s, partners);
  } else {
    const palette = PALETTES[field];
    for (const option of fieldOptions(field)) legend.push({ ...option, colour: palette[option.value] ?? NO_VALUE_COLOUR, count: 0 });
    keyOf = (s) => fieldValues(s, field)[0] ?? NONE_VALUE;
  }
  // Partners sharing an id would give two entries; the first one wins for colour and counts.
  const entryByValue = new Map<string, LegendEntry>();
  for (const entry of legend) if (!entryByValue.has(entry.value)) entryByValue.set(entry.value, entry);
  const colourOf = new Map<string, string>();
  for (const stakeholder of stakeholders) {
    const entry = entryByValue.get(keyOf(stakeholder));
    colourOf.set(stakeholder.id, entry?.colour ?? NO_VALUE_COLOUR);
    if (entry) entry.count += 1;
  }
  return { colourOf, legend };
}

export type SizeField = 'power' | 'interest' | 'none';

export interface RadiusRange {
  min: number;
  max: number;
}

export const DEFAULT_RADIUS_RANGE: RadiusRange = { min: 14, max: 34 };

/**
 * Radius for a level so that card AREA grows linearly with the level: people judge
 * circles by area, so scaling the radius linearly would exaggerate high levels.
 * Level 0 keeps the minimum radius: the card must stay visible and clickable.
 */
export function radiusForLevel(level: number, range: RadiusRange = DEFAULT_RADIUS_RANGE): number {
  const min = Math.max(0, Math.min(range.min, range.max));
  const max = Math.max(0, range.min, range.max);
  const t = clampStakeholderLevel(level) / STAKEHOLDER_LEVEL_MAX;
  return Math.sqrt(min * min + (max * max - min * min) * t);
}

/** Radius of a card under the chosen size encoding; 'none' uses the middle of the range by area. */
export function cardRadius(stakeholder: Pick<Stakeholder, 'power' | 'interest'>, sizeBy: SizeField, range: RadiusRange = DEFAULT_RADIUS_RANGE): number {
  if (sizeBy === 'none') return radiusForLevel(2, range);
  return radiusForLevel(sizeBy === 'power' ? stakeholder.power : stakeholder.interest, range);
}

/** The same encoding as a scale factor against the unscaled card radius. */
export function cardScale(stakeholder: Pick<Stakeholder, 'power' | 'interest'>, sizeBy: SizeField, baseRadius: number, range: RadiusRange = DEFAULT_RADIUS_RANGE): number {
  return baseRadius > 0 ? cardRadius(stakeholder, sizeBy, range) / baseRadius : 1;
}
