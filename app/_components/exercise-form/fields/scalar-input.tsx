'use client';

import { DEFAULT_LONG_TEXT_MAX, DEFAULT_SHORT_TEXT_MAX } from '@/lib/exercises/fields';
import type { ScalarField } from '@/lib/exercises/types';
import { characterCount, labelWithoutOptionalMark } from '@/lib/text/characters';
import { FieldComments } from '../field-comments';
import { fieldDomId } from '../types';
import { choiceBoxClass, choiceClass } from '../../design/choice';
import { ClearButton, NumberBox, PercentScale, Segmented } from './controls';
import { type FieldContext, describedBy, inputClass } from './shared';

export interface ScalarProps extends FieldContext {
  field: ScalarField;
  path: string;
  value: unknown;
  onValue: (v: unknown) => void;
  /** Visually hidden extra words so repeated labels inside a list stay distinct for screen readers. */
  labelSuffix?: string;
}

/** One question with its label, help, errors and the therapist's comments around its control. */
export function ScalarInput(props: ScalarProps) {
  const { field, path, prefix, fieldErrors, comments } = props;
  const id = fieldDomId(prefix, path);
  const errors = fieldErrors?.[path];
  const ids = {
    input: id,
    help: field.help ? `${id}-help` : null,
    error: errors?.length ? `${id}-error` : null,
    comments: comments?.[path]?.length ? `${id}-comments` : null,
    counter: field.type === 'short_text' || field.type === 'long_text' ? `${id}-count` : null,
  };
  const describe = describedBy(ids.help, ids.error, ids.comments, ids.counter);
  const grouped = field.type === 'scale_0_10' || field.type === 'single_choice' || field.type === 'multiple_choice' || field.type === 'yes_no';

  const label = (
    <>
      {labelWithoutOptionalMark(field.label)}
      {props.labelSuffix ? <span className="sr-only">{props.labelSuffix}</span> : null}
      {field.required ? null : <span className="font-normal text-slate-500"> (optional)</span>}
    </>
  );

  const body = <Control {...props} id={id} describe={describe} invalid={Boolean(errors?.length)} />;

  const extras = (
    <>
      {field.help ? (
        <p id={ids.help ?? undefined} className="text-sm text-slate-600">
          {field.help}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={ids.error ?? undefined} className="text-sm text-red-700" data-testid="field-error">
          {errors.join(' ')}
        </p>
      ) : null}
      <FieldComments id={ids.comments ?? undefined} comments={comments?.[path]} />
    </>
  );

  if (grouped) {
    return (
      <fieldset id={id} tabIndex={-1} aria-describedby={describe} aria-invalid={errors?.length ? true : undefined} className="space-y-2" data-field={path}>
        <legend className="mb-1 text-sm font-medium text-slate-800">{label}</legend>
        {body}
        {extras}
      </fieldset>
    );
  }
  return (
    <div className="space-y-1.5" data-field={path}>
      <label htmlFor={field.type === 'scale_0_100' ? `${id}-number` : id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {body}
      {extras}
    </div>
  );
}

/** Each control is named by its answer path, so a form posted natively sends it (lib/exercises/form-answers.ts). */
function Control({ field, path, value, onValue, id, describe, invalid, disabled }: ScalarProps & { id: string; describe?: string; invalid: boolean }) {
  const aria = { 'aria-describedby': describe, 'aria-invalid': invalid ? true : undefined } as const;
  switch (field.type) {
    case 'short_text':
    case 'long_text': {
      const max = field.maxLength ?? (field.type === 'short_text' ? DEFAULT_SHORT_TEXT_MAX : DEFAULT_LONG_TEXT_MAX);
      const text = typeof value === 'string' ? value : '';
      const set = (v: string) => onValue(v === '' ? undefined : v);
      const count = characterCount(text);
      const over = count > max;
      return (
        <>
          {field.type === 'short_text' ? (
            <input
              id={id}
              type="text"
              name={path}
              value={text}
              disabled={disabled}
              placeholder={field.placeholder}
              onChange={(e) => set(e.target.value)}
              className={inputClass}
              {...aria}
            />
          ) : (
            <textarea
              id={id}
              name={path}
              value={text}
              disabled={disabled}
              placeholder={field.placeholder}
              rows={4}
              onChange={(e) => set(e.target.value)}
              className={`${inputClass} min-h-28 resize-y`}
              {...aria}
            />
          )}
          <p id={`${id}-count`} className={`text-right text-xs ${over ? 'font-semibold text-red-700' : 'text-slate-500'}`}>
            {count} / {max} characters{over ? ` — ${count - max} too many` : ''}
          </p>
        </>
      );
    }
    case 'scale_0_10':
      return (
        <Segmented
          name={path}
          options={Array.from({ length: 11 }, (_, n) => ({ value: n, label: String(n) }))}
          value={typeof value === 'number' ? value : undefined}
          onValue={onValue}
          disabled={disabled}
          minLabel={field.minLabel}
          maxLabel={field.maxLabel}
          required={field.required}
        />
      );
    case 'scale_0_100':
      return <PercentScale field={field} id={id} path={path} value={typeof value === 'number' ? value : undefined} onValue={onValue} disabled={disabled} aria={aria} />;
    case 'yes_no':
      return (
        <Segmented
          name={path}
          options={[
            { value: true, label: 'Yes' },
            { value: false, label: 'No' },
          ]}
          value={typeof value === 'boolean' ? value : undefined}
          onValue={onValue}
          disabled={disabled}
          required={field.required}
        />
      );
    case 'single_choice':
      return (
        <div className="space-y-2">
          {field.options.map((o) => (
            <label key={o.value} className={choiceClass({ look: 'tint', layout: 'row' })}>
              <input
                type="radio"
                name={path}
                value={o.value}
                checked={value === o.value}
                disabled={disabled}
                onChange={() => onValue(o.value)}
                className={choiceBoxClass}
              />
              <span className="text-sm text-slate-800">{o.label}</span>
            </label>
          ))}
          {!field.required && typeof value === 'string' ? <ClearButton onClear={() => onValue(undefined)} /> : null}
        </div>
      );
    case 'multiple_choice': {
      const chosen = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
      const toggle = (v: string, on: boolean) => {
        const next = on ? [...chosen.filter((c) => c !== v), v] : chosen.filter((c) => c !== v);
        onValue(next.length ? next : undefined);
      };
      return (
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {field.options.map((o) => (
            <label key={o.value} className={choiceClass({ look: 'tint', layout: 'row' })}>
              <input
                type="checkbox"
                name={`${path}[]`}
                value={o.value}
                checked={chosen.includes(o.value)}
                disabled={disabled}
                onChange={(e) => toggle(o.value, e.target.checked)}
                className={choiceBoxClass}
              />
              <span className="text-sm text-slate-800">{o.label}</span>
            </label>
          ))}
        </div>
      );
    }
    case 'date':
      return (
        <input
          id={id}
          type="date"
          name={path}
          value={typeof value === 'string' ? value : ''}
          disabled={disabled}
          onChange={(e) => onValue(e.target.value === '' ? undefined : e.target.value)}
          className={`${inputClass} sm:max-w-56`}
          {...aria}
        />
      );
    case 'number':
      return (
        <div className="flex items-center gap-2">
          <NumberBox
            id={id}
            name={path}
            value={typeof value === 'number' ? value : undefined}
            onValue={onValue}
            min={field.min}
            max={field.max}
            step={field.step}
            disabled={disabled}
            aria={aria}
          />
          {field.unit ? <span className="text-sm text-slate-600">{field.unit}</span> : null}
        </div>
      );
  }
}

