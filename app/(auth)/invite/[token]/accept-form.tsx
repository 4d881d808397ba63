'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/app/_components/form';
import { NewPasswordField } from '@/app/_components/new-password-field';
import { acceptInvitationAction } from '@/lib/invitations/actions';

export function AcceptForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState(acceptInvitationAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <div className="space-y-1">
        <p className="text-sm font-medium text-slate-800">Email</p>
        <p className="rounded-lg bg-slate-50 px-3 py-2.5 text-base text-slate-800">{email}</p>
      </div>
      <Field name="name" label="Your name" state={state} autoComplete="name" required />
      <NewPasswordField name="password" label="Choose a password" state={state} about={[email]} aboutFields={['name']} hint="At least 12 characters, and not easy to guess." />
      <Field name="confirmPassword" label="Repeat the password" type="password" state={state} autoComplete="new-password" required />
      <SubmitButton pendingLabel="Setting up…">Create my account</SubmitButton>
    </form>
  );
}
