/**
 * The starter rows a facilitator adds in one click, so a workshop starts from the
 * areas most third-sector partnerships need (compass Principles 1, 3 and 6) instead
 * of an empty grid.
 */
import { newRecordId, orderKeyAfter, orderKeyBetween, type MatrixRow, type SkillLevel } from '@pc/shared';
import type { MatrixCategory } from './rowOrder';

export interface StarterRowSpec {
  name: string;
  category: MatrixCategory;
  required: SkillLevel;
  /** Why this required level: shown in the tooltip, so the group can disagree knowingly. */
  rationale: string;
}

export const STARTER_ROWS: readonly StarterRowSpec[] = [
  {
    name: 'Safeguarding',
    category: 'skill',
    required: 3,
    rationale: 'Someone must handle a concern about a child or adult at risk without waiting for help.',
  },
  {
    name: 'Evaluation',
    category: 'skill',
    required: 3,
    rationale: 'Funders and trustees expect evidence of outcomes, and partners learn from it (Principle 6).',
  },
  {
    name: 'Community reach',
    category: 'resource',
    required: 3,
    rationale: 'Trusted links into the communities the partnership serves, beyond a mailing list.',
  },
  {
    name: 'Venues',
    category: 'resource',
    required: 2,
    rationale: 'Rooms for meetings and delivery; borrowing them is often enough (Principle 3).',
  },
  {
    name: 'Volunteers',
    category: 'resource',
    required: 2,
    rationale: 'People to deliver activities, with someone to recruit and support them.',
  },
  {
    name: 'Data protection',
    category: 'knowledge',
    required: 3,
    rationale: 'Sharing personal data between partners needs UK GDPR handled properly, not by guesswork.',
  },
  {
    name: 'Funding bids',
    category: 'skill',
    required: 3,
    rationale: 'Joint bids need one partner able to write and lead them without help.',
  },
  {
    name: 'Digital skills',
    category: 'skill',
    required: 2,
    rationale: 'Online meetings, shared documents and this board: everyone needs the basics, with help if need be.',
  },
];

/**
 * Comparison key for "does this row already exist": case-insensitive and blind to
 * stray spaces, so " safeguarding " typed in a hurry blocks the starter
 * "Safeguarding". Words must otherwise match: "Volunteering" is a different row.
 */
export function rowNameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/**
 * New row records for the starter rows whose names are not on the board yet, in
 * STARTER_ROWS order, each placed after every existing row of its category by giving
 * it an order key above the highest existing key. Calling it twice adds nothing the
 * second time. `newId` is injectable so tests and imports can be deterministic.
 */
export function starterRowsToAdd(
  existing: readonly Pick<MatrixRow, 'name' | 'order'>[],
  newId: () => string = newRecordId,
): MatrixRow[] {
  const taken = new Set(existing.map((row) => rowNameKey(row.name)));
  const missing = STARTER_ROWS.filter((spec) => !taken.has(rowNameKey(spec.name)));
  if (missing.length === 0) return [];

  // orderKeyAfter/orderKeyBetween survive malformed keys written by other tools.
  let order = orderKeyAfter(existing.map((row) => row.order));
  return missing.map((spec, i) => {
    if (i > 0) order = orderKeyBetween(order, null);
    return { id: newId(), name: spec.name, category: spec.category, required: spec.required, group: '', order };
  });
}
