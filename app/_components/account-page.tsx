import type { Actor } from '@/lib/auth/types';
import { ChangePasswordForm } from './change-password-form';
import { Card, PageHeader } from './ui';

export function AccountPage({ actor }: { actor: Actor }) {
  return (
    <>
      <PageHeader title="Account" description={`${actor.name} · ${actor.email}`} />
      <Card title="Change password">
        <p className="mb-4 text-sm text-slate-600">Changing your password signs you out everywhere else.</p>
        <ChangePasswordForm />
      </Card>
    </>
  );
}
