'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/app/_components/form';
import { acceptWithExistingLoginAction } from '@/lib/invitations/actions';

/** The invited address already has a Mend login: it joins with that login's password, not a new one. */
export function JoinWithLoginForm({ token, email, practiceName }: { token: string; email: string; practiceName: string }) {
  const [state, action] = useActionState(acceptWithExistingLoginAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <div className="space-y-1">
        <p className="text-sm font-medium text-slate-800">Email</p>
        <p className="rounded-lg bg-slate-50 px-3 py-2.5 text-base text-slate-800">{email}</p>
      </div>
      <Field name="password" label="Password of your Mend account" type="password" state={state} autoComplete="current-password" required />
      <SubmitButton pendingLabel="Joining…">{`Sign in and join ${practiceName}`}</SubmitButton>
    </form>
  );
}
