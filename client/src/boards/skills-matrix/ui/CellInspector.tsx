import { useEffect, useRef, useState } from 'react';
import { type MatrixRow, type Partner, cellValue, type CellIndex, LEVEL_ANCHORS } from '@pc/shared';
import type { BoardSession } from '../../../collab/session';
import { setCellLevel, setCellNote, toggleCellFlag } from '../matrixActions';
import type { MatrixStore } from '../matrixStore';

interface CellInspectorProps {
  session: BoardSession;
  store: MatrixStore;
  editable: boolean;
  row: MatrixRow;
  partner: Partner;
  cells: CellIndex;
  noteTick: number;
}

/** One cell: its level with the anchors spelled out, the give/receive flags and the capacity note. */
export function CellInspector({ session, store, editable, row, partner, cells, noteTick }: CellInspectorProps) {
  const value = cellValue(cells, row.id, partner.id);
  const { doc, localOrigin } = session;
  const [note, setNote] = useState(value.note);
  const [editingNote, setEditingNote] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const lastTick = useRef(noteTick);

  // Follow other people's edits of the note unless we are typing in it.
  useEffect(() => {
    if (!editingNote) setNote(value.note);
  }, [value.note, editingNote]);

  useEffect(() => {
    if (noteTick === lastTick.current) return;
    lastTick.current = noteTick;
    noteRef.current?.focus();
    noteRef.current?.select();
  }, [noteTick]);

  const commitNote = () => {
    setEditingNote(false);
    if (note !== value.note) setCellNote(doc, localOrigin, row.id, partner.id, note);
  };
  const backToCell = () => store.select({ kind: 'cell', rowId: row.id, partnerId: partner.id }, { focus: true });

  return (
    <section className="matrix-section" aria-labelledby="matrix-cell-title">
      <h3 id="matrix-cell-title">
        <span className="partner-dot" style={{ background: partner.colour }} aria-hidden="true" />
        {partner.name}
        <span className="muted"> · {row.name}</span>
      </h3>
      <div className="level-picker" role="radiogroup" aria-label="Level">
        {LEVEL_ANCHORS.map((anchor) => (
          <button
            key={anchor.level}
            type="button"
            role="radio"
            aria-checked={value.level === anchor.level}
            disabled={!editable}
            title={anchor.description}
            className="level-option"
            style={{ background: anchor.fill, color: anchor.text }}
            onClick={() => setCellLevel(doc, localOrigin, row.id, partner.id, anchor.level)}
          >
            {anchor.level}
          </button>
        ))}
      </div>
      <p className="level-caption">
        <strong>{LEVEL_ANCHORS[value.level]?.label}</strong>: {LEVEL_ANCHORS[value.level]?.description}
      </p>
      <div className="flag-toggles">
        <label>
          <input type="checkbox" checked={value.gives} disabled={!editable} onChange={() => toggleCellFlag(doc, localOrigin, row.id, partner.id, 'gives')} />
          <span className="mark gives" aria-hidden="true" /> Gives <kbd>G</kbd>
        </label>
        <label>
          <input
            type="checkbox"
            checked={value.receives}
            disabled={!editable}
            onChange={() => toggleCellFlag(doc, localOrigin, row.id, partner.id, 'receives')}
          />
          <span className="mark receives" aria-hidden="true" /> Wants to receive <kbd>R</kbd>
        </label>
      </div>
      <label className="field note-field">
        <span>Capacity note</span>
        <textarea
          ref={noteRef}
          rows={3}
          value={note}
          readOnly={!editable}
          maxLength={10_000}
          placeholder={editable ? 'How much, when, with whom: e.g. “two trainers, one day a month”' : ''}
          onFocus={() => setEditingNote(true)}
          onChange={(e) => setNote(e.target.value)}
          onBlur={commitNote}
          onKeyDown={(event) => {
            if (event.nativeEvent.isComposing) return;
            if (event.key === 'Escape' || (event.key === 'Enter' && !event.shiftKey)) {
              event.preventDefault();
              event.stopPropagation();
              commitNote();
              backToCell();
            }
          }}
        />
      </label>
      {editable && <p className="hint-inline">Enter or Esc saves and returns to the matrix; Shift+Enter starts a new line.</p>}
    </section>
  );
}
