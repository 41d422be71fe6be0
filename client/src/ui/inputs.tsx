import { useEffect, useRef, useState, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';

/**
 * Text fields bound to a record field, for every board: they show the live value
 * until focused, keep the person's draft while they type (a remote edit never
 * yanks text from under the caret), and write once on blur or Enter (Ctrl/Cmd+Enter
 * in a textarea). Escape restores the stored value. Keys stay in the field, so
 * board shortcuts (Delete, arrows) never fire while typing.
 */

function useDraft(value: string, onCommit: (next: string) => void) {
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);
  return {
    value: draft,
    onFocus: () => {
      focused.current = true;
    },
    onChange: (next: string) => setDraft(next),
    commit: () => {
      focused.current = false;
      if (draft !== value) onCommit(draft);
    },
    reset: () => setDraft(value),
  };
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onBlur'> & { value: string; onCommit(next: string): void };

export function CommitInput({ value, onCommit, onKeyDown, ...rest }: InputProps) {
  const d = useDraft(value, onCommit);
  return (
    <input
      {...rest}
      value={d.value}
      onFocus={d.onFocus}
      onChange={(e) => d.onChange(e.target.value)}
      onBlur={d.commit}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') {
          e.preventDefault();
          d.commit();
        } else if (e.key === 'Escape') d.reset();
        onKeyDown?.(e);
      }}
    />
  );
}

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'onBlur'> & { value: string; onCommit(next: string): void };

export function CommitTextarea({ value, onCommit, ...rest }: TextareaProps) {
  const d = useDraft(value, onCommit);
  return (
    <textarea
      {...rest}
      value={d.value}
      onFocus={d.onFocus}
      onChange={(e) => d.onChange(e.target.value)}
      onBlur={d.commit}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          d.commit();
        } else if (e.key === 'Escape') d.reset();
      }}
    />
  );
}

/** Stop wheel events reaching the canvas (which would pan) so panels scroll normally. */
export function useWheelIsolation<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const stop = (event: WheelEvent) => event.stopPropagation();
    element.addEventListener('wheel', stop, { passive: true });
    return () => element.removeEventListener('wheel', stop);
  }, []);
  return ref;
}
