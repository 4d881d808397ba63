'use client';

import { useActionState } from 'react';
import { Button, ConfirmButton, inputClass, useToastingAction } from '@/app/_components/design';
import type { FormState } from '@/app/_components/form';

// Method syntax keeps parameters bivariant, so any action's typed result fits the shared FormState.
export type FormAction = { bivarianceHack(prev: FormState, payload: FormData): Promise<FormState> }['bivarianceHack'];

/**
 * One button that runs one admin action on one record. A refusal shows beside it; a success shows as a toast, so it
 * stays on screen when the row changes under it. With `confirm` it asks first, in the design system's dialog.
 */
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel = 'Working…',
  tone = 'neutral',
  confirm,
}: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  tone?: 'neutral' | 'danger' | 'brand';
  confirm?: string;
}) {
  const [state, run, pending] = useActionState(useToastingAction<FormState, FormData>(action), null);
  const link = state?.ok ? (state as { data?: { link?: string | null } }).data?.link : null;
  return (
    <form action={run} className="inline-flex flex-col items-stretch gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm ? (
        <ConfirmButton
          label={label}
          title={confirm}
          variant={tone === 'danger' ? 'danger' : 'primary'}
          pending={pending}
          pendingLabel={pendingLabel}
        />
      ) : (
        <Button type="submit" size="sm" variant={tone === 'brand' ? 'primary' : 'secondary'} pending={pending}>
          {pending ? pendingLabel : label}
        </Button>
      )}
      {state && !state.ok && state.formError ? (
        <p role="alert" className="max-w-xs text-xs text-red-700">
          {state.formError}
        </p>
      ) : null}
      {link ? <SharedLink link={link} /> : null}
    </form>
  );
}

/** A link the admin passes on when the deployment does not send email. */
export function SharedLink({ link }: { link: string }) {
  return (
    <div role="status" className="mt-1 max-w-md rounded-lg border border-brand-200 bg-brand-50 p-3 text-xs text-brand-900">
      <p className="font-medium">Email is not set up here. Pass this link on to them privately; it works once.</p>
      <input
        readOnly
        aria-label="Link to pass on"
        data-testid="shared-link"
        value={link}
        onFocus={(e) => e.currentTarget.select()}
        className={`${inputClass} mt-2 font-mono text-xs`}
      />
    </div>
  );
}
