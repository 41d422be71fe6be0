/**
 * The matrix drawn straight onto the 2D context of one Konva Shape: no Konva node per
 * cell, only the rows and partner columns in view (culled by binary search on the
 * layout), cells batched by level so the fill colour changes five times per frame,
 * not once per cell, and no text when it would be too small to read.
 */
import { COVERAGE_WARNING_TEXT, type CoverageWarning, type RowAnalysis, cellValue, levelAnchor } from '@pc/shared';
import type { Rect } from '../../../lib/geometry';
import { fontFor, textReadable } from '../../../lib/theme';
import { fittedLine } from '../../../canvas/textLayout';
import { coverageText, gapText } from '../model/cellText';
import { visibleBandRange, visibleRowRange, type MatrixColumn, type RowBand } from '../model/layout';
import { visiblePartnerRange, type FrozenPanes } from '../model/viewport';
import type { MatrixSelection, MatrixSnapshot } from '../matrixStore';

export const MATRIX_COLOURS = {
  border: '#e2e8f0',
  gridLine: '#ffffff',
  text: '#0f172a',
  muted: '#64748b',
  headerBg: '#ffffff',
  categoryBg: '#eef2f7',
  groupBg: '#f6f8fb',
  rowBg: '#ffffff',
  missingCell: '#f8fafc',
  selection: '#2563eb',
  rowHighlight: 'rgba(37, 99, 235, 0.07)',
  gives: '#047857',
  receives: '#c2410c',
  gapBg: '#fee2e2',
  gapText: '#b91c1c',
  met: '#15803d',
  canvasBg: '#fbfcfe',
} as const;

export const WARNING_COLOURS: Readonly<Record<CoverageWarning, string>> = {
  nobodyHasIt: '#b91c1c',
  singlePointOfFailure: '#b45309',
  nobodyGives: '#6d28d9',
};

/** Text cut with an ellipsis to fit `maxWidth` in the context's current font. */
function fit(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  return fittedLine(text, maxWidth, ctx.font);
}

/**
 * A give (up) or receive (down) marker: a coloured triangle on a small white tab, so
 * it reads on the palest and the darkest cell alike; shape, not colour, carries the
 * meaning.
 */
function marker(ctx: CanvasRenderingContext2D, x: number, y: number, up: boolean, fill: string): void {
  const box = 12;
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  ctx.roundRect(x, y, box, box, 3);
  ctx.fill();
  const size = 8;
  const ox = x + (box - size) / 2;
  const oy = y + (box - size * 0.85) / 2;
  ctx.beginPath();
  if (up) {
    ctx.moveTo(ox, oy + size * 0.85);
    ctx.lineTo(ox + size / 2, oy);
    ctx.lineTo(ox + size, oy + size * 0.85);
  } else {
    ctx.moveTo(ox, oy);
    ctx.lineTo(ox + size, oy);
    ctx.lineTo(ox + size / 2, oy + size * 0.85);
  }
  ctx.closePath();
  ctx.fillStyle = fill;
  ctx.fill();
}

export function warningIcon(ctx: CanvasRenderingContext2D, warning: CoverageWarning, x: number, cy: number, r: number): void {
  ctx.fillStyle = WARNING_COLOURS[warning];
  ctx.strokeStyle = WARNING_COLOURS[warning];
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  if (warning === 'singlePointOfFailure') {
    ctx.moveTo(x + r, cy - r);
    ctx.lineTo(x + 2 * r, cy + r * 0.8);
    ctx.lineTo(x, cy + r * 0.8);
    ctx.closePath();
    ctx.fill();
  } else if (warning === 'nobodyHasIt') {
    ctx.arc(x + r, cy, r, 0, Math.PI * 2);
    ctx.fill();
  } else {
    ctx.rect(x + 0.75, cy - r + 0.75, 2 * r - 1.5, 2 * r - 1.5);
    ctx.stroke();
  }
}

interface DrawOptions {
  /** The part of the matrix on screen (for culling). */
  view: Rect;
  /** Where the frozen header and name column sit (see viewport.frozenPanes). */
  panes: FrozenPanes;
  zoom: number;
  selection: MatrixSelection | null;
  /** Whether the selected cell should show the strong keyboard-focus ring. */
  focused: boolean;
}

export function drawMatrix(ctx: CanvasRenderingContext2D, snapshot: MatrixSnapshot, options: DrawOptions): void {
  const { layout, cells, analysis } = snapshot;
  const { view, zoom, selection, panes } = options;
  const m = layout.metrics;
  if (snapshot.empty) return;
  const showText = textReadable(12, zoom);
  const top = view.y;
  const bottom = view.y + view.height;
  const left = Math.max(view.x, 0);
  const right = Math.min(view.x + view.width, layout.width);
  const partners = visiblePartnerRange(layout, left, right);
  const partnerCols = layout.partnerColumns.slice(partners.start, partners.end);
  const extraCols = layout.columns.filter((c) => c.kind !== 'name' && c.kind !== 'partner' && c.x < right && c.x + c.width > left);
  const bands = visibleBandRange(layout, Math.max(top, m.headerHeight), bottom);
  const rowsInView = visibleRowRange(layout, Math.max(top, m.headerHeight), bottom);
  const rowBands = layout.rows.slice(rowsInView.start, rowsInView.end);
  const selectedRowId = selection && (selection.kind === 'cell' || selection.kind === 'row') ? selection.rowId : null;
  const selectedPartnerId = selection && (selection.kind === 'cell' || selection.kind === 'partner') ? selection.partnerId : null;

  ctx.save();
  ctx.textBaseline = 'middle';

  // Band backgrounds (rows white, headers tinted) across the visible width.
  const bandLeft = Math.max(left, 0);
  const bandWidth = right - bandLeft;
  for (let i = bands.start; i < bands.end; i++) {
    const band = layout.bands[i]!;
    ctx.fillStyle = band.kind === 'category' ? MATRIX_COLOURS.categoryBg : band.kind === 'group' ? MATRIX_COLOURS.groupBg : MATRIX_COLOURS.rowBg;
    ctx.fillRect(bandLeft, band.y, bandWidth, band.height);
    if (band.kind === 'row' && band.row.id === selectedRowId) {
      ctx.fillStyle = MATRIX_COLOURS.rowHighlight;
      ctx.fillRect(bandLeft, band.y, bandWidth, band.height);
    }
  }
  // Column highlight for the selected partner.
  if (selectedPartnerId) {
    const column = partnerCols.find((c) => c.partnerId === selectedPartnerId);
    if (column) {
      ctx.fillStyle = MATRIX_COLOURS.rowHighlight;
      ctx.fillRect(column.x, m.headerHeight, column.width, layout.height - m.headerHeight);
    }
  }

  // Cells, batched by fill colour.
  const byFill = new Map<string, number[]>();
  const missing: number[] = [];
  for (const band of rowBands) {
    for (const column of partnerCols) {
      const value = cellValue(cells, band.row.id, column.partnerId!);
      let list = missing;
      if (value.exists) {
        const fill = levelAnchor(value.level).fill;
        list = byFill.get(fill) ?? [];
        if (list.length === 0) byFill.set(fill, list);
      }
      list.push(column.x + 1, band.y + 1, column.width - 2, band.height - 2);
    }
  }
  ctx.fillStyle = MATRIX_COLOURS.missingCell;
  for (let i = 0; i < missing.length; i += 4) ctx.fillRect(missing[i]!, missing[i + 1]!, missing[i + 2]!, missing[i + 3]!);
  for (const [fill, list] of byFill) {
    ctx.fillStyle = fill;
    for (let i = 0; i < list.length; i += 4) ctx.fillRect(list[i]!, list[i + 1]!, list[i + 2]!, list[i + 3]!);
  }

  if (showText) {
    ctx.font = fontFor(13, 600);
    ctx.textAlign = 'center';
    for (const band of rowBands) {
      const cy = band.y + band.height / 2;
      for (const column of partnerCols) {
        const value = cellValue(cells, band.row.id, column.partnerId!);
        if (!value.exists) continue;
        ctx.fillStyle = levelAnchor(value.level).text;
        ctx.fillText(String(value.level), column.x + column.width / 2, cy + 0.5);
        if (value.gives) marker(ctx, column.x + column.width - 15, band.y + 3, true, MATRIX_COLOURS.gives);
        if (value.receives) marker(ctx, column.x + column.width - 15, band.y + band.height - 15, false, MATRIX_COLOURS.receives);
        if (value.note.trim()) {
          ctx.fillStyle = levelAnchor(value.level).text;
          ctx.globalAlpha = 0.55;
          ctx.fillRect(column.x + 5, band.y + 5, 5, 5);
          ctx.globalAlpha = 1;
        }
      }
    }
  }

  // The analysis columns.
  for (const band of rowBands) {
    const row = analysis.byRowId.get(band.row.id);
    if (row) for (const column of extraCols) drawExtraCell(ctx, column, band, row, showText);
  }

  // Category and group headers.
  for (let i = bands.start; i < bands.end; i++) {
    const band = layout.bands[i]!;
    if (band.kind === 'row') continue;
    ctx.fillStyle = MATRIX_COLOURS.border;
    ctx.fillRect(bandLeft, band.y + band.height - 1, bandWidth, 1);
  }

  // The frozen name column, over the cells when scrolled right.
  ctx.fillStyle = MATRIX_COLOURS.rowBg;
  ctx.fillRect(panes.nameX, Math.max(top, m.headerHeight), m.nameColumnWidth, Math.min(bottom, layout.height) - Math.max(top, m.headerHeight));
  for (let i = bands.start; i < bands.end; i++) {
    const band = layout.bands[i]!;
    const x = panes.nameX;
    if (band.kind === 'row') {
      if (band.row.id === selectedRowId) {
        ctx.fillStyle = MATRIX_COLOURS.rowHighlight;
        ctx.fillRect(x, band.y, m.nameColumnWidth, band.height);
      }
      if (!showText) continue;
      const indent = band.row.group.trim() ? 32 : 18;
      ctx.font = fontFor(14);
      ctx.textAlign = 'left';
      ctx.fillStyle = MATRIX_COLOURS.text;
      ctx.fillText(fit(ctx, band.row.name, m.nameColumnWidth - indent - 8), x + indent, band.y + band.height / 2 + 0.5);
    } else {
      ctx.fillStyle = band.kind === 'category' ? MATRIX_COLOURS.categoryBg : MATRIX_COLOURS.groupBg;
      ctx.fillRect(x, band.y, m.nameColumnWidth, band.height - 1);
      if (!showText) continue;
      const indent = band.kind === 'category' ? 8 : 18;
      const cy = band.y + band.height / 2;
      chevron(ctx, x + indent, cy, band.collapsed);
      ctx.textAlign = 'left';
      ctx.fillStyle = band.kind === 'category' ? MATRIX_COLOURS.text : '#334155';
      ctx.font = band.kind === 'category' ? fontFor(13, 700) : fontFor(13, 600);
      const label = fit(ctx, band.label || 'Group', m.nameColumnWidth - indent - 60);
      ctx.fillText(label, x + indent + 16, cy + 0.5);
      const labelWidth = ctx.measureText(label).width;
      ctx.font = fontFor(12);
      ctx.fillStyle = MATRIX_COLOURS.muted;
      ctx.fillText(`${band.rowCount}`, x + indent + 16 + labelWidth + 8, cy + 0.5);
    }
  }
  if (panes.nameX > 0) {
    ctx.fillStyle = 'rgba(15, 23, 42, 0.08)';
    ctx.fillRect(panes.nameX + m.nameColumnWidth, Math.max(top, m.headerHeight), 3, Math.min(bottom, layout.height) - Math.max(top, m.headerHeight));
  }

  // Selection ring.
  if (selection?.kind === 'cell') {
    const band = rowBands.find((b) => b.row.id === selection.rowId);
    const column = partnerCols.find((c) => c.partnerId === selection.partnerId);
    if (band && column && column.x >= panes.nameX + m.nameColumnWidth - 1) {
      ctx.lineWidth = options.focused ? 3 : 2;
      ctx.strokeStyle = MATRIX_COLOURS.selection;
      ctx.strokeRect(column.x + 1.5, band.y + 1.5, column.width - 3, band.height - 3);
    }
  }

  // Rows scrolled above a frozen header are hidden, as in a spreadsheet.
  if (panes.headerY > 0) {
    ctx.fillStyle = MATRIX_COLOURS.canvasBg;
    ctx.fillRect(left - 1, Math.min(top, panes.headerY), right - left + 2, panes.headerY - Math.min(top, panes.headerY));
  }
  drawHeader(ctx, snapshot, panes, partnerCols, extraCols, { left, right, showText, selectedPartnerId });

  // Outline of the matrix as far as it is on screen.
  ctx.strokeStyle = MATRIX_COLOURS.border;
  ctx.lineWidth = 1;
  ctx.strokeRect(0.5, panes.headerY + 0.5, layout.width - 1, layout.height - panes.headerY - 1);
  ctx.restore();
}

function chevron(ctx: CanvasRenderingContext2D, x: number, cy: number, collapsed: boolean): void {
  ctx.strokeStyle = '#475569';
  ctx.lineWidth = 1.6;
  ctx.beginPath();
  if (collapsed) {
    ctx.moveTo(x + 3, cy - 4);
    ctx.lineTo(x + 7, cy);
    ctx.lineTo(x + 3, cy + 4);
  } else {
    ctx.moveTo(x + 1, cy - 2);
    ctx.lineTo(x + 5, cy + 2);
    ctx.lineTo(x + 9, cy - 2);
  }
  ctx.stroke();
}

function drawExtraCell(ctx: CanvasRenderingContext2D, column: MatrixColumn, band: RowBand, row: RowAnalysis, showText: boolean): void {
  const cx = column.x + column.width / 2;
  const cy = band.y + band.height / 2;
  switch (column.kind) {
    case 'required':
    case 'best': {
      const level = column.kind === 'required' ? row.required : row.bestAvailable;
      const anchor = levelAnchor(level);
      const w = 28;
      ctx.fillStyle = anchor.fill;
      ctx.fillRect(cx - w / 2, band.y + 5, w, band.height - 10);
      if (showText) {
        ctx.font = fontFor(13, 600);
        ctx.textAlign = 'center';
        ctx.fillStyle = anchor.text;
        ctx.fillText(String(level), cx, cy + 0.5);
      }
      return;
    }
    case 'gap': {
      if (row.gap > 0) {
        ctx.fillStyle = MATRIX_COLOURS.gapBg;
        ctx.fillRect(cx - 16, band.y + 5, 32, band.height - 10);
        if (showText) {
          ctx.font = fontFor(13, 700);
          ctx.textAlign = 'center';
          ctx.fillStyle = MATRIX_COLOURS.gapText;
          ctx.fillText(gapText(row.gap), cx, cy + 0.5);
        }
      } else if (showText) {
        ctx.strokeStyle = MATRIX_COLOURS.met;
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(cx - 5, cy);
        ctx.lineTo(cx - 1, cy + 4);
        ctx.lineTo(cx + 6, cy - 4);
        ctx.stroke();
      }
      return;
    }
    case 'coverage': {
      const first = row.warnings[0];
      if (!first) {
        if (showText) {
          ctx.font = fontFor(12);
          ctx.textAlign = 'left';
          ctx.fillStyle = row.gap > 0 ? MATRIX_COLOURS.gapText : MATRIX_COLOURS.met;
          ctx.fillText(coverageText(row), column.x + 12, cy + 0.5);
        }
        return;
      }
      let x = column.x + 10;
      for (const warning of row.warnings) {
        warningIcon(ctx, warning, x, cy, 5);
        x += 14;
      }
      if (showText) {
        ctx.font = fontFor(12, 600);
        ctx.textAlign = 'left';
        ctx.fillStyle = WARNING_COLOURS[first];
        ctx.fillText(fit(ctx, COVERAGE_WARNING_TEXT[first].label, column.x + column.width - x - 6), x + 2, cy + 0.5);
      }
      return;
    }
    default:
      return;
  }
}

function drawHeader(
  ctx: CanvasRenderingContext2D,
  snapshot: MatrixSnapshot,
  panes: FrozenPanes,
  partnerCols: readonly MatrixColumn[],
  extraCols: readonly MatrixColumn[],
  options: { left: number; right: number; showText: boolean; selectedPartnerId: string | null },
): void {
  const { layout, partnerById } = snapshot;
  const m = layout.metrics;
  const y = panes.headerY;
  const h = m.headerHeight;
  ctx.fillStyle = MATRIX_COLOURS.headerBg;
  ctx.fillRect(options.left, y, options.right - options.left, h);
  if (panes.headerY > 0) {
    ctx.fillStyle = 'rgba(15, 23, 42, 0.08)';
    ctx.fillRect(options.left, y + h, options.right - options.left, 3);
  }
  ctx.fillStyle = MATRIX_COLOURS.border;
  ctx.fillRect(options.left, y + h - 1, options.right - options.left, 1);

  for (const column of partnerCols) {
    const partner = partnerById.get(column.partnerId!);
    if (!partner) continue;
    if (partner.id === options.selectedPartnerId) {
      ctx.fillStyle = MATRIX_COLOURS.rowHighlight;
      ctx.fillRect(column.x, y, column.width, h);
    }
    ctx.fillStyle = partner.colour;
    ctx.fillRect(column.x + 4, y + h - 8, column.width - 8, 5);
    if (!options.showText) continue;
    ctx.save();
    ctx.translate(column.x + column.width / 2 - 2, y + h - 16);
    ctx.rotate(-Math.PI / 4);
    ctx.font = fontFor(13, 600);
    ctx.textAlign = 'left';
    ctx.fillStyle = partner.colour;
    ctx.fillText(fit(ctx, partner.name, 128), 0, 0);
    ctx.restore();
  }

  if (options.showText) {
    const labels: Record<string, string> = { required: 'Required', best: 'Best', gap: 'Gap', coverage: 'Coverage' };
    ctx.font = fontFor(12, 600);
    ctx.fillStyle = '#334155';
    for (const column of extraCols) {
      ctx.textAlign = column.kind === 'coverage' ? 'left' : 'center';
      const x = column.kind === 'coverage' ? column.x + 10 : column.x + column.width / 2;
      ctx.fillText(labels[column.kind] ?? '', x, y + h - 16);
    }
  }
  // The corner above the names, frozen in both directions.
  ctx.fillStyle = MATRIX_COLOURS.headerBg;
  ctx.fillRect(panes.nameX, y, m.nameColumnWidth, h - 1);
  if (options.showText) {
    ctx.font = fontFor(15, 700);
    ctx.textAlign = 'left';
    ctx.fillStyle = MATRIX_COLOURS.text;
    ctx.fillText('Skills matrix', panes.nameX + 14, y + 26);
    ctx.font = fontFor(12);
    ctx.fillStyle = MATRIX_COLOURS.muted;
    const { partnerCount, rowCount } = snapshot.analysis.summary;
    ctx.fillText(`${partnerCount} partner${partnerCount === 1 ? '' : 's'} · ${rowCount} row${rowCount === 1 ? '' : 's'}`, panes.nameX + 14, y + 46);
    if (partnerCount === 0) {
      ctx.fillStyle = MATRIX_COLOURS.muted;
      ctx.fillText('Add a partner to fill in levels.', panes.nameX + 14, y + h - 16);
    }
  }
}
