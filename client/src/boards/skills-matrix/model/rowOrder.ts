/**
 * Display order of matrix rows: category (skill, knowledge, resource), then the
 * facilitator's group inside it, then the row's fractional order key. Shared by the
 * canvas layout, the CSV export and anything that needs "the next row".
 */
import { MATRIX_CATEGORIES, type MatrixRow } from '@pc/shared';

export type MatrixCategory = (typeof MATRIX_CATEGORIES)[number];

export const CATEGORY_LABELS: Readonly<Record<MatrixCategory, string>> = {
  skill: 'Skills',
  knowledge: 'Knowledge',
  resource: 'Resources',
};

/** Collapse key of a whole category. Categories never contain '/', so keys cannot clash. */
export function categoryKey(category: MatrixCategory): string {
  return category;
}

/**
 * Facilitators type group names freely; "Training", "training " and "TRAINING" are
 * one group, shown with the spelling of its first row.
 */
export function normaliseGroupName(group: string): string {
  return group.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function groupKey(category: MatrixCategory, group: string): string {
  return `${category}/${normaliseGroupName(group)}`;
}

/** The keys that must be expanded for this row to be visible. */
export function rowGroupKeys(row: Pick<MatrixRow, 'category' | 'group'>): string[] {
  const keys = [categoryKey(row.category)];
  if (normaliseGroupName(row.group) !== '') keys.push(groupKey(row.category, row.group));
  return keys;
}

function codeUnitCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Order keys are fractional indexes and must be compared by code unit, never with
 * localeCompare (which would put "a0V" after "a0b"). Equal keys happen when two
 * people insert at the same spot at once; the id breaks the tie identically everywhere.
 */
function compareByOrder(a: MatrixRow, b: MatrixRow): number {
  return codeUnitCompare(a.order, b.order) || codeUnitCompare(a.id, b.id);
}

/** Ungrouped rows first, then groups by name as people read it ("Group 2" < "Group 10"). */
function compareGroupNames(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return -1;
  if (b === '') return 1;
  return a.localeCompare(b, 'en', { numeric: true }) || codeUnitCompare(a, b);
}

interface GroupOfRows {
  name: string;
  label: string;
  rows: MatrixRow[];
}

/** Rows of each category, grouped and sorted; all rows, whatever is collapsed. */
export function groupMatrixRows(rows: readonly MatrixRow[]): Map<MatrixCategory, GroupOfRows[]> {
  const result = new Map<MatrixCategory, GroupOfRows[]>();
  for (const category of MATRIX_CATEGORIES) {
    const byName = new Map<string, GroupOfRows>();
    const sorted = rows.filter((r) => r.category === category).sort(compareByOrder);
    for (const row of sorted) {
      const name = normaliseGroupName(row.group);
      const group = byName.get(name);
      if (group) group.rows.push(row);
      else byName.set(name, { name, label: row.group.trim().replace(/\s+/g, ' '), rows: [row] });
    }
    result.set(category, [...byName.values()].sort((a, b) => compareGroupNames(a.name, b.name)));
  }
  return result;
}

/** Rows in display order ignoring collapse: for export and for "next row" logic. */
export function sortMatrixRows(rows: readonly MatrixRow[]): MatrixRow[] {
  return [...groupMatrixRows(rows).values()].flatMap((groups) => groups.flatMap((g) => g.rows));
}
