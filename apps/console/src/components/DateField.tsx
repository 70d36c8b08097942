import { useEffect, useState } from 'react';
import { isIsoDate } from '../api/dates';

interface Props {
  label: string;
  value: string;
  onChange(date: string): void;
  name: string;
  max?: string;
}

/** A date (YYYY-MM-DD) typed or picked; only a real date reaches the view. */
export function DateField({ label, value, onChange, name, max }: Props) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <label className="date-field">
      <span>{label}</span>
      <input
        type="date"
        name={name}
        value={text}
        max={max}
        aria-invalid={!isIsoDate(text)}
        onChange={(event) => {
          setText(event.target.value);
          if (isIsoDate(event.target.value)) onChange(event.target.value);
        }}
      />
    </label>
  );
}
