'use client';

import { Menu, MenuDanger } from '@/app/_components/design';
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
    <Menu subject={name}>
      {role === 'therapist' ? (
        <ActionButton action={changeRole} fields={{ membershipId, role: 'admin' }} label="Make admin" />
      ) : null}
      {role === 'admin' ? (
        <ActionButton action={changeRole} fields={{ membershipId, role: 'therapist' }} label="Make therapist" />
      ) : null}
      {status === 'active' ? <ActionButton action={sendPasswordReset} fields={fields} label="Send password reset" /> : null}
      {status === 'deactivated' ? (
        <ActionButton action={reactivateMember} fields={fields} label={`Reactivate ${name}`} tone="brand" />
      ) : (
        <MenuDanger>
          <ActionButton
            action={deactivateMember}
            fields={fields}
            label={`Deactivate ${name}`}
            tone="danger"
            confirm={`Deactivate ${name}? They can no longer sign in, and their open sessions end at once.`}
          />
        </MenuDanger>
      )}
    </Menu>
  );
}
