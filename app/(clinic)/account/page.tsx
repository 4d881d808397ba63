import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { AccountPage } from '@/app/_components/account-page';
import { PushSubscribe } from '@/app/_components/push-subscribe';
import { Card } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { loadPage } from '@/lib/access/scope';
import { accountPractices, accountSessions } from '@/lib/auth/account';
import { can } from '@/lib/access/permissions';
import { myClinicianNotifications } from '@/lib/reminders/queries';
import { THEME_COOKIE, parseTheme } from '@/lib/ui/theme';
import { DigestForm } from './digest-form';

export const metadata: Metadata = { title: 'Account' };

export default async function ClinicAccountPage({ searchParams }: { searchParams: Promise<{ updated?: string }> }) {
  const { updated } = await searchParams;
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const actor = await requirePageActor('account.changePassword');
  // The sessions and the notification settings in one transaction; the practices to switch to beside it (their
  // own transaction, for a person in more than one). AccountPage receives what these read.
  const [[, notifications]] = await Promise.all([
    loadPage(actor, () => Promise.all([accountSessions(actor), can(actor.role, 'notifications.digest') ? myClinicianNotifications(actor) : null])),
    accountPractices(actor),
  ]);
  return (
    <>
      <AccountPage actor={actor} theme={theme} passwordChanged={updated === 'password'} />
      {notifications ? (
        <Card title="Notifications" className="mt-6">
          <p className="mb-4 text-sm text-slate-600">
            An urgent alert left unacknowledged past the practice&rsquo;s escalation window is sent to its care team by email (where Mend sends email) and to each device with notifications on.
          </p>
          <DigestForm dailyDigest={notifications.dailyDigest} />
          <div className="mt-6">
            <PushSubscribe publicKey={notifications.pushPublicKey} devices={notifications.devicesSubscribed} />
          </div>
        </Card>
      ) : null}
    </>
  );
}
