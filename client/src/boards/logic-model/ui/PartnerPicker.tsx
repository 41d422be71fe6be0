import { useState } from 'react';
import type { Partner } from '@pc/shared';
import type { BoardSession } from '../../../collab/session';
import { addPartner } from '../../partners/partnerActions';

const ADD = '\u0000add';

interface PartnerPickerProps {
  session: BoardSession;
  partners: readonly Partner[];
  value: string | null;
  label: string;
  disabled?: boolean;
  onChange(partnerId: string | null): void;
}

/**
 * Choose the lead partner from the board's shared partners; "Add partner…" lets
 * someone add the organisation on the spot when it is not there yet (or when the
 * board has no partners at all).
 */
export function PartnerPicker({ session, partners, value, label, disabled, onChange }: PartnerPickerProps) {
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const missing = value !== null && !partners.some((p) => p.id === value);
  if (adding) {
    const submit = () => {
      const trimmed = name.trim();
      if (!trimmed) return;
      const partner = addPartner(session.doc, session.localOrigin, { name: trimmed });
      onChange(partner.id);
      setAdding(false);
      setName('');
    };
    return (
      <span className="lm-partner-add">
        <input
          aria-label="New partner name"
          placeholder="Partner organisation"
          value={name}
          autoFocus
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Enter' || e.key === 'Escape') {
              e.preventDefault();
              if (name.trim()) submit();
              else setAdding(false);
            }
          }}
        />
        <button type="button" className="button small primary" onClick={submit} disabled={!name.trim()}>
          Add
        </button>
        <button type="button" className="button small ghost" onClick={() => setAdding(false)}>
          Cancel
        </button>
      </span>
    );
  }
  return (
    <select
      aria-label={label}
      value={value ?? ''}
      disabled={disabled}
      onChange={(e) => {
        if (e.target.value === ADD) setAdding(true);
        else onChange(e.target.value === '' ? null : e.target.value);
      }}
    >
      <option value="">{partners.length === 0 ? 'No partners yet' : 'No lead partner'}</option>
      {missing && <option value={value}>(partner removed)</option>}
      {partners.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
      <option value={ADD}>Add partner…</option>
    </select>
  );
}

/** Tick the partners who support an activity (the lead is left out). */
export function PartnerChecklist({ partners, value, leadId, label, disabled, onChange }: { partners: readonly Partner[]; value: readonly string[]; leadId: string | null; label: string; disabled?: boolean; onChange(ids: string[]): void }) {
  const others = partners.filter((p) => p.id !== leadId);
  if (others.length === 0) return <p className="lm-empty-note">{partners.length === 0 ? 'No partners on this board yet.' : 'No other partners yet.'}</p>;
  return (
    <fieldset className="lm-checklist" aria-label={label}>
      {others.map((p) => (
        <label key={p.id}>
          <input
            type="checkbox"
            disabled={disabled}
            checked={value.includes(p.id)}
            onChange={(e) => onChange(e.target.checked ? [...value, p.id] : value.filter((id) => id !== p.id))}
          />
          <span className="lm-dot" style={{ background: p.colour }} aria-hidden="true" />
          {p.name}
        </label>
      ))}
    </fieldset>
  );
}
