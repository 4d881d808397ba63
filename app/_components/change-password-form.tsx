'use client';

import { useActionState } from 'react';
import { changePassword } from '@/lib/auth/actions';
import { Field, FormMessage, SubmitButton } from './form';

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePassword, null);
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      <FormMessage state={state} />
      <Field name="currentPassword" label="Current password" type="password" autoComplete="current-password" state={state} required />
      <Field name="newPassword" label="New password" type="password" autoComplete="new-password" hint="At least 12 characters." state={state} required />
      <Field name="confirmPassword" label="Repeat the new password" type="password" autoComplete="new-password" state={state} required />
      <SubmitButton>Change password</SubmitButton>
    </form>
  );
}
