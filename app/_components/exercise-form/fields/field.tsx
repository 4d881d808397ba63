'use client';

import { Button } from '../../design/button';
import { isAnswers } from '@/lib/exercises/fields';
import type { FieldDef, RepeatingGroupField } from '@/lib/exercises/types';
import { labelWithoutOptionalMark } from '@/lib/text/characters';
import { FieldComments } from '../field-comments';
import { fieldDomId } from '../types';
import { ScalarInput } from './scalar-input';
import { type FieldContext, type Item, describedBy, without } from './shared';

/** One field of a section: a repeating group, or a single question. */
export function TopField({ field, value, onValue, ...ctx }: FieldContext & { field: FieldDef; value: unknown; onValue: (v: unknown) => void }) {
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
                <Button
                  variant="quiet"
                  disabled={ctx.disabled}
                  onClick={() => setItems(items.filter((_, i) => i !== index))}
                  aria-label={`Remove ${noun} ${index + 1}`}
                >
                  Remove
                </Button>
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
        <Button variant="secondary" disabled={ctx.disabled} onClick={() => setItems([...items, {}])}>
          Add {items.length ? 'another ' : ''}
          {noun}
        </Button>
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

