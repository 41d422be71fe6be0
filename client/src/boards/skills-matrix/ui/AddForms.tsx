import { useEffect, useRef, useState, type FormEvent } from 'react';
import { MATRIX_CATEGORIES, LEVEL_ANCHORS } from '@pc/shared';
import { useFinishOnUnmount } from '../../../canvas/useFinishOnUnmount';
import { addPartner } from '../../partners/partnerActions';
import type { BoardSession } from '../../../collab/session';
import { addMatrixRow } from '../matrixActions';
import { CATEGORY_LABELS, type MatrixCategory } from '../model/rowOrder';

interface FormProps {
  session: BoardSession;
  onClose(): void;
  /** Existing group names, offered as suggestions. */
  groups?: readonly string[];
}

/** Escape closes the form; a name typed but not yet added is added first, never thrown away. */
function closeOnEscape(close: () => void) {
  return (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  };
}

/**
 * A form that adds one record per name, one after another: the field clears and
 * keeps focus after each; Enter adds, and closing (button, Escape, unmount) adds
 * what was typed first, so a name is never thrown away.
 */
function useRepeatedAdd(write: (name: string) => void, onClose: () => void) {
  const [name, setName] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const pending = useRef('');
  pending.current = name;
  const add = () => {
    const trimmed = pending.current.trim();
    if (!trimmed) return;
    pending.current = '';
    write(trimmed);
    setAdded(trimmed);
    setName('');
    input.current?.focus();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add();
  };
  const close = () => {
    add();
    onClose();
  };
  useFinishOnUnmount(add);
  return { name, setName, added, input, submit, close, onKeyDown: closeOnEscape(close) };
}

/** Add partners one after another: the field clears and keeps focus after each. */
export function AddPartnerForm({ session, onClose }: FormProps) {
  const form = useRepeatedAdd((name) => {
    addPartner(session, { name });
    session.stopCapturing();
  }, onClose);
  const { name, setName, added, input, submit, close } = form;
  return (
    <form className="matrix-popover" aria-label="Add partner" onSubmit={submit} onKeyDown={form.onKeyDown}>
      <label className="field">
        <span>Partner organisation</span>
        <input ref={input} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} placeholder="e.g. Alba Youth Trust" />
      </label>
      <p className="muted small" aria-live="polite">
        {added ? `Added ${added}. Add another, or close.` : 'Each partner becomes a column of the matrix.'}
      </p>
      <div className="dialog-actions">
        <button type="button" className="button small" onClick={close}>
          Close
        </button>
        <button type="submit" className="button small primary" disabled={!name.trim()}>
          Add partner
        </button>
      </div>
    </form>
  );
}

/** Add rows one after another; category, level and group stay as chosen. */
export function AddRowForm({ session, onClose, groups = [] }: FormProps) {
  const [category, setCategory] = useState<MatrixCategory>('skill');
  const [required, setRequired] = useState(2);
  const [group, setGroup] = useState('');
  const form = useRepeatedAdd((name) => {
    addMatrixRow(session, { name, category, required, group });
    session.stopCapturing();
  }, onClose);
  const { name, setName, added, input, submit, close } = form;
  return (
    <form className="matrix-popover wide" aria-label="Add row" onSubmit={submit} onKeyDown={form.onKeyDown}>
      <label className="field">
        <span>Skill, knowledge or resource</span>
        <input ref={input} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} placeholder="e.g. Safeguarding training" />
      </label>
      <div className="matrix-form-row">
        <label className="field">
          <span>Category</span>
          <select value={category} onChange={(e) => setCategory(e.target.value as MatrixCategory)}>
            {MATRIX_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Required level</span>
          <select value={required} onChange={(e) => setRequired(Number(e.target.value))}>
            {LEVEL_ANCHORS.map((a) => (
              <option key={a.level} value={a.level}>
                {a.level} {a.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        <span>Group (optional)</span>
        <input value={group} maxLength={200} list="matrix-groups" onChange={(e) => setGroup(e.target.value)} placeholder="e.g. Training" />
        <datalist id="matrix-groups">
          {groups.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
      </label>
      <p className="muted small" aria-live="polite">
        {added ? `Added ${added}. Add another, or close.` : 'Rows are grouped by category; groups inside a category are optional.'}
      </p>
      <div className="dialog-actions">
        <button type="button" className="button small" onClick={close}>
          Close
        </button>
        <button type="submit" className="button small primary" disabled={!name.trim()}>
          Add row
        </button>
      </div>
    </form>
  );
}
