import { useEffect, useState } from 'react';
import { CommitInput } from '../../../ui-kit/inputs';
import { MATRIX_CATEGORIES, type MatrixRow, LEVEL_ANCHORS } from '@pc/shared';
import type { BoardSession } from '../../../collab/session';
import { moveMatrixRow, removeMatrixRow, updateMatrixRow } from '../matrixActions';
import type { MatrixStore } from '../matrixStore';
import { CATEGORY_LABELS, type MatrixCategory } from '../model/rowOrder';
import { SelectField, type SelectOption } from '../../../ui-kit/SelectField';

const CATEGORY_OPTIONS: SelectOption<MatrixCategory>[] = MATRIX_CATEGORIES.map((category) => ({ value: category, label: CATEGORY_LABELS[category] }));
const REQUIRED_OPTIONS: SelectOption<number>[] = LEVEL_ANCHORS.map((anchor) => ({ value: anchor.level, label: `${anchor.level} ${anchor.label}` }));

/** A labelled text field that writes on blur, Enter or Escape and follows remote edits while not focused. */
function CommitField({ label, value, onCommit, disabled, list }: { label: string; value: string; onCommit(v: string): void; disabled: boolean; list?: string }) {
  return (
    <label className="field">
      <span>{label}</span>
      <CommitInput value={value} disabled={disabled} maxLength={200} list={list} onCommit={(next) => next.trim() !== value.trim() && onCommit(next)} />
    </label>
  );
}

export function RowEditor({ session, store, editable, row }: { session: BoardSession; store: MatrixStore; editable: boolean; row: MatrixRow }) {
  const { doc, localOrigin } = session;
  const [confirmDelete, setConfirmDelete] = useState(false);
  useEffect(() => setConfirmDelete(false), [row.id]);
  return (
    <section className="matrix-section" aria-labelledby="matrix-row-title">
      <h3 id="matrix-row-title">Row: {row.name}</h3>
      <CommitField
        label="Name"
        value={row.name}
        disabled={!editable}
        onCommit={(name) => name.trim() && updateMatrixRow({ doc, localOrigin }, row.id, { name: name.trim() })}
      />
      <div className="matrix-form-row">
        <SelectField className="field" label="Category" value={row.category} options={CATEGORY_OPTIONS} disabled={!editable} onChange={(category) => updateMatrixRow({ doc, localOrigin }, row.id, { category })} />
        <SelectField className="field" label="Required level" value={row.required} options={REQUIRED_OPTIONS} disabled={!editable} onChange={(required) => updateMatrixRow({ doc, localOrigin }, row.id, { required })} />
      </div>
      <CommitField
        label="Group"
        value={row.group}
        disabled={!editable}
        list="matrix-groups"
        onCommit={(group) => updateMatrixRow({ doc, localOrigin }, row.id, { group: group.trim() })}
      />
      {editable && (
        <div className="matrix-actions">
          <button type="button" className="button small" onClick={() => moveMatrixRow({ doc, localOrigin }, row.id, -1)}>
            ↑ Move up
          </button>
          <button type="button" className="button small" onClick={() => moveMatrixRow({ doc, localOrigin }, row.id, 1)}>
            ↓ Move down
          </button>
          <span className="spacer" />
          {confirmDelete ? (
            <button
              type="button"
              className="button small danger"
              onClick={() => {
                removeMatrixRow({ doc, localOrigin }, row.id);
                store.select(null);
              }}
            >
              Delete with its cells
            </button>
          ) : (
            <button type="button" className="button small" onClick={() => setConfirmDelete(true)}>
              Delete row
            </button>
          )}
        </div>
      )}
    </section>
  );
}

export { CommitField };
