'use client';

import { FormOutcome } from '@/app/_components/design/form-outcome';
import { useActionState, useRef, useState } from 'react';
import { useAdoptEarlyInput } from '@/app/_components/adopt-early-input';
import { ConfirmButton, inputClass, useToastingAction } from '@/app/_components/design';
import { SubmitButton, type FormState } from '@/app/_components/form';
import { cancelAssignment, cancelOccurrence, updateAssignment } from '@/lib/assignments/actions';
import type { RecurrenceEnd } from '@/lib/assignments/recurrence';

function Errors({ id, list }: { id: string; list?: string[] }) {
  return list?.length ? (
    <p id={id} className="text-sm text-red-700">
      {list.join(' ')}
    </p>
  ) : null;
}

export function CancelOccurrenceButton({ occurrenceId, label }: { occurrenceId: string; label: string }) {
  const [state, action, pending] = useActionState(useToastingAction(cancelOccurrence), null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="occurrenceId" value={occurrenceId} />
      <ConfirmButton
        label="Cancel"
        ariaLabel={`Cancel the item due ${label}`}
        title={`Cancel the item due ${label}?`}
        message="The client no longer sees it as due. The rest of the assignment carries on."
        confirmLabel="Yes, cancel"
        cancelLabel="Keep it"
        triggerVariant="quiet"
        pending={pending}
        pendingLabel="Cancelling…"
      />
      {state && !state.ok ? (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {state.formError}
        </span>
      ) : null}
    </form>
  );
}

export function CancelAssignmentButton({ assignmentId, title }: { assignmentId: string; title: string }) {
  const [state, action, pending] = useActionState(useToastingAction(cancelAssignment), null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <ConfirmButton
        label="Cancel assignment"
        title={`Cancel every item of “${title}” not yet submitted?`}
        message="What the client already sent stays in their record."
        confirmLabel="Yes, cancel"
        cancelLabel="Keep it"
        pending={pending}
        pendingLabel="Cancelling…"
      />
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {state.formError}
        </p>
      ) : null}
    </form>
  );
}

type End = RecurrenceEnd | null;
type EndKind = 'count' | 'until' | 'stopped';

/** Edits instructions, the due time and (for a repeating assignment) its end. */
export function EditAssignmentForm({
  assignmentId,
  instructions,
  dueTime,
  end,
}: {
  assignmentId: string;
  instructions: string;
  dueTime: string;
  end: End;
}) {
  const [state, action] = useActionState(updateAssignment, null);
  const errors = (key: string) => (state && !state.ok ? state.fieldErrors[key] : undefined);
  const [text, setText] = useState(instructions);
  const [time, setTime] = useState(dueTime);
  const [endKind, setEndKind] = useState<EndKind>(end && 'until' in end ? 'until' : end && 'untilStopped' in end ? 'stopped' : 'count');
  const [count, setCount] = useState(end && 'count' in end ? String(end.count) : '4');
  const [until, setUntil] = useState(end && 'until' in end ? end.until : '');
  const formRef = useRef<HTMLFormElement>(null);
  useAdoptEarlyInput(formRef);
  const payload = end ? { end: endKind === 'count' ? { count: Number(count) } : endKind === 'until' ? { until } : { untilStopped: true } } : {};
  const base = `edit-${assignmentId}`;
  const endErrors = [...(errors('end') ?? []), ...(errors('end.count') ?? []), ...(errors('end.until') ?? [])];
  return (
    <form ref={formRef} action={action} className="space-y-3" aria-label="Edit assignment">
      <FormOutcome state={state as FormState} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="__json" value={JSON.stringify(payload)} />
      <div className="space-y-1">
        <label htmlFor={`${base}-instructions`} className="block text-sm font-medium text-slate-800">
          Instructions
        </label>
        <textarea
          id={`${base}-instructions`}
          name="instructions"
          rows={3}
          maxLength={2000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          className={inputClass}
          aria-describedby={errors('instructions') ? `${base}-instructions-error` : undefined}
        />
        <Errors id={`${base}-instructions-error`} list={errors('instructions')} />
      </div>
      <div className="max-w-40 space-y-1">
        <label htmlFor={`${base}-due`} className="block text-sm font-medium text-slate-800">
          Due time
        </label>
        <input
          id={`${base}-due`}
          type="time"
          name="dueTime"
          value={time}
          onChange={(e) => setTime(e.target.value)}
          className={inputClass}
          aria-describedby={errors('dueTime') ? `${base}-due-error` : undefined}
        />
        <Errors id={`${base}-due-error`} list={errors('dueTime')} />
      </div>
      {end ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Ends</legend>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name={`${base}-end`} checked={endKind === 'count'} onChange={() => setEndKind('count')} /> After
            </label>
            <label htmlFor={`${base}-count`} className="sr-only">
              Number of times
            </label>
            <input
              id={`${base}-count`}
              type="number"
              min={1}
              max={365}
              value={count}
              disabled={endKind !== 'count'}
              onChange={(e) => setCount(e.target.value)}
              className={`${inputClass} w-24`}
            />
            <span>times</span>
            <label className="flex items-center gap-2">
              <input type="radio" name={`${base}-end`} checked={endKind === 'until'} onChange={() => setEndKind('until')} /> On
            </label>
            <label htmlFor={`${base}-until`} className="sr-only">
              End date
            </label>
            <input
              id={`${base}-until`}
              type="date"
              value={until}
              disabled={endKind !== 'until'}
              onChange={(e) => setUntil(e.target.value)}
              className={`${inputClass} w-auto`}
            />
            <label className="flex items-center gap-2">
              <input type="radio" name={`${base}-end`} checked={endKind === 'stopped'} onChange={() => setEndKind('stopped')} /> Until stopped
            </label>
          </div>
          <Errors id={`${base}-end-error`} list={endErrors.length ? endErrors : undefined} />
        </fieldset>
      ) : null}
      <SubmitButton>Save changes</SubmitButton>
    </form>
  );
}
