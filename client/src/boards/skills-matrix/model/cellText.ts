import { COVERAGE_WARNING_TEXT, type RowAnalysis, type CellValue, levelLabel } from '@pc/shared';
/**
 * Words for cells and rows, shared by the accessible table, tooltips and the side
 * panel, so what a screen reader hears is what the canvas shows.
 */

/** Short text of a cell as the table shows it: "3", "3 gives", "0 receives", "2 gives receives". */
export function cellText(value: Pick<CellValue, 'level' | 'gives' | 'receives'>): string {
  return [String(value.level), value.gives ? 'gives' : '', value.receives ? 'receives' : ''].filter(Boolean).join(' ');
}

/** Full description for a label or tooltip: "Alba Trust, Safeguarding: 3 Independent, gives, wants to receive". */
export function cellDescription(partnerName: string, rowName: string, value: CellValue): string {
  const parts = [`${value.level} ${levelLabel(value.level)}`];
  if (value.gives) parts.push('gives');
  if (value.receives) parts.push('wants to receive');
  if (value.note.trim()) parts.push(`note: ${value.note.trim()}`);
  return `${partnerName}, ${rowName}: ${parts.join(', ')}`;
}

/**
 * Coverage column text: the warnings' labels; without warnings, "Below required"
 * when partners hold it but none at the required level (a gap, not a coverage
 * risk), else "Covered by N" partners at or above the required level.
 */
export function coverageText(analysis: Pick<RowAnalysis, 'warnings' | 'gap' | 'meetingPartnerIds'> | undefined): string {
  if (!analysis) return '';
  if (analysis.warnings.length > 0) return analysis.warnings.map((warning) => COVERAGE_WARNING_TEXT[warning].label).join(', ');
  if (analysis.gap > 0 || analysis.meetingPartnerIds.length === 0) return 'Below required';
  return `Covered by ${analysis.meetingPartnerIds.length}`;
}

/** Gap column text: "-2" reads as "two points short" and survives CSV; no gap is "0". */
export function gapText(gap: number): string {
  return gap > 0 ? `-${gap}` : '0';
}
