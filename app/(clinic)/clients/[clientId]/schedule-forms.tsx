'use client';

import { FormOutcome } from '@/app/_components/design/form-outcome';
import { useActionState, useId } from 'react';
import { ConfirmButton, useToastingAction } from '@/app/_components/design';
import { type FormState, Field, SubmitButton, valueOf } from '@/app/_components/form';
import {
  applyPracticeMeasureDefaults,
  createMeasureSchedule,
  endMeasureSchedule,
  updateMeasureSchedule,
} from '@/lib/measures/schedule-actions';
import { inputClass } from '@/app/_components/design/input-class';

export function AddScheduleForm({ clientId, measures, today }: { clientId: string; measures: { key: string; title: string }[]; today: string }) {
  const [state, formAction] = useActionState(createMeasureSchedule, null);
  const form = state as FormState;
  const id = useId();
  const errors = form?.fieldErrors?.measure;
  const chosen = valueOf(form, 'measure');
  return (
    <form action={formAction} className="space-y-3" aria-label="Add a measure schedule">
      <input type="hidden" name="clientId" value={clientId} />
      <FormOutcome state={form} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="space-y-1">
          <label htmlFor={`${id}-measure`} className="block text-sm font-medium text-slate-800">
            Measure
          </label>
          <select
            id={`${id}-measure`}
            name="measure"
            key={`m-${chosen}`}
            defaultValue={chosen}
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={errors?.length ? `${id}-measure-error` : undefined}
            className={inputClass}
          >
            <option value="">Choose…</option>
            {measures.map((m) => (
              <option key={m.key} value={m.key}>
                {m.title}
              </option>
            ))}
          </select>
          {errors?.length ? (
            <p id={`${id}-measure-error`} className="text-sm text-red-700">
              {errors.join(' ')}
            </p>
          ) : null}
        </div>
        <Field name="everyDays" label="Every (days)" type="number" inputMode="numeric" state={form} defaultValue="14" hint="1 to 365" />
        <Field name="startDate" label="Start" type="date" state={form} defaultValue={today} />
        <Field name="endDate" label="End (optional)" type="date" state={form} />
      </div>
      <SubmitButton>Add schedule</SubmitButton>
    </form>
  );
}

export function EditScheduleForm({
  scheduleId,
  measureTitle,
  everyDays,
  startDate,
  endDate,
}: {
  scheduleId: string;
  measureTitle: string;
  everyDays: number;
  startDate: string;
  endDate: string | null;
}) {
  const [state, formAction] = useActionState(updateMeasureSchedule, null);
  const form = state as FormState;
  return (
    <form action={formAction} className="space-y-3" aria-label={`Change the ${measureTitle} schedule`}>
      <input type="hidden" name="scheduleId" value={scheduleId} />
      <FormOutcome state={form} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Field name="everyDays" label="Every (days)" type="number" inputMode="numeric" state={form} defaultValue={String(everyDays)} />
        <Field name="startDate" label="Start" type="date" state={form} defaultValue={startDate} />
        <Field name="endDate" label="End (optional)" type="date" state={form} defaultValue={endDate ?? ''} />
      </div>
      <SubmitButton>Save changes</SubmitButton>
    </form>
  );
}

export function EndScheduleButton({ scheduleId, measureTitle }: { scheduleId: string; measureTitle: string }) {
  const [state, formAction, pending] = useActionState(useToastingAction(endMeasureSchedule), null);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="scheduleId" value={scheduleId} />
      <ConfirmButton
        label={`End ${measureTitle} schedule`}
        title={`End the ${measureTitle} schedule?`}
        message="No more are sent from today; the scores so far stay in the record."
        confirmLabel="End it"
        pending={pending}
        pendingLabel="Ending…"
      />
      {state && !state.ok ? (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {state.formError}
        </span>
      ) : null}
    </form>
  );
}

export function ApplyDefaultsButton({ clientId }: { clientId: string }) {
  const [state, formAction] = useActionState(applyPracticeMeasureDefaults, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="clientId" value={clientId} />
      <FormOutcome state={state as FormState} />
      <SubmitButton pendingLabel="Applying…">Apply practice defaults</SubmitButton>
    </form>
  );
}
