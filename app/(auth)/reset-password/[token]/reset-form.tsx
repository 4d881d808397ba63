'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/app/_components/form';
import { NewPasswordField } from '@/app/_components/new-password-field';
import { resetPasswordAction } from '@/lib/invitations/actions';

export function ResetForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState(resetPasswordAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <NewPasswordField name="password" label="New password" state={state} about={[email]} hint="At least 12 characters, and not easy to guess." />
      <Field name="confirmPassword" label="Repeat the new password" type="password" state={state} autoComplete="new-password" required />
      <SubmitButton pendingLabel="Saving…">Set new password</SubmitButton>
    </form>
  );
}
