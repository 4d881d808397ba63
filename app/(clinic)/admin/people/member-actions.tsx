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
  return (
    <div className="flex flex-wrap items-start gap-2">
      {status === 'deactivated' ? (
        <ActionButton action={reactivateMember} fields={fields} label={`Reactivate ${name}`} tone="brand" />
      ) : (
        <ActionButton
          action={deactivateMember}
          fields={fields}
          label={`Deactivate ${name}`}
          tone="danger"
          confirm={`Deactivate ${name}? Their sessions end at their next request.`}
        />
      )}
      {role === 'therapist' ? <ActionButton action={changeRole} fields={{ membershipId, role: 'admin' }} label="Make admin" /> : null}
      {role === 'admin' ? <ActionButton action={changeRole} fields={{ membershipId, role: 'therapist' }} label="Make therapist" /> : null}
      {status === 'active' ? <ActionButton action={sendPasswordReset} fields={fields} label="Send password reset" /> : null}
    </div>
  );
}
