'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/app/_components/form';
import { resetPasswordAction } from '@/lib/invitations/actions';

export function ResetForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <Field name="password" label="New password" type="password" state={state} autoComplete="new-password" hint="At least 12 characters; common passwords are refused." required />
      <Field name="confirmPassword" label="Repeat the new password" type="password" state={state} autoComplete="new-password" required />
      <SubmitButton pendingLabel="Saving…">Set new password</SubmitButton>
    </form>
  );
}
