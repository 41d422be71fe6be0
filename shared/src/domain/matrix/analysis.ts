/**
 * Gap and coverage analysis of the matrix (compass Principles 1, 3 and 6: know what
 * the partnership has, what each partner will give and wants to receive, and where
 * the gaps are). Pure: records in, plain results out; the board redraws from these.
 */
import type { MatrixCell, MatrixRow, Partner } from '../../schema';
import { cellValue, indexCells, uniquePartners, type CellIndex } from './cellIndex';
import { toSkillLevel, type SkillLevel } from './levels';

export const COVERAGE_WARNINGS = ['nobodyHasIt', 'singlePointOfFailure', 'nobodyGives'] as const;
export type CoverageWarning = (typeof COVERAGE_WARNINGS)[number];

/** Wording for the coverage column, tooltips and the export pack. */
export const COVERAGE_WARNING_TEXT: Readonly<Record<CoverageWarning, { label: string; explanation: string }>> = {
  nobodyHasIt: {
    label: 'Nobody has it',
    explanation: 'No partner has any level of this. Look outside the partnership: who could bring it?',
  },
  singlePointOfFailure: {
    label: 'Only one partner',
    explanation: 'Only one partner meets the required level. If they leave or are stretched, the partnership loses it.',
  },
  nobodyGives: {
    label: 'Nobody gives it',
    explanation: 'A partner wants to receive this, but no other partner has offered to give it.',
  },
};

export interface RowAnalysis {
  rowId: string;
  required: SkillLevel;
  /** Highest level any partner holds; 0 when there are no partners. */
  bestAvailable: SkillLevel;
  /** max(0, required - bestAvailable): 0..4 points short of the requirement. */
  gap: number;
  /** Partners at the best level, in partner order; empty when the best is 0. */
  bestPartnerIds: string[];
  /** Partners with any level (>= 1). */
  holderIds: string[];
  /** Partners at or above coverageThreshold(required). */
  meetingPartnerIds: string[];
  /** Partners who tick "gives" and have something to give (level >= 1). */
  giverIds: string[];
  /** Partners who tick "wants to receive", at any level. */
  receiverIds: string[];
  /** In COVERAGE_WARNINGS order, so the display is stable. */
  warnings: CoverageWarning[];
}

export interface MatrixSummary {
  rowCount: number;
  partnerCount: number;
  rowsWithGaps: number;
  /** Sum of all row gaps: one number for "how far are we from what we need". */
  totalGapPoints: number;
  rowsWithWarnings: number;
  warningCounts: Record<CoverageWarning, number>;
}

export interface MatrixAnalysis {
  /** One entry per input row, in input order. */
  rows: RowAnalysis[];
  /** First analysis per row id. */
  byRowId: ReadonlyMap<string, RowAnalysis>;
  summary: MatrixSummary;
}

/**
 * The level a partner must hold to count as "covering" a row.
 *
 * Normally that is the row's required level. Required 0 means the row is tracked for
 * information but not needed; a partner at level 0 has nothing at all, so it cannot
 * cover anything. The threshold is therefore never below 1, and for a required-0 row
 * "covering" means "has it at all". Consequences, by design:
 * - nobodyHasIt and singlePointOfFailure never fire together;
 * - a required-0 row held by exactly one partner is a single point of failure (the
 *   partnership depends on one organisation for it, required or not), while its gap
 *   is always 0.
 */
export function coverageThreshold(required: number): SkillLevel {
  return Math.max(1, toSkillLevel(required)) as SkillLevel;
}

/** Gap in level points, never negative: being above the requirement is not a credit. */
export function gapPoints(required: number, bestAvailable: number): number {
  return Math.max(0, toSkillLevel(required) - toSkillLevel(bestAvailable));
}

/**
 * Analyse one row against an index built once by indexCells.
 *
 * Warning rules:
 * - nobodyHasIt: every partner is at level 0, counting missing cells as 0. It fires
 *   whatever the required level: even an optional row nobody has is worth seeing,
 *   and a board with no partners yet has nobody for every row.
 * - singlePointOfFailure: exactly one partner is at or above coverageThreshold.
 *   Zero such partners is a gap (or nobodyHasIt), not a single point of failure.
 * - nobodyGives: someone wants to receive it, and no partner gives it to anyone but
 *   itself. A giving flag means nothing without a wish to receive, so the warning is
 *   silent when nobody ticks "wants to receive"; a gap with no receivers is already
 *   shown by the gap column and answered by "who could bring this?". Givers need
 *   level >= 1 (nobody can give what they do not have); the giver's level is not
 *   compared with the receiver's here, that is the business of matches.ts.
 */
export function analyseRow(row: MatrixRow, partners: readonly Partner[], index: CellIndex): RowAnalysis {
  const required = toSkillLevel(row.required);
  const threshold = coverageThreshold(required);
  let best: SkillLevel = 0;
  const holderIds: string[] = [];
  const meetingPartnerIds: string[] = [];
  const giverIds: string[] = [];
  const receiverIds: string[] = [];
  const levels: SkillLevel[] = [];

  for (const partner of partners) {
    const value = cellValue(index, row.id, partner.id);
    levels.push(value.level);
    if (value.level > best) best = value.level;
    if (value.level >= 1) holderIds.push(partner.id);
    if (value.level >= threshold) meetingPartnerIds.push(partner.id);
    if (value.gives && value.level >= 1) giverIds.push(partner.id);
    if (value.receives) receiverIds.push(partner.id);
  }

  const bestPartnerIds = best === 0 ? [] : partners.filter((_, i) => levels[i] === best).map((p) => p.id);

  const warnings: CoverageWarning[] = [];
  if (holderIds.length === 0) warnings.push('nobodyHasIt');
  if (meetingPartnerIds.length === 1) warnings.push('singlePointOfFailure');
  if (receiverIds.length > 0 && !someoneGivesToAnother(giverIds, receiverIds)) warnings.push('nobodyGives');

  return {
    rowId: row.id,
    required,
    bestAvailable: best,
    gap: gapPoints(required, best),
    bestPartnerIds,
    holderIds,
    meetingPartnerIds,
    giverIds,
    receiverIds,
    warnings,
  };
}

/** True when some giver differs from some receiver: a partner cannot give to itself. */
function someoneGivesToAnother(giverIds: readonly string[], receiverIds: readonly string[]): boolean {
  if (giverIds.length === 0) return false;
  if (giverIds.length > 1 || receiverIds.length > 1) return true;
  return giverIds[0] !== receiverIds[0];
}

/**
 * Analyse the whole matrix: cells are indexed once, then each row looks up one cell
 * per partner, so 50 partners x 300 rows is 15,000 map lookups. Cells of partners or
 * rows not in the input (deleted, or not yet synced) are ignored.
 */
export function analyseMatrix(
  rows: readonly MatrixRow[],
  partners: readonly Partner[],
  cells: Iterable<MatrixCell>,
): MatrixAnalysis {
  const index = indexCells(cells);
  const columns = uniquePartners(partners);
  const analysed = rows.map((row) => analyseRow(row, columns, index));
  const byRowId = new Map<string, RowAnalysis>();
  for (const analysis of analysed) if (!byRowId.has(analysis.rowId)) byRowId.set(analysis.rowId, analysis);
  return { rows: analysed, byRowId, summary: summariseRows(analysed, columns.length) };
}

export function summariseRows(rows: readonly RowAnalysis[], partnerCount: number): MatrixSummary {
  const warningCounts: Record<CoverageWarning, number> = { nobodyHasIt: 0, singlePointOfFailure: 0, nobodyGives: 0 };
  let rowsWithGaps = 0;
  let totalGapPoints = 0;
  let rowsWithWarnings = 0;
  for (const row of rows) {
    if (row.gap > 0) rowsWithGaps++;
    totalGapPoints += row.gap;
    if (row.warnings.length > 0) rowsWithWarnings++;
    for (const warning of row.warnings) warningCounts[warning]++;
  }
  return { rowCount: rows.length, partnerCount, rowsWithGaps, totalGapPoints, rowsWithWarnings, warningCounts };
}
