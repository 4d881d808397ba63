'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/app/_components/form';
import { confirmSignUpAction } from '@/lib/practice/actions';

export function ConfirmSignUpForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState(confirmSignUpAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <div className="space-y-1">
        <p className="text-sm font-medium text-slate-800">Email</p>
        <p className="rounded-lg bg-slate-50 px-3 py-2.5 text-base text-slate-800">{email}</p>
      </div>
      <Field name="password" label="Password" type="password" state={state} autoComplete="current-password" required />
      <SubmitButton pendingLabel="Creating your practice…">Create practice</SubmitButton>
    </form>
  );
}
