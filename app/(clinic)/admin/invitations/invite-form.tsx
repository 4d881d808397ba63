'use client';

import { useActionState } from 'react';
import { checkClass, FormOutcome, Select } from '@/app/_components/design';
import { Field, SubmitButton, valueOf } from '@/app/_components/form';
import { inviteMember } from '@/lib/invitations/actions';
import { SharedLink } from '../_components/action-button';

const ROLES = [
  { value: 'therapist', label: 'Therapist', hint: 'Sees and treats the clients on their care teams.' },
  { value: 'admin', label: 'Admin', hint: 'Runs accounts, settings and oversight for the practice.' },
  { value: 'client', label: 'Client', hint: 'A portal login tied to their clinical record.' },
] as const;

export function InviteForm({ clients, defaultClientId }: { clients: { id: string; name: string; email: string | null }[]; defaultClientId?: string }) {
  const [state, action] = useActionState(inviteMember, null);
  const role = valueOf(state, 'role', defaultClientId ? 'client' : 'therapist');
  const clientId = valueOf(state, 'clientId', defaultClientId ?? '');
  const roleError = state && !state.ok ? state.fieldErrors.role : undefined;
  const clientError = state && !state.ok ? state.fieldErrors.clientId : undefined;
  const link = state?.ok ? state.data.link : null;
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <FormOutcome state={state} success={state?.ok ? (state.data.emailed ? 'Invitation emailed.' : 'Invitation created.') : undefined} />
      {link ? <SharedLink link={link} /> : null}
      <Field name="email" label="Email" type="email" autoComplete="off" state={state} required />
      <fieldset className="space-y-2" aria-describedby={roleError ? 'role-error' : undefined}>
        <legend className="text-sm font-medium text-slate-800">Role</legend>
        {ROLES.map((r) => (
          <label key={r.value} className="flex min-h-tap items-start gap-3 text-label">
            <input type="radio" name="role" value={r.value} defaultChecked={role === r.value} key={`${r.value}-${role}`} className={`mt-0.5 ${checkClass}`} />
            <span>
              <span className="font-medium">{r.label}</span> <span className="text-slate-600">— {r.hint}</span>
            </span>
          </label>
        ))}
        {roleError ? (
          <p id="role-error" className="text-sm text-red-700">
            {roleError.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <Select
        name="clientId"
        label="Client record (for a client invitation)"
        defaultValue={clientId}
        key={clientId}
        errors={clientError}
        hint="Only records without a portal login are listed. Accepting links the login to this record."
      >
        <option value="">— Not a client —</option>
        {clients.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
            {c.email ? ` (${c.email})` : ''}
          </option>
        ))}
      </Select>
      <SubmitButton pendingLabel="Sending…">Send invitation</SubmitButton>
    </form>
  );
}
