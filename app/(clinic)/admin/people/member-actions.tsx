'use client';

import { sendPasswordReset } from '@/lib/invitations/actions';
import { changeRole, deactivateMember, reactivateMember } from '@/lib/practice/actions';
import { ActionButton } from '../_components/action-button';

export function MemberActions({
  membershipId,
  name,
  role,
  status,
}: {
  membershipId: string;
  name: string;
  role: 'admin' | 'therapist' | 'client';
  status: 'invited' | 'active' | 'deactivated';
}) {
  const fields = { membershipId };
  // Everyday steps first; the destructive one last, behind its confirmation, so no row shows a red button.
  return (
    <details className="group relative inline-block text-left">
      <summary className="inline-flex min-h-9 cursor-pointer list-none items-center gap-1 rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        Manage<span className="sr-only"> {name}</span>
        <span aria-hidden="true" className="transition group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 flex w-56 flex-col items-stretch gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
        {role === 'therapist' ? (
          <ActionButton action={changeRole} fields={{ membershipId, role: 'admin' }} label="Make admin" />
        ) : null}
        {role === 'admin' ? (
          <ActionButton action={changeRole} fields={{ membershipId, role: 'therapist' }} label="Make therapist" />
        ) : null}
        {status === 'active' ? (
          <ActionButton action={sendPasswordReset} fields={fields} label="Send password reset" />
        ) : null}
        {status === 'deactivated' ? (
          <ActionButton action={reactivateMember} fields={fields} label={`Reactivate ${name}`} tone="brand" />
        ) : (
          <div className="border-t border-slate-200 pt-2">
            <ActionButton
              action={deactivateMember}
              fields={fields}
              label={`Deactivate ${name}`}
              tone="danger"
              confirm={`Deactivate ${name}? They can no longer sign in, and their open sessions end at once.`}
            />
          </div>
        )}
      </div>
    </details>
  );
}
