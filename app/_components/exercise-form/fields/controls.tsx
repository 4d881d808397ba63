'use client';

import { useState } from 'react';
import { drawnName } from '@/lib/exercises/form-answers';
import type { ScalarField } from '@/lib/exercises/types';
import { Button } from '../../design/button';
import { choiceClass } from '../../design/choice';
import { inputClass } from './shared';

export function ClearButton({ onClear }: { onClear: () => void }) {
  return (
    <Button variant="quiet" onClick={onClear} className="self-start underline">
      Clear answer
    </Button>
  );
}

export function Segmented<V extends string | number | boolean>({
  name,
  options,
  value,
  onValue,
  disabled,
  minLabel,
  maxLabel,
  required,
}: {
  name: string;
  options: { value: V; label: string }[];
  value: V | undefined;
  onValue: (v: unknown) => void;
  disabled?: boolean;
  minLabel?: string;
  maxLabel?: string;
  required: boolean;
}) {
  return (
    <div>
      <div className="flex flex-wrap gap-1.5">
        {options.map((o) => (
          <label
            key={String(o.value)}
            className={`${choiceClass()} min-w-tap`}
          >
            <input
              type="radio"
              name={name}
              value={String(o.value)}
              checked={value === o.value}
              disabled={disabled}
              onChange={() => onValue(o.value)}
              className="sr-only"
            />
            {o.label}
          </label>
        ))}
      </div>
      {minLabel || maxLabel ? (
        <div className="mt-1 flex justify-between gap-4 text-xs text-slate-600">
          <span>0 = {minLabel ?? ''}</span>
          <span className="text-right">
            {options.length - 1} = {maxLabel ?? ''}
          </span>
        </div>
      ) : null}
      {!required && value !== undefined ? <ClearButton onClear={() => onValue(undefined)} /> : null}
    </div>
  );
}

export function PercentScale({
  field,
  id,
  path,
  value,
  onValue,
  disabled,
  aria,
}: {
  field: Extract<ScalarField, { type: 'scale_0_100' }>;
  id: string;
  path: string;
  value: number | undefined;
  onValue: (v: unknown) => void;
  disabled?: boolean;
  aria: Record<string, unknown>;
}) {
  const step = field.step ?? 1;
  const unit = field.unit ?? '';
  return (
    <div className="space-y-1">
      {/* Posted natively, the slider and the box both send; what they were drawn with tells which one was moved. */}
      <input type="hidden" name={drawnName(path)} value={value ?? ''} />
      <div className="flex items-center gap-3">
        <input
          id={id}
          type="range"
          name={path}
          min={0}
          max={100}
          step={step}
          value={value ?? 0}
          disabled={disabled}
          aria-label={`${field.label} (slider)`}
          aria-valuetext={value === undefined ? 'Not rated yet' : `${value}${unit}`}
          onChange={(e) => onValue(Number(e.target.value))}
          className={`h-11 flex-1 accent-brand-700 ${value === undefined ? 'opacity-40' : ''}`}
        />
        <div className="flex items-center gap-1">
          <NumberBox id={`${id}-number`} name={path} value={value} onValue={onValue} min={0} max={100} step={step} disabled={disabled} aria={aria} narrow />
          {unit ? <span className="text-sm text-slate-600">{unit}</span> : null}
        </div>
      </div>
      <div className="flex justify-between gap-4 text-xs text-slate-600">
        <span>0{unit}{field.minLabel ? ` = ${field.minLabel}` : ''}</span>
        <output htmlFor={id} className="font-semibold text-slate-800" aria-live="polite">
          {value === undefined ? 'Not rated yet' : `${value}${unit}`}
        </output>
        <span className="text-right">100{unit}{field.maxLabel ? ` = ${field.maxLabel}` : ''}</span>
      </div>
    </div>
  );
}

function parseNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** A number input that tolerates in-between typing ("", "-", "1.") without losing what the client typed. */
export function NumberBox({
  id,
  name,
  value,
  onValue,
  min,
  max,
  step,
  disabled,
  aria,
  narrow,
}: {
  id: string;
  name: string;
  value: number | undefined;
  onValue: (v: unknown) => void;
  min?: number;
  max?: number;
  step?: number;
  disabled?: boolean;
  aria: Record<string, unknown>;
  narrow?: boolean;
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    // The value changed from outside (the slider): show it, unless the box already says the same thing.
    setSeen(value);
    if (parseNumber(text) !== value) setText(value === undefined ? '' : String(value));
  }
  return (
    <input
      id={id}
      type="number"
      name={name}
      inputMode={step !== undefined && Number.isInteger(step) ? 'numeric' : 'decimal'}
      min={min}
      max={max}
      step={step ?? 'any'}
      value={text}
      disabled={disabled}
      onChange={(e) => {
        setText(e.target.value);
        const n = parseNumber(e.target.value);
        setSeen(n);
        onValue(n);
      }}
      className={`${inputClass} ${narrow ? 'w-24' : 'sm:max-w-40'}`}
      {...aria}
    />
  );
}
