'use client';

import { FormOutcome } from '@/app/_components/design/form-outcome';
import { useActionState } from 'react';
import { Field, SubmitButton } from '@/app/_components/form';
import { createClient, setCareTeam, updateClient } from '@/lib/clients/actions';
import { checkClass } from '@/app/_components/design/checkbox';

type Clinician = { membershipId: string; name: string; role: string };
type Details = {
  firstName: string;
  lastName: string;
  preferredName: string | null;
  pronouns: string | null;
  email: string | null;
  intakeDate: string | null;
};

function DetailFields({ state, initial }: { state: Parameters<typeof Field>[0]['state']; initial?: Details }) {
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <Field name="firstName" label="First name" state={state} defaultValue={initial?.firstName} required autoComplete="off" />
      <Field name="lastName" label="Last name" state={state} defaultValue={initial?.lastName} required autoComplete="off" />
      <Field name="preferredName" label="Preferred name (optional)" state={state} defaultValue={initial?.preferredName ?? ''} autoComplete="off" />
      <Field name="pronouns" label="Pronouns (optional)" state={state} defaultValue={initial?.pronouns ?? ''} autoComplete="off" />
      <Field name="email" label="Email (optional)" type="email" state={state} defaultValue={initial?.email ?? ''} autoComplete="off" hint="Used to invite them to the portal." />
      <Field name="intakeDate" label="Intake date (optional)" type="date" state={state} defaultValue={initial?.intakeDate ?? ''} />
    </div>
  );
}

function ClinicianChecklist({ name, clinicians, chosen, errors }: { name: string; clinicians: Clinician[]; chosen: string[]; errors?: string[] }) {
  return (
    <fieldset className="space-y-2" aria-describedby={errors ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">Care team</legend>
      {clinicians.length === 0 ? <p className="text-sm text-slate-600">No active therapists yet: invite one first.</p> : null}
      {clinicians.map((c) => (
        <label key={c.membershipId} className="flex items-center gap-2 text-sm">
          <input type="checkbox" name={`${name}[]`} value={c.membershipId} defaultChecked={chosen.includes(c.membershipId)} className={checkClass} />
          {c.name}
          {c.role === 'admin' ? <span className="text-xs text-slate-600">(admin)</span> : null}
        </label>
      ))}
      {errors ? (
        <p id={`${name}-error`} className="text-sm text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}

export function NewClientForm({ therapists }: { therapists: Clinician[] }) {
  const [state, action] = useActionState(createClient, null);
  const chosen = state && !state.ok ? ([] as string[]).concat(state.values?.therapistMembershipIds ?? []) : [];
  return (
    <form action={action} className="max-w-2xl space-y-5" noValidate>
      <FormOutcome state={state} />
      <DetailFields state={state} />
      <ClinicianChecklist name="therapistMembershipIds" clinicians={therapists} chosen={chosen} errors={state && !state.ok ? state.fieldErrors.therapistMembershipIds : undefined} />
      <SubmitButton pendingLabel="Creating…">Create client record</SubmitButton>
    </form>
  );
}

export function EditClientForm({ clientId, initial }: { clientId: string; initial: Details }) {
  const [state, action] = useActionState(updateClient, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="clientId" value={clientId} />
      <FormOutcome state={state} />
      <DetailFields state={state} initial={initial} />
      <SubmitButton>Save details</SubmitButton>
    </form>
  );
}

export function CareTeamForm({ clientId, clinicians, current }: { clientId: string; clinicians: Clinician[]; current: string[] }) {
  const [state, action] = useActionState(setCareTeam, null);
  const chosen = state && !state.ok ? ([] as string[]).concat(state.values?.membershipIds ?? []) : current;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="clientId" value={clientId} />
      <FormOutcome state={state} />
      <ClinicianChecklist name="membershipIds" clinicians={clinicians} chosen={chosen} errors={state && !state.ok ? state.fieldErrors.membershipIds : undefined} />
      <SubmitButton>Save care team</SubmitButton>
    </form>
  );
}
