'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/app/_components/form';
import { NewPasswordField } from '@/app/_components/new-password-field';
import { TimeZoneSelect } from '@/app/_components/time-zone-select';
import { signUpPractice } from '@/lib/practice/actions';

export function SignUpForm({ timeZones, suggestedZone }: { timeZones: string[]; suggestedZone: string }) {
  const [state, action] = useActionState(signUpPractice, null);
  // The same answer whoever the email belongs to: the link (or a note that the address has an account) is in the inbox.
  if (state?.ok) {
    return (
      <div role="status" className="rounded-lg border border-brand-200 bg-brand-50 px-4 py-3 text-sm text-brand-900">
        <h2 className="text-base font-semibold">Check your email</h2>
        <p className="mt-1">{state.data.message}</p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field name="practiceName" label="Practice name" state={state} autoComplete="organization" required />
      <TimeZoneSelect state={state} initial={suggestedZone} timeZones={timeZones} />
      <fieldset className="space-y-4 border-t border-slate-200 pt-4">
        <legend className="pt-4 text-sm font-semibold text-slate-900">You, the practice&rsquo;s first admin</legend>
        <Field name="name" label="Your name" state={state} autoComplete="name" required />
        <Field name="email" label="Email" type="email" state={state} autoComplete="username" required />
        <NewPasswordField name="password" label="Password" state={state} aboutFields={['name', 'email', 'practiceName']} hint="At least 12 characters, and not easy to guess." />
        <Field name="confirmPassword" label="Repeat the password" type="password" state={state} autoComplete="new-password" required />
      </fieldset>
      <SubmitButton pendingLabel="Sending…">Create practice</SubmitButton>
    </form>
  );
}
