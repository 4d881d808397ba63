'use client';

import { useId } from 'react';
import { DeliveryStatus } from '@/app/_components/delivery-status';
import { TextArea } from '@/app/_components/design/input';
import { type FormState, FormMessage, SubmitButton, valueOf } from '@/app/_components/form';
import { useResilientAction } from '@/app/_components/resilient-action';
import { SET_ASIDE_REASON_MAX } from '@/lib/assignments/standing';
import { setAsideHomework } from '@/lib/assignments/set-aside';

/** Letting one item go, folded away under a quiet summary so it never reads as the page's main ask. */
export function SetAsideForm({ occurrenceId, open }: { occurrenceId: string; open: boolean }) {
  const [state, formAction, , delivery] = useResilientAction(setAsideHomework);
  const id = useId();
  const form = state as FormState;
  const errors = form?.fieldErrors?.reason;
  const reason = valueOf(form, 'reason');
  return (
    <details open={open || Boolean(form && !form.ok)} className="rounded-xl border border-slate-200 bg-white p-4" data-testid="set-aside">
      <summary className="cursor-pointer text-sm font-semibold text-slate-900">Not going to get to this one? You can set it aside</summary>
      <form action={formAction} className="mt-3 space-y-3" aria-label="Set this homework aside">
        <input type="hidden" name="occurrenceId" value={occurrenceId} />
        <p className="text-sm text-slate-600">It leaves your list and stops waiting for you. Your therapist sees that you set it aside, and your reason if you give one.</p>
        <DeliveryStatus delivery={delivery} />
        <FormMessage state={form} />
        <TextArea
          id={`${id}-reason`}
          name="reason"
          key={`reason-${reason}`}
          label="Why, if you would like to say"
          optional
          defaultValue={reason}
          rows={2}
          hint={`Up to ${SET_ASIDE_REASON_MAX} characters, for example “a hard week” or “this one did not fit”.`}
          errors={errors}
        />
        <SubmitButton pendingLabel="Setting aside…">Set it aside</SubmitButton>
      </form>
    </details>
  );
}
