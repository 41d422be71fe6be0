import { COVERAGE_WARNING_TEXT } from '@pc/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { BoardContext } from '../../types';
import { addStarterRows } from '../matrixActions';
import { starterRowsToAdd } from '../model/starterRows';
import { WINDOW_BLOCK } from '../model/tableWindow';
import { homeCamera } from '../model/viewport';
import { AddPartnerForm, AddRowForm } from './AddForms';
import { Legend } from './Legend';
import { MatrixTable } from './MatrixTable';
import { useMatrix } from './useMatrix';
import { useValueBy } from '../../../lib/hooks';
import './skills-matrix.css';

type Popover = 'partner' | 'row' | null;

/**
 * DOM over the canvas for the matrix: its toolbar (add partner, add row, starter
 * rows, table view), the summary strip of gaps and risks, the legend, and the
 * accessible table (off-screen, or shown over the canvas in table view).
 */
export function MatrixOverlay(context: BoardContext) {
  const { session, editable } = context;
  const { store, snapshot, ui } = useMatrix(session);
  const [popover, setPopover] = useState<Popover>(null);
  const [legendOpen, setLegendOpen] = useState(true);
  const [scrolledRow, setScrolledRow] = useState(0);
  const tableWrap = useRef<HTMLDivElement>(null);
  const { summary } = snapshot.analysis;
  const starterCount = useMemo(() => starterRowsToAdd(snapshot.rows, () => 'preview').length, [snapshot.rows]);
  const groups = useMemo(() => [...new Set(snapshot.rows.map((r) => r.group.trim()).filter(Boolean))].sort(), [snapshot.rows]);

  // The first partner or row added to a matrix that was empty once loaded: bring it
  // into view, top-left under the toolbar. Content that merely arrives with the load
  // is framed once by the board, never here.
  const synced = useValueBy(session.connection, (c) => String(c.synced)).synced;
  const wasEmpty = useRef<boolean | null>(null);
  useEffect(() => {
    if (!synced) return;
    if (wasEmpty.current === true && !snapshot.empty) {
      const viewport = context.viewportSize();
      if (viewport.width > 0) context.camera.set(homeCamera(snapshot.layout, viewport));
    }
    wasEmpty.current = snapshot.empty;
  }, [synced, snapshot.empty, snapshot.layout, context]);

  // The canvas turns the wheel into panning; inside the visible table it must scroll.
  useEffect(() => {
    const element = tableWrap.current;
    if (!element) return;
    const stop = (event: WheelEvent) => {
      if (store.ui.get().tableVisible && !event.ctrlKey && !event.metaKey) event.stopPropagation();
    };
    element.addEventListener('wheel', stop);
    return () => element.removeEventListener('wheel', stop);
  }, [store]);

  const closePopover = () => setPopover(null);
  const chips = [
    { key: 'gaps', count: summary.rowsWithGaps, label: summary.rowsWithGaps === 1 ? 'gap' : 'gaps', tone: 'gap' },
    { key: 'singlePointOfFailure', count: summary.warningCounts.singlePointOfFailure, label: 'single point of failure', tone: 'singlePointOfFailure' },
    { key: 'nobodyHasIt', count: summary.warningCounts.nobodyHasIt, label: 'nobody has it', tone: 'nobodyHasIt' },
    { key: 'nobodyGives', count: summary.warningCounts.nobodyGives, label: 'nobody gives it', tone: 'nobodyGives' },
  ] as const;

  return (
    <div className="matrix-overlay">
      <div className="matrix-bar" role="toolbar" aria-label="Skills matrix tools">
        {editable && (
          <>
            <div className="matrix-popover-anchor">
              <button
                type="button"
                className={`button small${snapshot.partners.length === 0 ? ' primary' : ''}`}
                aria-expanded={popover === 'partner'}
                onClick={() => setPopover(popover === 'partner' ? null : 'partner')}
              >
                + Add partner
              </button>
              {popover === 'partner' && <AddPartnerForm session={session} onClose={closePopover} />}
            </div>
            <div className="matrix-popover-anchor">
              <button
                type="button"
                className="button small"
                aria-expanded={popover === 'row'}
                onClick={() => setPopover(popover === 'row' ? null : 'row')}
              >
                + Add row
              </button>
              {popover === 'row' && <AddRowForm session={session} onClose={closePopover} groups={groups} />}
            </div>
            {starterCount > 0 && (
              <button
                type="button"
                className={`button small${snapshot.rows.length === 0 ? ' primary' : ''}`}
                title="Safeguarding, evaluation, community reach, venues, volunteers, data protection, funding bids, digital skills"
                onClick={() => {
                  session.stopCapturing();
                  addStarterRows(session);
                  session.stopCapturing();
                }}
              >
                Add {starterCount} starter rows
              </button>
            )}
          </>
        )}
        <button
          type="button"
          className="button small ghost"
          aria-pressed={ui.tableVisible}
          onClick={() => store.patchUi({ tableVisible: !ui.tableVisible })}
        >
          {ui.tableVisible ? 'Canvas view' : 'Table view'}
        </button>
        {!legendOpen && (
          <button type="button" className="button small ghost" onClick={() => setLegendOpen(true)}>
            Legend
          </button>
        )}
      </div>

      {!snapshot.empty && (
        <ul className="matrix-summary" aria-label="Matrix summary" aria-live="polite">
          {chips.map((chip) => (
            <li
              key={chip.key}
              data-summary={chip.key}
              data-count={chip.count}
              className={`summary-chip ${chip.count > 0 ? chip.tone : 'clear'}`}
              title={chip.key === 'gaps' ? `Total ${summary.totalGapPoints} level points short` : COVERAGE_WARNING_TEXT[chip.key].explanation}
            >
              <strong>{chip.count}</strong> {chip.label}
            </li>
          ))}
        </ul>
      )}

      {legendOpen && !ui.tableVisible && !snapshot.empty && <Legend onClose={() => setLegendOpen(false)} />}

      <div
        ref={tableWrap}
        className={`matrix-table-wrap ${ui.tableVisible ? 'visible' : 'offscreen'}`}
        onScroll={(event) => {
          // Rows are ~32 px; the window only needs the block, so most scroll events change nothing.
          const row = Math.floor(event.currentTarget.scrollTop / snapshot.layout.metrics.rowHeight / WINDOW_BLOCK) * WINDOW_BLOCK;
          if (row !== scrolledRow) setScrolledRow(row);
        }}
      >
        <MatrixTable context={context} store={store} snapshot={snapshot} ui={ui} scrolledRow={ui.tableVisible ? scrolledRow : null} />
      </div>
    </div>
  );
}
