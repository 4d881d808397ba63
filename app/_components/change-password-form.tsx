'use client';

import { useActionState } from 'react';
import { changePassword } from '@/lib/auth/actions';
import { Field, FormMessage, SubmitButton } from './form';
import { NewPasswordField } from './new-password-field';

/** `about`: the person's own name and email, which the strength meter counts as easy guesses. */
export function ChangePasswordForm({ about }: { about: string[] }) {
  const [state, action] = useActionState(changePassword, null);
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      <FormMessage state={state} />
      <Field name="currentPassword" label="Current password" type="password" autoComplete="current-password" state={state} required />
      <NewPasswordField name="newPassword" label="New password" state={state} about={about} hint="At least 12 characters, and not easy to guess." />
      <Field name="confirmPassword" label="Repeat the new password" type="password" autoComplete="new-password" state={state} required />
      <SubmitButton>Change password</SubmitButton>
    </form>
  );
}
