/**
 * Mendelow's power/interest quadrants. Power and interest are judged on a 0-4
 * scale; the map draws them as a 5 x 5 grid (client), the export names each
 * stakeholder's quadrant, and both classify with these rules.
 */

export type StakeholderLevel = 0 | 1 | 2 | 3 | 4;
export const STAKEHOLDER_LEVEL_MAX: StakeholderLevel = 4;
/** The schema default for power and interest; used when a value is unusable. */
export const STAKEHOLDER_LEVEL_MIDDLE: StakeholderLevel = 2;

/**
 * Any number to a level: rounded to the nearest whole level (2.5 -> 3) and clamped
 * to 0-4. NaN becomes the middle level so a bad value never throws a card into a
 * corner where it would read as a deliberate judgement.
 */
export function clampStakeholderLevel(value: number): StakeholderLevel {
  if (Number.isNaN(value)) return STAKEHOLDER_LEVEL_MIDDLE;
  const rounded = Math.round(value);
  return Math.min(STAKEHOLDER_LEVEL_MAX, Math.max(0, rounded)) as StakeholderLevel;
}

export type MendelowQuadrant = 'manageClosely' | 'keepSatisfied' | 'keepInformed' | 'monitor';
export const MENDELOW_QUADRANTS: readonly MendelowQuadrant[] = ['manageClosely', 'keepSatisfied', 'keepInformed', 'monitor'];

/**
 * First level that counts as "high" on either axis. Level 2 is the midpoint of the
 * scale and counts as low on BOTH axes, for three reasons:
 * - "high" should mean a judgement above the middle, not the middle itself;
 * - new stakeholders default to 2/2 (and fast entry creates many at once): they
 *   land in "monitor" until assessed instead of swelling "manage closely", the
 *   quadrant that costs partners the most time (Principle 3: be honest about
 *   the time and resources available);
 * - the same rule on both axes keeps the quadrants a clean 2 x 2 block of cells
 *   (levels 3-4) against 3 x 3 (levels 0-2), drawn with the dividing lines on
 *   cell edges, so what users see always matches the classification.
 */
export const QUADRANT_HIGH_FROM: StakeholderLevel = 3;

export function isHighLevel(level: number): boolean {
  return clampStakeholderLevel(level) >= QUADRANT_HIGH_FROM;
}

export function mendelowQuadrant(power: number, interest: number): MendelowQuadrant {
  const highPower = isHighLevel(power);
  const highInterest = isHighLevel(interest);
  if (highPower) return highInterest ? 'manageClosely' : 'keepSatisfied';
  return highInterest ? 'keepInformed' : 'monitor';
}

export const QUADRANT_LABELS: Readonly<Record<MendelowQuadrant, string>> = {
  manageClosely: 'Manage closely',
  keepSatisfied: 'Keep satisfied',
  keepInformed: 'Keep informed',
  monitor: 'Monitor',
};

export const QUADRANT_STRATEGIES: Readonly<Record<MendelowQuadrant, string>> = {
  manageClosely: 'Involve them fully and early: consult them on decisions and keep close, regular personal contact.',
  keepSatisfied: 'Meet their needs and consult them on what affects them, without burying them in detail.',
  keepInformed: 'Keep them regularly informed and listen to their concerns; they can become allies and advocates.',
  monitor: 'Watch for changes in their power or interest and share general updates with minimal effort.',
};
