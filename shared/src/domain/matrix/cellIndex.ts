/**
 * Cells are sparse: a partner who has said nothing about a row has no cell record.
 * Every matrix computation reads cells through this index so that "missing" means
 * exactly one thing everywhere: level 0, no flags, no note.
 */
import { matrixCellKey, type MatrixCell, type Partner } from '../../schema';
import { toSkillLevel, type SkillLevel } from './levels';

/** What the matrix needs to know about one row x partner intersection. */
export interface CellValue {
  level: SkillLevel;
  gives: boolean;
  receives: boolean;
  note: string;
  /** False when no cell record exists and the values are the defaults. */
  exists: boolean;
}

export const EMPTY_CELL: Readonly<CellValue> = Object.freeze({
  level: 0,
  gives: false,
  receives: false,
  note: '',
  exists: false,
});

export type CellIndex = ReadonlyMap<string, MatrixCell>;

/**
 * Index cells by `${rowId}:${partnerId}` once, so a whole-matrix pass is
 * O(rows x partners) map lookups instead of a scan per cell.
 *
 * The key is rebuilt from rowId and partnerId rather than trusting `cell.id`: an
 * imported or hand-edited record with a stale id must still land in its cell. If two
 * records claim the same cell, the later one in the input wins, as a later write would.
 */
export function indexCells(cells: Iterable<MatrixCell>): CellIndex {
  const index = new Map<string, MatrixCell>();
  for (const cell of cells) index.set(matrixCellKey(cell.rowId, cell.partnerId), cell);
  return index;
}

export function cellValue(index: CellIndex, rowId: string, partnerId: string): CellValue {
  const cell = index.get(matrixCellKey(rowId, partnerId));
  if (!cell) return EMPTY_CELL;
  return {
    level: toSkillLevel(cell.level),
    gives: cell.gives === true,
    receives: cell.receives === true,
    note: typeof cell.note === 'string' ? cell.note : '',
    exists: true,
  };
}

/**
 * Partners in their given order with repeated ids dropped (first wins). A duplicate
 * would otherwise count twice towards coverage and produce self-matches under two
 * names; it can appear briefly while two people promote the same stakeholder.
 */
export function uniquePartners<P extends Pick<Partner, 'id'>>(partners: readonly P[]): P[] {
  const seen = new Set<string>();
  const result: P[] = [];
  for (const p of partners) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    result.push(p);
  }
  return result;
}
