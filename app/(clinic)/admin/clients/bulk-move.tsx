'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Badge, checkClass, compactInputClass, ConfirmButton, FormOutcome } from '@/app/_components/design';
import { moveClients } from '@/lib/clients/actions';

type Row = {
  id: string;
  name: string;
  email: string | null;
  status: 'active' | 'paused' | 'discharged' | 'archived';
  careTeam: { membershipId: string; name: string }[];
  portal: 'linked' | 'invited' | 'none';
};

const STATUS_TONE = { active: 'brand', paused: 'warn', discharged: 'neutral', archived: 'neutral' } as const;

/** What the confirmation says: how many clients, and who they move to (read from the form as it opens). */
function describeMove(form: HTMLFormElement): string {
  const chosen = form.querySelectorAll('input[name="clientIds[]"]:checked').length;
  const to = form.elements.namedItem('toMembershipId') as HTMLSelectElement | null;
  const from = form.elements.namedItem('fromMembershipId') as HTMLSelectElement | null;
  const toName = to?.value ? to.selectedOptions[0]?.text : null;
  const fromName = from?.value ? from.selectedOptions[0]?.text : null;
  const who = `${chosen} ${chosen === 1 ? 'client' : 'clients'}`;
  return `${who} join${chosen === 1 ? 's' : ''} ${toName ? `${toName}’s care team` : 'the chosen care team'}${fromName ? ` and leave${chosen === 1 ? 's' : ''} ${fromName}’s` : ''}.`;
}

/** The client list with a checkbox per row: move the chosen clients to another clinician in one step. */
export function ClientTable({ rows, clinicians }: { rows: Row[]; clinicians: { membershipId: string; name: string; role: string }[] }) {
  const [state, action, pending] = useActionState(moveClients, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  // A refused move keeps every choice: React resets a form's fields when its action ends, so they are echoed back.
  const echoed = state && !state.ok ? state.values : undefined;
  const from = typeof echoed?.fromMembershipId === 'string' ? echoed.fromMembershipId : '';
  const to = typeof echoed?.toMembershipId === 'string' ? echoed.toMembershipId : '';
  const chosen = ([] as string[]).concat(echoed?.clientIds ?? []);
  const selectClass = `mt-1 ${compactInputClass}`;
  return (
    <form action={action} className="space-y-3">
      <fieldset className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">Move the selected clients</legend>
        <label className="flex flex-col text-sm font-medium text-slate-800">
          From (leaves the care team)
          <select name="fromMembershipId" key={`from-${from}`} defaultValue={from} className={selectClass} aria-invalid={errors.fromMembershipId ? true : undefined}>
            <option value="">— Keep everyone —</option>
            {clinicians.map((c) => (
              <option key={c.membershipId} value={c.membershipId}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm font-medium text-slate-800">
          To (joins the care team)
          <select name="toMembershipId" key={`to-${to}`} defaultValue={to} className={selectClass} aria-invalid={errors.toMembershipId ? true : undefined} aria-describedby={errors.toMembershipId ? 'move-to-error' : undefined}>
            <option value="">Choose…</option>
            {clinicians.map((c) => (
              <option key={c.membershipId} value={c.membershipId}>
                {c.name}
                {c.role === 'admin' ? ' (admin)' : ''}
              </option>
            ))}
          </select>
        </label>
        <ConfirmButton
          label="Move selected"
          title="Move the selected clients?"
          message={describeMove}
          confirmLabel="Move them"
          variant="primary"
          triggerVariant="primary"
          size="md"
          pending={pending}
          pendingLabel="Moving…"
        />
        <div className="basis-full space-y-1">
          {errors.toMembershipId ? <p id="move-to-error" className="text-sm text-red-700">{errors.toMembershipId.join(' ')}</p> : null}
          {errors.clientIds ? <p className="text-sm text-red-700">{errors.clientIds.join(' ')}</p> : null}
          <FormOutcome state={state} />
        </div>
      </fieldset>
      <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Clients ({rows.length})</caption>
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th scope="col" className="w-10 px-3 py-3 font-medium">
                <span className="sr-only">Select</span>
              </th>
              <th scope="col" className="px-3 py-3 font-medium">Client</th>
              <th scope="col" className="px-3 py-3 font-medium">Status</th>
              <th scope="col" className="px-3 py-3 font-medium">Care team</th>
              <th scope="col" className="px-3 py-3 font-medium">Portal</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="px-3 py-3">
                  <input type="checkbox" name="clientIds[]" value={r.id} defaultChecked={chosen.includes(r.id)} aria-label={`Select ${r.name}`} className={checkClass} />
                </td>
                <td className="px-3 py-3">
                  <Link href={`/admin/clients/${r.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                    {r.name}
                  </Link>
                  {r.email ? <div className="text-xs text-slate-600">{r.email}</div> : null}
                </td>
                <td className="px-3 py-3">
                  <Badge tone={STATUS_TONE[r.status]}>{r.status}</Badge>
                </td>
                <td className="px-3 py-3 text-slate-700">{r.careTeam.length ? r.careTeam.map((t) => t.name).join(', ') : <span className="text-amber-800">Unassigned</span>}</td>
                <td className="px-3 py-3 text-slate-700">{r.portal === 'linked' ? 'Linked' : r.portal === 'invited' ? 'Invited' : 'No login'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </form>
  );
}
