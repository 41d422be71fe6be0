import { useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { MAX_COMMENT_TEXT } from '@pc/shared';
import { insertMention, mentionQuery, suggestPeople } from './mentions';

interface Props {
  label: string;
  submitLabel: string;
  /** Names of the people here, for @ suggestions. */
  people: readonly string[];
  onSubmit(text: string): void;
  onCancel?(): void;
  autoFocus?: boolean;
}

/**
 * A comment field with @ suggestions: typing `@` lists the people here (arrow
 * keys, Enter or Tab to pick); Ctrl+Enter sends; Escape cancels.
 */
export function CommentComposer({ label, submitLabel, people, onSubmit, onCancel, autoFocus }: Props) {
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const query = mentionQuery(text, caret);
  const suggestions = query && dismissed !== query.start ? suggestPeople(query.query, people) : [];
  const open = suggestions.length > 0;

  const pick = (name: string) => {
    if (!query) return;
    const next = insertMention(text, caret, query.start, name);
    // The field holds the new text before this key event ends, and the caret goes after the name at once:
    // a key typed straight after (before the next frame) lands after the mention, not where the caret was.
    flushSync(() => {
      setText(next.text);
      setCaret(next.caret);
      setActive(0);
    });
    field.current?.setSelectionRange(next.caret, next.caret);
  };
  const submit = () => {
    if (!text.trim()) return;
    onSubmit(text);
    setText('');
    setCaret(0);
  };

  return (
    <form
      className="comment-composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <textarea
        ref={field}
        aria-label={label}
        placeholder={`${label} (type @ to mention someone here)`}
        value={text}
        maxLength={MAX_COMMENT_TEXT}
        rows={2}
        autoFocus={autoFocus}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setCaret(event.target.selectionStart);
          setDismissed(null);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={(event) => {
          if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
            event.preventDefault();
            setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
          } else if (open && (event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey && !event.ctrlKey && !event.metaKey) {
            event.preventDefault();
            pick(suggestions[Math.min(active, suggestions.length - 1)]!);
          } else if (open && event.key === 'Escape') {
            event.preventDefault();
            setDismissed(query?.start ?? null);
          } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            submit();
          } else if (event.key === 'Escape' && onCancel) {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      {open && (
        <ul id={listId} role="listbox" className="suggestion-list" aria-label="People to mention">
          {suggestions.map((name, i) => (
            <li
              key={name}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(name);
              }}
            >
              @{name}
            </li>
          ))}
        </ul>
      )}
      <div className="comment-composer-actions">
        {onCancel && (
          <button type="button" className="button small" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button small primary" disabled={!text.trim()}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
