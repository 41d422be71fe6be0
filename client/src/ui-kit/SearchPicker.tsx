import { useId, useMemo, useState } from 'react';
import type { TopMatches } from '../lib/topMatches';

interface SearchPickerProps<T> {
  /** The visible label above the field. */
  heading: string;
  /** The field's accessible name. */
  label: string;
  placeholder: string;
  /** The list's accessible name. */
  listLabel: string;
  /** The best matches for a query (see lib/topMatches): called only while the field has the focus. */
  search(query: string): TopMatches<T>;
  keyOf(item: T): string;
  text(item: T): string;
  /** Does what picking means; returns what to say (`Linked to …`), or null. */
  onPick(item: T): string | null;
  /** Said when nothing could be picked even with an empty query. */
  emptyText: string;
  className?: string;
}

/**
 * A field that finds a record by typing (a combobox with a short list under
 * it): arrow keys move through the list, Enter or a click picks, Escape
 * clears. The list holds the best few matches and says how many more there
 * are, so it stays quick and usable on a board of 10,000 records, where a
 * `<select>` of every record takes a third of a second to open a panel.
 */
export function SearchPicker<T>({ heading, label, placeholder, listLabel, search, keyOf, text, onPick, emptyText, className }: SearchPickerProps<T>) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const id = useId();
  const { shown, total } = useMemo<TopMatches<T>>(() => (open ? search(query) : { shown: [], total: 0 }), [open, search, query]);
  const at = Math.min(active, Math.max(0, shown.length - 1));
  const expanded = open && shown.length > 0;
  const pick = (item: T) => {
    setMessage(onPick(item));
    setQuery('');
    setActive(0);
  };
  return (
    <div className={`search-picker ${className ?? ''}`}>
      <label htmlFor={`${id}-field`}>{heading}</label>
      <input
        id={`${id}-field`}
        type="text"
        aria-label={label}
        placeholder={placeholder}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${id}-${at}` : undefined}
        value={query}
        maxLength={200}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
          setMessage(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
            if (shown.length > 0) setActive((at + (event.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length);
          } else if (event.key === 'Enter' && expanded) {
            event.preventDefault();
            pick(shown[at]!);
          } else if (event.key === 'Escape' && (open || query)) {
            event.stopPropagation();
            setQuery('');
            setOpen(false);
          }
        }}
      />
      {open && (
        <ul id={`${id}-list`} role="listbox" className="suggestion-list search-picker-list" aria-label={listLabel}>
          {shown.map((item, i) => (
            <li
              key={keyOf(item)}
              id={`${id}-${i}`}
              role="option"
              aria-selected={i === at}
              // Pressed without taking the focus from the field, so the list stays open for the click.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(item)}
            >
              {text(item)}
            </li>
          ))}
          {shown.length === 0 && <li className="search-picker-note">{query ? 'Nothing matches.' : emptyText}</li>}
          {total > shown.length && (
            <li className="search-picker-note" aria-hidden="true">
              {(total - shown.length).toLocaleString('en-GB')} more: type to narrow
            </li>
          )}
        </ul>
      )}
      {message && (
        <span className="search-picker-note" role="status">
          {message}
        </span>
      )}
    </div>
  );
}
