'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton, valueOf } from '@/app/_components/form';
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
      <FormMessage state={state?.ok ? { ok: true, message: state.data.emailed ? 'Invitation emailed.' : 'Invitation created.' } : state} />
      {link ? <SharedLink link={link} /> : null}
      <Field name="email" label="Email" type="email" autoComplete="off" state={state} required />
      <fieldset className="space-y-2" aria-describedby={roleError ? 'role-error' : undefined}>
        <legend className="text-sm font-medium text-slate-800">Role</legend>
        {ROLES.map((r) => (
          <label key={r.value} className="flex items-start gap-2 text-sm">
            <input type="radio" name="role" value={r.value} defaultChecked={role === r.value} key={`${r.value}-${role}`} className="mt-1 h-4 w-4" />
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
      <div className="space-y-1">
        <label htmlFor="field-clientId" className="block text-sm font-medium text-slate-800">
          Client record (for a client invitation)
        </label>
        <select
          id="field-clientId"
          name="clientId"
          defaultValue={clientId}
          key={clientId}
          aria-invalid={clientError ? true : undefined}
          aria-describedby={clientError ? 'field-clientId-error' : 'field-clientId-hint'}
          className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base aria-[invalid]:border-red-600"
        >
          <option value="">— Not a client —</option>
          {clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
              {c.email ? ` (${c.email})` : ''}
            </option>
          ))}
        </select>
        <p id="field-clientId-hint" className="text-xs text-slate-600">
          Only records without a portal login are listed. Accepting links the login to this record.
        </p>
        {clientError ? (
          <p id="field-clientId-error" className="text-sm text-red-700">
            {clientError.join(' ')}
          </p>
        ) : null}
      </div>
      <SubmitButton pendingLabel="Sending…">Send invitation</SubmitButton>
    </form>
  );
}
