import { useId } from 'react';
import type { FieldBinding } from '../lib/use-schema-form';

/** Props of {@link SelectField}. */
export interface SelectFieldProps {
  label: string;
  /** From `useSchemaForm().field(name)`. */
  binding: FieldBinding;
  options: readonly { value: string; label: string }[];
  error?: string;
}

/** A labelled native select (keyboard and screen-reader behaviour come for free). */
export function SelectField({ label, binding, options, error }: SelectFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        {...binding}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
