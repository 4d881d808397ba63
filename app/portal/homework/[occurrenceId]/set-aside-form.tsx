'use client';

import { useId, useRef, useState } from 'react';
import { DeliveryStatus } from '@/app/_components/delivery-status';
import { Button } from '@/app/_components/design/button';
import { Dialog } from '@/app/_components/design/dialog';
import { TextArea } from '@/app/_components/design/input';
import { type FormState, FormMessage, SubmitButton, valueOf } from '@/app/_components/form';
import { useResilientAction } from '@/app/_components/resilient-action-state';
import { SET_ASIDE_REASON_MAX } from '@/lib/assignments/standing';
import { setAsideHomework } from '@/lib/assignments/set-aside';

/**
 * Letting one item go, folded away under a quiet summary so it never reads as the page's main ask. It cannot be
 * undone from the portal, so a dialog asks once more before it is sent (keeping it is the first choice).
 */
export function SetAsideForm({ occurrenceId, open }: { occurrenceId: string; open: boolean }) {
  const [state, formAction, , delivery] = useResilientAction(setAsideHomework);
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const confirmed = useRef(false);
  const [asking, setAsking] = useState(false);
  const form = state as FormState;
  const errors = form?.fieldErrors?.reason;
  const reason = valueOf(form, 'reason');

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    if (confirmed.current) {
      confirmed.current = false;
      return;
    }
    // React runs the form's action only when the submit event is not prevented: ask first.
    event.preventDefault();
    setAsking(true);
  };
  const confirm = () => {
    confirmed.current = true;
    setAsking(false);
    formRef.current?.requestSubmit();
  };

  return (
    <details open={open || Boolean(form && !form.ok)} className="rounded-xl border border-slate-200 bg-white p-4" data-testid="set-aside">
      <summary className="cursor-pointer text-sm font-semibold text-slate-900">Not going to get to this one? You can set it aside</summary>
      <form ref={formRef} action={formAction} onSubmit={onSubmit} className="mt-3 space-y-3" aria-label="Set this homework aside">
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
      <Dialog
        open={asking}
        onClose={() => setAsking(false)}
        title="Set this one aside?"
        actions={
          <>
            <Button variant="secondary" autoFocus onClick={() => setAsking(false)}>
              Keep it
            </Button>
            <Button onClick={confirm}>Set it aside</Button>
          </>
        }
      >
        It leaves your list, and you won&rsquo;t be able to send it afterwards. That&rsquo;s all right: your therapist simply sees that you set it aside.
      </Dialog>
    </details>
  );
}
