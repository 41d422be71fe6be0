import { useEffect, useRef, useState, type InputHTMLAttributes, type KeyboardEvent, type TextareaHTMLAttributes } from 'react';
import { useFinishOnUnmount } from '../canvas/useFinishOnUnmount';

/**
 * Text fields bound to a record field, for every board: they show the live value
 * until focused, keep the person's draft while they type (a remote edit never
 * yanks text from under the caret), and write on blur or Enter (Shift+Enter adds
 * a line in a textarea). Escape keeps what was typed too and leaves the field:
 * typed text is never thrown away. Keys stay in the field, so board shortcuts
 * (Delete, arrows) never fire while typing.
 */

function useDraft(value: string, onCommit: (next: string) => void) {
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  // Unmounted mid-edit (another record selected, panel closed): keep the draft.
  useFinishOnUnmount(() => {
    if (focused.current) commit();
  });
  return {
    value: draft,
    onFocus: () => {
      focused.current = true;
    },
    onChange: (next: string) => setDraft(next),
    onBlur: () => {
      focused.current = false;
      commit();
    },
    /** Enter (not Shift+Enter in a textarea) writes; Escape writes and leaves the field. */
    onKey: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>, multiline: boolean) => {
      event.stopPropagation();
      if (event.nativeEvent.isComposing) return;
      if (event.key === 'Enter' && !(multiline && event.shiftKey)) {
        event.preventDefault();
        commit();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        event.currentTarget.blur();
      }
    },
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
      onBlur={d.onBlur}
      onKeyDown={(e) => {
        d.onKey(e, false);
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
      onBlur={d.onBlur}
      onKeyDown={(e) => d.onKey(e, true)}
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
