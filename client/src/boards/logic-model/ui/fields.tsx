import { useEffect, useRef, useState, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';

/**
 * Text fields that edit a shared record: they show the live value until focused,
 * keep the person's draft while they type (remote edits do not clobber it), and
 * write once on blur or Enter.
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
