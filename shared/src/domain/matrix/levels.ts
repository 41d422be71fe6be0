/**
 * The 0-4 proficiency scale of the skills / knowledge / resources matrix and its
 * heat-map palette. One place for labels and colours so the grid, the legend, the
 * side panel and the PDF/CSV export all say the same thing.
 */

export const SKILL_LEVELS = [0, 1, 2, 3, 4] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

export const MIN_LEVEL: SkillLevel = 0;
export const MAX_LEVEL: SkillLevel = 4;

export interface LevelAnchor {
  level: SkillLevel;
  /** Short label for the legend and tooltips. */
  label: string;
  /** What the level means, worded so a partner can place themselves honestly. */
  description: string;
  /** Heat-map fill of a cell at this level. */
  fill: string;
  /** Text colour drawn on `fill`; contrast >= 4.5:1 (WCAG AA for normal text). */
  text: string;
}

const DARK_TEXT = '#1b1f24';
const LIGHT_TEXT = '#ffffff';

/**
 * A single-hue sequential blue ramp (ColorBrewer "Blues"): ordered by lightness, so it
 * still reads as "more" in greyscale print and for every common colour-vision
 * deficiency. Colour is never the only cue: the cell also shows the digit.
 */
export const LEVEL_ANCHORS: readonly LevelAnchor[] = [
  { level: 0, label: 'None', description: 'No skill, knowledge or resource in this area', fill: '#f1f3f5', text: DARK_TEXT },
  { level: 1, label: 'Aware', description: 'Knows it matters and what it involves, but cannot do it yet', fill: '#c6dbef', text: DARK_TEXT },
  { level: 2, label: 'Competent with help', description: 'Can do it with support or supervision', fill: '#6baed6', text: DARK_TEXT },
  { level: 3, label: 'Independent', description: 'Can do it well without help', fill: '#2171b5', text: LIGHT_TEXT },
  { level: 4, label: 'Can teach others', description: 'Expert: can train, mentor or lend it to other partners', fill: '#08306b', text: LIGHT_TEXT },
];

/**
 * Any number to a valid level. The doc readers validate records, but CSV import,
 * older clients and arithmetic (required - best) can still hand us 2.5, -1 or NaN;
 * drawing must never crash on them, so we round and clamp, and NaN means "none".
 */
export function toSkillLevel(value: number): SkillLevel {
  if (!Number.isFinite(value)) return value === Infinity ? MAX_LEVEL : MIN_LEVEL;
  const rounded = Math.round(value);
  if (rounded <= MIN_LEVEL) return MIN_LEVEL;
  if (rounded >= MAX_LEVEL) return MAX_LEVEL;
  return rounded as SkillLevel;
}

export function levelAnchor(level: number): LevelAnchor {
  // LEVEL_ANCHORS is indexed by level and toSkillLevel keeps us in range.
  return LEVEL_ANCHORS[toSkillLevel(level)] as LevelAnchor;
}

export function levelLabel(level: number): string {
  return levelAnchor(level).label;
}

export interface LegendEntry {
  level: SkillLevel;
  /** "3 Independent": the digit first because that is what the cells show. */
  title: string;
  description: string;
  fill: string;
  text: string;
}

/** Legend entries, lowest level first, for the board's legend and the export pack. */
export function levelLegend(): LegendEntry[] {
  return LEVEL_ANCHORS.map((anchor) => ({
    level: anchor.level,
    title: `${anchor.level} ${anchor.label}`,
    description: anchor.description,
    fill: anchor.fill,
    text: anchor.text,
  }));
}
