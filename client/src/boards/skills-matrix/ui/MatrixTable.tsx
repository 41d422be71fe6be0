import { memo, useEffect, useRef, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { type MatrixRow, type Partner, type RowAnalysis, cellValue, type CellIndex, levelLabel } from '@pc/shared';
import { panBy, visibleWorldRect } from '../../../canvas/camera';
import type { BoardContext } from '../../types';
import { setCellLevel, toggleCellFlag } from '../matrixActions';
import { lockedFor, sayLocked } from '../../../collab/locks';
import type { BoardSession } from '../../../collab/session';
import type { MatrixSnapshot, MatrixStore, MatrixUi } from '../matrixStore';
import { cellDescription, cellText, coverageText, gapText } from '../model/cellText';
import { reduceMatrixKey, type Cursor } from '../model/keyboard';
import { cellIdsAt, cellRect } from '../model/layout';
import { inWindow, tableRowWindow } from '../model/tableWindow';
import { insetView, panToReveal } from '../model/viewport';
import { TOOLBAR_INSET_PX } from './insets';

interface RowProps {
  ariaRowIndex: number;
  row: MatrixRow;
  partners: readonly Partner[];
  cells: CellIndex;
  /** Changes whenever a cell of this row changes (the index itself is updated in place). */
  version: number;
  analysis: RowAnalysis | undefined;
  /** Partner column holding the roving tab stop in this row, or -1. */
  tabCol: number;
  selectedCol: number;
  rowSelected: boolean;
}

function analysisKey(a: RowAnalysis | undefined): string {
  return a ? `${a.required}|${a.bestAvailable}|${a.gap}|${a.warnings.join(',')}` : '';
}

/** Rows re-render only when something they show changed: one edit re-renders one row of 300. */
function sameRow(a: RowProps, b: RowProps): boolean {
  return (
    a.ariaRowIndex === b.ariaRowIndex &&
    a.row === b.row &&
    a.partners === b.partners &&
    a.version === b.version &&
    a.tabCol === b.tabCol &&
    a.selectedCol === b.selectedCol &&
    a.rowSelected === b.rowSelected &&
    analysisKey(a.analysis) === analysisKey(b.analysis)
  );
}

const TableRow = memo(function TableRow({ ariaRowIndex, row, partners, cells, analysis, tabCol, selectedCol, rowSelected }: RowProps) {
  return (
    <tr data-row-id={row.id} aria-rowindex={ariaRowIndex} className={rowSelected ? 'selected' : undefined}>
      <th scope="row" tabIndex={-1} data-row-id={row.id} className={row.group.trim() ? 'grouped' : undefined}>
        {row.name}
      </th>
      {partners.map((partner, col) => {
        const value = cellValue(cells, row.id, partner.id);
        return (
          <td
            key={partner.id}
            tabIndex={col === tabCol ? 0 : -1}
            data-row-id={row.id}
            data-partner-id={partner.id}
            data-level={value.level}
            data-gives={value.gives || undefined}
            data-receives={value.receives || undefined}
            aria-selected={col === selectedCol}
            title={cellDescription(partner.name, row.name, value)}
            className={`matrix-cell level-${value.level}${value.exists ? '' : ' missing'}`}
          >
            {cellText(value)}
          </td>
        );
      })}
      <td data-col="required" title={levelLabel(analysis?.required ?? row.required)}>
        {analysis?.required ?? row.required}
      </td>
      <td data-col="best" title={levelLabel(analysis?.bestAvailable ?? 0)}>
        {analysis?.bestAvailable ?? 0}
      </td>
      <td data-col="gap" className={analysis && analysis.gap > 0 ? 'gap' : undefined}>
        {gapText(analysis?.gap ?? 0)}
      </td>
      <td data-col="coverage" data-warnings={analysis?.warnings.join(' ') || undefined} className={analysis?.warnings.length ? 'warn' : 'ok'}>
        {coverageText(analysis)}
      </td>
    </tr>
  );
}, sameRow);

interface MatrixTableProps {
  context: BoardContext;
  store: MatrixStore;
  snapshot: MatrixSnapshot;
  ui: MatrixUi;
  /** First visible-row index scrolled to in table view; null when the table is off-screen. */
  scrolledRow: number | null;
}

/** The keyboard cursor (visible row x partner column) of the current selection. */
export function cursorOf(snapshot: MatrixSnapshot, ui: MatrixUi): Cursor | null {
  const selection = ui.selection;
  if (selection?.kind !== 'cell') return null;
  const row = snapshot.layout.rowIndexById.get(selection.rowId);
  const col = snapshot.layout.partnerColumns.findIndex((c) => c.partnerId === selection.partnerId);
  return row === undefined || col < 0 ? null : { row, col };
}

/**
 * The matrix as an HTML table: the same data as the canvas, live, and the way the
 * keyboard edits it (WAI-ARIA grid pattern with one roving tab stop). Screen readers
 * and browser tests read the board through it. Kept off-screen unless "Table view" is
 * on; either way its focused cell is what the canvas outlines.
 */
export function MatrixTable({ context, store, snapshot, ui, scrolledRow }: MatrixTableProps) {
  const tableRef = useRef<HTMLTableElement>(null);
  const { layout, partners, cells, analysis } = snapshot;
  const cursor = cursorOf(snapshot, ui);
  const tabCursor = cursor ?? { row: 0, col: 0 };
  const { session, editable } = context;

  // Move DOM focus when a click on the canvas (or a key here) asks for it.
  useEffect(() => {
    if (ui.focusTick === 0) return;
    const table = tableRef.current;
    const selection = store.ui.get().selection;
    if (!table || !selection) return;
    let selector = '';
    if (selection.kind === 'cell') selector = `td[data-row-id="${CSS.escape(selection.rowId)}"][data-partner-id="${CSS.escape(selection.partnerId)}"]`;
    else if (selection.kind === 'row') selector = `th[data-row-id="${CSS.escape(selection.rowId)}"]`;
    else if (selection.kind === 'partner') selector = `th[data-partner-id="${CSS.escape(selection.partnerId)}"]`;
    else selector = `button[data-group-key="${CSS.escape(selection.key)}"]`;
    const element = table.querySelector<HTMLElement>(selector);
    if (!element) return;
    const visible = store.ui.get().tableVisible;
    element.focus({ preventScroll: !visible });
    if (visible) element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [ui.focusTick, store]);

  const reveal = (rowIndex: number, colIndex: number) => {
    const rect = cellRect(layout, rowIndex, colIndex);
    const viewport = context.viewportSize();
    if (!rect || viewport.width === 0) return;
    const cam = context.camera.get();
    const { dx, dy } = panToReveal(layout, insetView(visibleWorldRect(cam, viewport), cam.zoom, TOOLBAR_INSET_PX), rect);
    if (dx !== 0 || dy !== 0) context.camera.set(panBy(cam, -dx * cam.zoom, -dy * cam.zoom));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const td = (event.target as HTMLElement).closest('td[data-partner-id]');
    if (!td || event.nativeEvent.isComposing) return;
    const current = cursor ?? tabCursor;
    const result = reduceMatrixKey(current, event, {
      rowCount: layout.rows.length,
      colCount: layout.partnerColumns.length,
      pageSize: Math.max(1, Math.floor(context.viewportSize().height / context.camera.get().zoom / layout.metrics.rowHeight) - 5),
      readOnly: !editable,
    });
    if (!result.handled) return;
    event.preventDefault();
    event.stopPropagation();
    const ids = cellIdsAt(layout, result.cursor.row, result.cursor.col);
    if (!ids) return;
    const action = result.action;
    if (result.cursor.row !== current.row || result.cursor.col !== current.col) {
      store.select({ kind: 'cell', ...ids }, { focus: true });
      reveal(result.cursor.row, result.cursor.col);
    }
    if (!action) return;
    const at = cellIdsAt(layout, action.at.row, action.at.col);
    if (!at) return;
    if (action.type === 'openNote') store.select({ kind: 'cell', ...at }, { note: true });
    else if (cellHeld(session, at.rowId, at.partnerId)) return;
    else if (action.type === 'setLevel') setCellLevel(session, at.rowId, at.partnerId, action.level);
    else if (action.type === 'toggleGives') toggleCellFlag(session, at.rowId, at.partnerId, 'gives');
    else toggleCellFlag(session, at.rowId, at.partnerId, 'receives');
  };

  const onFocus = (event: FocusEvent<HTMLTableElement>) => {
    const target = event.target as HTMLElement;
    const rowId = target.getAttribute('data-row-id');
    const partnerId = target.getAttribute('data-partner-id');
    const selection = store.ui.get().selection;
    if (rowId && partnerId && target.tagName === 'TD') {
      if (selection?.kind !== 'cell' || selection.rowId !== rowId || selection.partnerId !== partnerId) {
        store.select({ kind: 'cell', rowId, partnerId });
      }
      const row = layout.rowIndexById.get(rowId);
      const col = layout.partnerColumns.findIndex((c) => c.partnerId === partnerId);
      if (row !== undefined && col >= 0) reveal(row, col);
      store.patchUi({ keyboardFocus: true });
    }
  };

  const onBlur = () => store.patchUi({ keyboardFocus: false });

  const columnCount = partners.length + 5;
  const window = tableRowWindow(layout.rows.length, cursor?.row ?? null, scrolledRow);

  function renderBody() {
    const out: ReactNode[] = [];
    let skipped = 0;
    const flush = (key: string) => {
      if (skipped === 0) return;
      out.push(
        <tr key={`spacer:${key}`} className="matrix-spacer" aria-hidden="true">
          <td colSpan={columnCount} style={{ height: skipped * layout.metrics.rowHeight }} />
        </tr>,
      );
      skipped = 0;
    };
    layout.bands.forEach((band, bandIndex) => {
      const ariaRowIndex = bandIndex + 2;
      if (band.kind !== 'row') {
        flush(band.key);
        out.push(
          <tr key={`${band.kind}:${band.key}`} className={`matrix-${band.kind}-row`} aria-rowindex={ariaRowIndex}>
            <th scope="colgroup" colSpan={columnCount}>
              <button
                type="button"
                className="matrix-group-toggle"
                data-group-key={band.key}
                aria-expanded={!band.collapsed}
                onClick={() => {
                  store.toggleCollapsed(band.key);
                  store.select({ kind: 'group', key: band.key, category: band.category, label: band.label, isCategory: band.kind === 'category' });
                }}
              >
                {band.label || 'Group'} <span className="muted">({band.rowCount})</span>
              </button>
            </th>
          </tr>,
        );
        return;
      }
      if (!inWindow(window, band.index)) {
        skipped++;
        return;
      }
      flush(band.row.id);
      const rowSelected = ui.selection !== null && 'rowId' in ui.selection && ui.selection.rowId === band.row.id;
      out.push(
        <TableRow
          key={band.row.id}
          ariaRowIndex={ariaRowIndex}
          row={band.row}
          partners={partners}
          cells={cells}
          version={snapshot.rowVersions.get(band.row.id) ?? 0}
          analysis={analysis.byRowId.get(band.row.id)}
          tabCol={band.index === tabCursor.row ? tabCursor.col : -1}
          selectedCol={cursor && band.index === cursor.row ? cursor.col : -1}
          rowSelected={rowSelected}
        />,
      );
    });
    flush('end');
    return out;
  }

  return (
    <table
      ref={tableRef}
      className="matrix-table"
      role="grid"
      aria-label="Skills matrix"
      aria-readonly={!editable || undefined}
      aria-rowcount={layout.bands.length + 1}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={onBlur}
      onClick={(event) => {
        const target = (event.target as HTMLElement).closest<HTMLElement>('th[data-row-id], th[data-partner-id]');
        const rowId = target?.getAttribute('data-row-id');
        const partnerId = target?.getAttribute('data-partner-id');
        if (rowId) store.select({ kind: 'row', rowId }, { focus: true });
        else if (partnerId) store.select({ kind: 'partner', partnerId }, { focus: true });
      }}
    >
      <caption className="sr-only">
        Skills, knowledge and resources of each partner, levels 0 (none) to 4 (can teach others). Arrow keys move between cells;
        {editable ? ' 0 to 4 set the level, G toggles gives, R toggles wants to receive,' : ''} Enter opens the capacity note.
      </caption>
      <thead>
        <tr aria-rowindex={1}>
          <th scope="col">Row</th>
          {partners.map((partner) => (
            <th key={partner.id} scope="col" tabIndex={-1} data-partner-id={partner.id}>
              <span className="partner-dot" style={{ background: partner.colour }} aria-hidden="true" />
              {partner.name}
            </th>
          ))}
          <th scope="col">Required</th>
          <th scope="col">Best available</th>
          <th scope="col">Gap</th>
          <th scope="col">Coverage</th>
        </tr>
      </thead>
      <tbody>{renderBody()}</tbody>
    </table>
  );
}

/** True (and says why) when a facilitator's lock holds this cell (itself, its row or the tab). */
function cellHeld(session: BoardSession, rowId: string, partnerId: string): boolean {
  const message = lockedFor(session, 'skills-matrix', `${rowId}:${partnerId}`);
  if (message) sayLocked(session, message);
  return message !== null;
}
