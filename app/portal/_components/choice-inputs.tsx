'use client';

import { Button } from '@/app/_components/design/button';
import { choiceClass } from '@/app/_components/design/choice';
import { NOT_SET_FIELD, restingValue } from '@/lib/checkins/fields';

/**
 * Phone-first inputs for the portal's check-in and measures: big touch targets (at least 44 px), visible
 * labels and values, errors beside the field and wired to it for screen readers.
 */

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {errors.join(' ')}
    </p>
  );
}

export type Option<V extends string> = { value: V; label: string; hint?: string };

/** A radio group drawn as segmented buttons (or stacked cards when options carry a hint). */
export function SegmentedChoice<V extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  errors,
  required,
  columns,
  description,
}: {
  name: string;
  legend: string;
  options: readonly Option<V>[];
  value: V | null;
  onChange: (value: V) => void;
  errors?: string[];
  required?: boolean;
  columns?: number;
  description?: string;
}) {
  const errorId = `${name}-error`;
  const stacked = options.some((o) => o.hint);
  const grid = stacked ? 'grid-cols-1' : columns === 2 ? 'grid-cols-2' : columns === 3 ? 'grid-cols-3' : columns === 5 ? 'grid-cols-5' : 'grid-cols-4';
  return (
    <fieldset aria-describedby={errors?.length ? errorId : undefined} aria-invalid={errors?.length ? true : undefined}>
      <legend className="text-base font-semibold text-slate-900">
        {legend}
        {required ? null : <span className="ml-1 text-sm font-normal text-slate-600">(optional)</span>}
      </legend>
      {description ? <p className="mt-0.5 text-sm text-slate-600">{description}</p> : null}
      <div className={`mt-2 grid gap-2 ${grid}`}>
        {options.map((option) => {
          const id = `${name}-${option.value}`;
          return (
            <label key={option.value} htmlFor={id} className={choiceClass({ layout: stacked ? 'stack' : 'center', invalid: Boolean(errors?.length) })}>
              <input
                id={id}
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                className="sr-only"
              />
              <span className="font-medium">{option.label}</span>
              {option.hint ? <span className="mt-0.5 text-xs font-normal opacity-90">{option.hint}</span> : null}
            </label>
          );
        })}
      </div>
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}

/**
 * A slider whose value is always written beside its label. Until it is touched it holds no answer (a default
 * would quietly record one), shown as "Not set".
 */
export function ScaleSlider({
  name,
  label,
  value,
  onChange,
  min,
  max,
  step,
  anchors,
  errors,
  required,
  format = (v) => String(v),
}: {
  name: string;
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  min: number;
  max: number;
  step: number;
  anchors?: { min: string; max: string };
  errors?: string[];
  required?: boolean;
  format?: (value: number) => string;
}) {
  const id = `field-${name}`;
  const errorId = `${id}-error`;
  const anchorId = `${id}-anchors`;
  const shown = value ?? restingValue({ min, max, step });
  const take = (raw: string) => {
    const n = Number(raw);
    if (Number.isFinite(n)) onChange(n);
  };
  return (
    <div>
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="text-base font-semibold text-slate-900">
          {label}
          {required ? null : <span className="ml-1 text-sm font-normal text-slate-600">(optional)</span>}
        </label>
        <output htmlFor={id} aria-live="polite" className={`text-lg font-semibold tabular-nums ${value === null ? 'text-slate-500' : 'text-brand-800'}`}>
          {value === null ? 'Not set' : format(value)}
        </output>
      </div>
      {/* Sent with the form when it posts natively: this slider was drawn without an answer. */}
      {value === null ? <input type="hidden" name={NOT_SET_FIELD} value={name} /> : null}
      <input
        id={id}
        type="range"
        name={name}
        min={min}
        max={max}
        step={step}
        value={shown}
        aria-valuetext={value === null ? 'Not set' : format(value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[anchors ? anchorId : null, errors?.length ? errorId : null].filter(Boolean).join(' ') || undefined}
        onChange={(e) => take(e.currentTarget.value)}
        // A tap on the thumb's resting place changes nothing, so it would never fire onChange: take it here.
        onPointerUp={(e) => take(e.currentTarget.value)}
        className={`mt-2 h-11 w-full cursor-pointer accent-brand-700 ${value === null ? 'opacity-50' : ''}`}
      />
      {anchors ? (
        <div id={anchorId} className="flex justify-between text-xs text-slate-600">
          <span>
            {min} = {anchors.min}
          </span>
          <span>
            {max} = {anchors.max}
          </span>
        </div>
      ) : null}
      {!required && value !== null ? (
        <Button variant="quiet" onClick={() => onChange(null)} className="mt-1 underline">
          Clear {label.toLowerCase()}
        </Button>
      ) : null}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}
