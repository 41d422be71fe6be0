import type { ReactNode } from 'react';

export interface SelectOption<T> {
  readonly value: T;
  readonly label: string;
}

interface SelectFieldProps<T> {
  /** The visible label, also the select's accessible name. */
  label: string;
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
  disabled?: boolean;
  /** The label element's class (each board styles its fields). */
  className?: string;
  /** Set when `null` is a value: the option shown for it ("Not assessed"). */
  nullLabel?: string;
  title?: string;
  children?: ReactNode;
}

/**
 * A labelled `<select>` over typed values (numbers, string unions, null for
 * "not assessed"): the chosen option's value is looked up, never parsed back
 * from its text (an option's value is the value as text, "" for null), and a
 * value missing from the options (written by another tool) is still shown, as
 * itself, rather than silently displayed as the first option.
 */
export function SelectField<T extends string | number | null>({ label, value, options, onChange, disabled, className, nullLabel, title, children }: SelectFieldProps<T>) {
  const all: SelectOption<T | null>[] = nullLabel === undefined ? [...options] : [{ value: null, label: nullLabel }, ...options];
  if (!all.some((option) => option.value === value)) all.push({ value, label: String(value) });
  const key = (v: T | null) => (v === null ? '' : String(v));
  return (
    <label className={className} title={title}>
      <span>{label}</span>
      <select aria-label={label} value={key(value)} disabled={disabled} onChange={(event) => onChange(all.find((option) => key(option.value) === event.target.value)!.value as T)}>
        {all.map((option) => (
          <option key={key(option.value)} value={key(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
      {children}
    </label>
  );
}
