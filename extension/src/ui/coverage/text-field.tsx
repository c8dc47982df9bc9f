import { useId, type InputHTMLAttributes } from 'react';

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** What to fix, in plain words, shown under the field and read as its description. */
  error?: string | undefined;
  /** A line of help under the field. */
  hint?: string | undefined;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>;

/** A labelled input with its hint and its error beside it. */
export function TextField({ label, value, onChange, error, hint, ...input }: Props) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="pg-field">
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? (
        <p className="pg-muted cov-note" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="pg-error cov-note" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
