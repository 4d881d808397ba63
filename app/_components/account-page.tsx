import type { Actor } from '@/lib/auth/types';
import type { Theme } from '@/lib/ui/theme';
import { ChangePasswordForm } from './change-password-form';
import { ThemePicker } from './theme-picker';
import { Card, PageHeader } from './ui';

export function AccountPage({ actor, theme, passwordChanged = false }: { actor: Actor; theme: Theme; passwordChanged?: boolean }) {
  return (
    <>
      <PageHeader title="Account" description={`${actor.name} · ${actor.email}`} />
      {passwordChanged ? (
        <p role="status" className="mb-4 rounded-lg border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          Password changed. Your other sessions have been signed out.
        </p>
      ) : null}
      <Card title="Change password">
        <p className="mb-4 text-sm text-slate-600">Changing your password signs you out everywhere else.</p>
        <ChangePasswordForm />
      </Card>
      <Card title="Display" className="mt-6">
        <ThemePicker current={theme} />
      </Card>
    </>
  );
}
