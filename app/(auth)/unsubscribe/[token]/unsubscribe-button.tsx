'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/app/_components/form';
import { unsubscribeAction } from '@/lib/reminders/actions';

export function UnsubscribeButton({ token, label }: { token: string; label: string }) {
  const [state, action] = useActionState(unsubscribeAction, null);
  if (state?.ok) {
    return (
      <p role="status" className="rounded-lg border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-800">
        Done. You will not get these any more.
      </p>
    );
  }
  return (
    <form action={action}>
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <SubmitButton>{label}</SubmitButton>
    </form>
  );
}
