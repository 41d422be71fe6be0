/**
 * Suggested matches: partner A gives what partner B wants to receive (compass
 * Principle 3, "take stock of what each partner is willing to give and receive", and
 * Principle 6, "buddy up" so partners learn from each other).
 */
import { type MatrixCell, type MatrixRow, type Partner, cellValue, indexCells, uniquePartners, type SkillLevel } from '@pc/shared';

export interface MatchSuggestion {
  rowId: string;
  giverId: string;
  receiverId: string;
  giverLevel: SkillLevel;
  receiverLevel: SkillLevel;
  /** "Alba Trust can give Bridge Council: safeguarding training" */
  sentence: string;
}

/**
 * Whether a giver at one level can usefully give to a receiver at another.
 *
 * The giver must have something (level >= 1) and be at least at the receiver's
 * level. Equal levels are allowed on purpose: two partners "competent with help" can
 * still share practice, lend a venue or pool volunteers, and for resources the level
 * measures how much there is rather than how well it is done. A giver below the
 * receiver would be offering less than the receiver already has.
 */
export function canGiveTo(giverLevel: number, receiverLevel: number): boolean {
  return giverLevel >= 1 && giverLevel >= receiverLevel;
}

export function matchSentence(giverName: string, receiverName: string, rowName: string): string {
  return `${giverName} can give ${receiverName}: ${rowName}`;
}

/**
 * All suggestions for one row: every (giver, receiver) pair with giver != receiver,
 * giver ticking "gives", receiver ticking "wants to receive", and canGiveTo holding.
 *
 * Order: the most capable giver first (a level 4 "can teach others" is the best
 * suggestion), then giver in partner order, then receiver in partner order. The
 * comparator ends on partner positions, so the order is total and never depends on
 * the sort algorithm.
 */
export function rowMatches(
  row: Pick<MatrixRow, 'id' | 'name'>,
  partners: readonly Partner[],
  cells: ReadonlyMap<string, MatrixCell>,
): MatchSuggestion[] {
  const givers: { partner: Partner; level: SkillLevel; position: number }[] = [];
  const receivers: { partner: Partner; level: SkillLevel; position: number }[] = [];
  partners.forEach((partner, position) => {
    const value = cellValue(cells, row.id, partner.id);
    if (value.gives) givers.push({ partner, level: value.level, position });
    if (value.receives) receivers.push({ partner, level: value.level, position });
  });
  if (givers.length === 0 || receivers.length === 0) return [];

  givers.sort((x, y) => y.level - x.level || x.position - y.position);
  const result: MatchSuggestion[] = [];
  for (const giver of givers) {
    for (const receiver of receivers) {
      if (giver.partner.id === receiver.partner.id) continue;
      if (!canGiveTo(giver.level, receiver.level)) continue;
      result.push({
        rowId: row.id,
        giverId: giver.partner.id,
        receiverId: receiver.partner.id,
        giverLevel: giver.level,
        receiverLevel: receiver.level,
        sentence: matchSentence(giver.partner.name, receiver.partner.name, row.name),
      });
    }
  }
  return result;
}

/**
 * Suggestions for every row, rows in the order given (pass them in layout order to
 * list them as the board shows them). Cells are indexed once; cost is
 * O(rows x partners) plus the pairs actually produced.
 */
export function suggestMatches(
  rows: readonly Pick<MatrixRow, 'id' | 'name'>[],
  partners: readonly Partner[],
  cells: Iterable<MatrixCell>,
): MatchSuggestion[] {
  const index = indexCells(cells);
  const columns = uniquePartners(partners);
  return rows.flatMap((row) => rowMatches(row, columns, index));
}

/** Suggestions grouped by row id, for the per-row badge and its popover. */
export function matchesByRow(matches: readonly MatchSuggestion[]): Map<string, MatchSuggestion[]> {
  const byRow = new Map<string, MatchSuggestion[]>();
  for (const match of matches) {
    const list = byRow.get(match.rowId);
    if (list) list.push(match);
    else byRow.set(match.rowId, [match]);
  }
  return byRow;
}

/** Suggestions involving one partner, as giver or receiver, for a partner's own view. */
export function matchesForPartner(matches: readonly MatchSuggestion[], partnerId: string): MatchSuggestion[] {
  return matches.filter((m) => m.giverId === partnerId || m.receiverId === partnerId);
}
