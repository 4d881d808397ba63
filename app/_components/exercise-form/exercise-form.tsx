'use client';

import { useId, useState } from 'react';
// From the modules themselves, not the '@/lib/exercises' barrel, which also holds the zod schemas and templates.
import {
  DEFAULT_LONG_TEXT_MAX,
  DEFAULT_SHORT_TEXT_MAX,
  FORM_ERROR_KEY,
  initialAnswers as templateDefaults,
  isAnswers,
} from '@/lib/exercises/fields';
import { carryAlignedItems } from '@/lib/exercises/aligned';
import type { ExerciseAnswers, ExerciseTemplate, FieldDef, RepeatingGroupField, ScalarField } from '@/lib/exercises/types';
import { characterCount, labelWithoutOptionalMark } from '@/lib/text/characters';
import { FieldComments } from './field-comments';
import { fieldDomId, type CommentsByPath } from './types';

type Answers = Record<string, unknown>;
type Item = Record<string, unknown>;

export interface ExerciseFormProps {
  template: ExerciseTemplate;
  /** 'preview' shows the form exactly as the client sees it, but nothing is kept. */
  mode: 'preview' | 'fill';
  initialAnswers?: ExerciseAnswers | Readonly<Record<string, unknown>> | null;
  /** Keyed by dotted answer path, as `fieldErrors` in lib/exercises produces them. */
  fieldErrors?: Readonly<Record<string, readonly string[] | undefined>>;
  comments?: CommentsByPath;
  onChange?: (answers: ExerciseAnswers) => void;
  /** When set, the answers are also carried as JSON in a hidden input of this name, for a plain <form>. */
  name?: string;
  /** Hide the exercise's built-in instructions (when the page already shows them). */
  hideInstructions?: boolean;
  disabled?: boolean;
}

const inputClass =
  'block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm focus:border-brand-600 disabled:bg-slate-100 aria-[invalid]:border-red-600';

function startingAnswers(template: ExerciseTemplate, given: ExerciseFormProps['initialAnswers']): Answers {
  if (given && isAnswers(given)) return carryAlignedItems(template, structuredClone(given) as Answers);
  const answers: Answers = { ...templateDefaults(template) };
  // A required list starts with one empty row so the first entry is visible without an extra tap.
  for (const section of template.sections) {
    for (const field of section.fields) {
      if (field.type === 'repeating_group' && field.required) answers[field.id] = [{}];
    }
  }
  return answers;
}

function without<T extends Record<string, unknown>>(record: T, key: string): T {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

/**
 * The one form renderer: draws any exercise template (built-in or custom) from its description.
 * Controlled: answers live in this component's state and are reported through `onChange`.
 */
export function ExerciseForm({
  template,
  mode,
  initialAnswers,
  fieldErrors,
  comments,
  onChange,
  name,
  hideInstructions,
  disabled,
}: ExerciseFormProps) {
  const prefix = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [answers, setAnswers] = useState<Answers>(() => startingAnswers(template, initialAnswers));

  const update = (changed: Answers) => {
    const next = carryAlignedItems(template, changed, answers);
    setAnswers(next);
    onChange?.(next as ExerciseAnswers);
  };
  const setTop = (id: string, value: unknown) => update(value === undefined ? without(answers, id) : { ...answers, [id]: value });

  const formErrors = fieldErrors?.[FORM_ERROR_KEY] ?? [];
  const problemPaths = Object.entries(fieldErrors ?? {}).filter(([path, list]) => path !== FORM_ERROR_KEY && list?.length);

  return (
    <div className="space-y-6" data-testid="exercise-form" data-template={template.key}>
      {mode === 'preview' ? (
        <p className="rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
          Preview: this is how the client will see this exercise. Nothing you enter here is saved.
        </p>
      ) : null}
      {!hideInstructions && template.instructions ? (
        <div className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-700">
          <p className="font-medium text-slate-900">How to do this{template.estimatedMinutes ? ` (about ${template.estimatedMinutes} minutes)` : ''}</p>
          <p className="mt-1 whitespace-pre-wrap">{template.instructions}</p>
        </div>
      ) : null}

      {formErrors.length || problemPaths.length ? (
        <div className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="exercise-form-errors">
          {formErrors.map((m) => (
            <p key={m}>{m}</p>
          ))}
          {problemPaths.length ? (
            <>
              <p className="font-medium">
                {problemPaths.length === 1 ? 'One answer needs attention:' : `${problemPaths.length} answers need attention:`}
              </p>
              <ul className="mt-1 list-disc pl-5">
                {problemPaths.slice(0, 10).map(([path, list]) => (
                  <li key={path}>
                    <a className="underline" href={`#${fieldDomId(prefix, path)}`}>
                      {labelForPath(template, path)}
                    </a>
                    : {list?.[0]}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}

      {template.sections.map((section) => (
        <section key={section.id} aria-labelledby={section.heading ? fieldDomId(prefix, `section-${section.id}`) : undefined} className="space-y-5">
          {section.heading ? (
            <h2 id={fieldDomId(prefix, `section-${section.id}`)} className="border-b border-slate-200 pb-1 text-lg font-semibold text-slate-900">
              {section.heading}
            </h2>
          ) : null}
          {section.intro ? <p className="text-sm text-slate-600">{section.intro}</p> : null}
          {section.fields.map((field) => (
            <TopField
              key={field.id}
              field={field}
              value={answers[field.id]}
              onValue={(v) => setTop(field.id, v)}
              prefix={prefix}
              fieldErrors={fieldErrors}
              comments={comments}
              disabled={disabled}
            />
          ))}
        </section>
      ))}

      {name ? <input type="hidden" name={name} value={JSON.stringify(answers)} /> : null}
    </div>
  );
}

/** 'emotions.1.intensity' → 'What did you feel…? › Emotion 2 › How strong', for the error summary. */
function labelForPath(template: ExerciseTemplate, path: string): string {
  const [head, index, sub] = path.split('.');
  const field = template.sections.flatMap((s) => s.fields).find((f) => f.id === head);
  if (!field) return path;
  if (field.type !== 'repeating_group' || index === undefined) return field.label;
  const row = `${field.itemLabel} ${Number(index) + 1}`;
  const subField = field.fields.find((f) => f.id === sub);
  return subField ? `${field.label} › ${row} › ${subField.label}` : `${field.label} › ${row}`;
}

interface FieldContext {
  prefix: string;
  fieldErrors?: ExerciseFormProps['fieldErrors'];
  comments?: CommentsByPath;
  disabled?: boolean;
}

function TopField({ field, value, onValue, ...ctx }: FieldContext & { field: FieldDef; value: unknown; onValue: (v: unknown) => void }) {
  if (field.type === 'repeating_group') return <GroupField field={field} value={value} onValue={onValue} {...ctx} />;
  return <ScalarInput field={field} path={field.id} value={value} onValue={onValue} {...ctx} />;
}

function GroupField({
  field,
  value,
  onValue,
  ...ctx
}: FieldContext & { field: RepeatingGroupField; value: unknown; onValue: (v: unknown) => void }) {
  const items: Item[] = Array.isArray(value) ? value.map((r) => (isAnswers(r) ? (r as Item) : {})) : [];
  const id = fieldDomId(ctx.prefix, field.id);
  const errors = ctx.fieldErrors?.[field.id];
  const helpId = field.help ? `${id}-help` : null;
  const errorId = errors?.length ? `${id}-error` : null;
  const commentsId = ctx.comments?.[field.id]?.length ? `${id}-comments` : null;
  const noun = field.itemLabel.toLowerCase();

  const setItems = (next: Item[]) => onValue(next);
  const setSub = (index: number, subId: string, v: unknown) =>
    setItems(items.map((item, i) => (i !== index ? item : v === undefined ? without(item, subId) : { ...item, [subId]: v })));

  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={describedBy(helpId, errorId, commentsId)} className="space-y-3" aria-invalid={errors?.length ? true : undefined}>
      <legend className="text-base font-medium text-slate-900">
        {labelWithoutOptionalMark(field.label)}
        {field.required ? null : <span className="font-normal text-slate-500"> (optional)</span>}
      </legend>
      {field.help ? (
        <p id={helpId ?? undefined} className="text-sm text-slate-600">
          {field.help}
        </p>
      ) : null}
      <FieldComments id={commentsId ?? undefined} comments={ctx.comments?.[field.id]} />
      <ol className="space-y-3">
        {items.map((item, index) => {
          const rowPath = `${field.id}.${index}`;
          const rowErrors = ctx.fieldErrors?.[rowPath];
          return (
            <li key={index} className="rounded-xl border border-slate-200 bg-white p-3 sm:p-4" data-testid={`group-item-${field.id}`}>
              <div className="mb-2 flex items-center justify-between gap-2">
                <p className="text-sm font-semibold text-slate-800">
                  {field.itemLabel} {index + 1}
                </p>
                <button
                  type="button"
                  disabled={ctx.disabled}
                  onClick={() => setItems(items.filter((_, i) => i !== index))}
                  className="min-h-11 rounded-lg px-3 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-50"
                  aria-label={`Remove ${noun} ${index + 1}`}
                >
                  Remove
                </button>
              </div>
              <FieldComments comments={ctx.comments?.[rowPath]} />
              {rowErrors?.length ? <p className="mb-2 text-sm text-red-700">{rowErrors.join(' ')}</p> : null}
              <div className="space-y-4">
                {field.fields.map((sub) => (
                  <ScalarInput
                    key={sub.id}
                    field={sub}
                    path={`${rowPath}.${sub.id}`}
                    value={item[sub.id]}
                    onValue={(v) => setSub(index, sub.id, v)}
                    labelSuffix={` (${field.itemLabel} ${index + 1})`}
                    {...ctx}
                  />
                ))}
              </div>
            </li>
          );
        })}
      </ol>
      {items.length < field.maxItems ? (
        <button
          type="button"
          disabled={ctx.disabled}
          onClick={() => setItems([...items, {}])}
          className="min-h-11 rounded-lg border border-brand-700 px-4 py-2 text-sm font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-50"
        >
          Add {items.length ? 'another ' : ''}
          {noun}
        </button>
      ) : (
        <p className="text-sm text-slate-600">That is the most this list can hold ({field.maxItems}).</p>
      )}
      {errors?.length ? (
        <p id={errorId ?? undefined} className="text-sm text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}

interface ScalarProps extends FieldContext {
  field: ScalarField;
  path: string;
  value: unknown;
  onValue: (v: unknown) => void;
  /** Visually hidden extra words so repeated labels inside a list stay distinct for screen readers. */
  labelSuffix?: string;
}

function ScalarInput(props: ScalarProps) {
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

function Control({ field, value, onValue, id, describe, invalid, disabled }: ScalarProps & { id: string; describe?: string; invalid: boolean }) {
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
          name={id}
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
      return <PercentScale field={field} id={id} value={typeof value === 'number' ? value : undefined} onValue={onValue} disabled={disabled} aria={aria} />;
    case 'yes_no':
      return (
        <Segmented
          name={id}
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
            <label key={o.value} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2.5 has-checked:border-brand-600 has-checked:bg-brand-50">
              <input
                type="radio"
                name={id}
                value={o.value}
                checked={value === o.value}
                disabled={disabled}
                onChange={() => onValue(o.value)}
                className="mt-1 size-4 accent-brand-700"
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
        <div className="grid gap-2 sm:grid-cols-2">
          {field.options.map((o) => (
            <label key={o.value} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2.5 has-checked:border-brand-600 has-checked:bg-brand-50">
              <input
                type="checkbox"
                value={o.value}
                checked={chosen.includes(o.value)}
                disabled={disabled}
                onChange={(e) => toggle(o.value, e.target.checked)}
                className="mt-1 size-4 accent-brand-700"
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

function ClearButton({ onClear }: { onClear: () => void }) {
  return (
    <button type="button" onClick={onClear} className="text-sm text-slate-600 underline hover:text-slate-900">
      Clear answer
    </button>
  );
}

function Segmented<V extends string | number | boolean>({
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
            className="relative flex min-h-11 min-w-11 cursor-pointer items-center justify-center rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 has-checked:border-brand-700 has-checked:bg-brand-700 has-checked:text-white has-focus-visible:outline-3 has-focus-visible:outline-brand-600 has-disabled:opacity-60"
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

function PercentScale({
  field,
  id,
  value,
  onValue,
  disabled,
  aria,
}: {
  field: Extract<ScalarField, { type: 'scale_0_100' }>;
  id: string;
  value: number | undefined;
  onValue: (v: unknown) => void;
  disabled?: boolean;
  aria: Record<string, unknown>;
}) {
  const step = field.step ?? 1;
  const unit = field.unit ?? '';
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-3">
        <input
          id={id}
          type="range"
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
          <NumberBox id={`${id}-number`} value={value} onValue={onValue} min={0} max={100} step={step} disabled={disabled} aria={aria} narrow />
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
function NumberBox({
  id,
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
