import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { MAX_DISPLAY_NAME, USER_COLOURS, type Identity } from '../collab/identity';

interface NameDialogProps {
  identity: Identity;
  title: string;
  submitLabel: string;
  onSave(identity: Identity): void;
  onClose?: () => void;
  /** Offered to people who only watch: join without a name and appear as "Viewer". */
  onSkip?: () => void;
}

/** Asks once for the name others will see next to your cursor; reachable again from the header. */
export function NameDialog({ identity, title, submitLabel, onSave, onClose, onSkip }: NameDialogProps) {
  const [name, setName] = useState(identity.name);
  const [colour, setColour] = useState(identity.colour);
  const inputRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({ name: name.trim() || identity.name, colour, confirmed: true });
  };
  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose?.()}>
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onSubmit={submit}>
        <h2 id={titleId}>{title}</h2>
        <p className="muted">This is how others on the board will see you. It is saved on this device only.</p>
        <label className="field">
          <span>Your name</span>
          <input ref={inputRef} value={name} maxLength={MAX_DISPLAY_NAME} onChange={(e) => setName(e.target.value)} autoComplete="nickname" />
        </label>
        <fieldset className="field">
          <legend>Your colour</legend>
          <div className="swatches">
            {USER_COLOURS.map((c) => (
              <button
                type="button"
                key={c}
                className={`swatch round${c === colour ? ' chosen' : ''}`}
                style={{ background: c }}
                aria-label={`Colour ${c}`}
                aria-pressed={c === colour}
                onClick={() => setColour(c)}
              />
            ))}
          </div>
        </fieldset>
        <div className="dialog-actions">
          {onClose && (
            <button type="button" className="button ghost" onClick={onClose}>
              Cancel
            </button>
          )}
          {onSkip && (
            <button type="button" className="button ghost" onClick={onSkip}>
              Skip, appear as Viewer
            </button>
          )}
          <button type="submit" className="button primary">
            {submitLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
