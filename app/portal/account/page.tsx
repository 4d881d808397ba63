import type { Metadata } from 'next';
import { AccountPage } from '@/app/_components/account-page';
import { Card } from '@/app/_components/ui';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { requirePageActor } from '@/lib/access/guard';
import { can } from '@/lib/access/permissions';
import { THEME_COOKIE, parseTheme } from '@/lib/ui/theme';

export const metadata: Metadata = { title: 'Account' };

export default async function PortalAccountPage({ searchParams }: { searchParams: Promise<{ updated?: string }> }) {
  const { updated } = await searchParams;
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const actor = await requirePageActor('account.changePassword');
  return (
    <AccountPage actor={actor} theme={theme} passwordChanged={updated === 'password'}>
      {can(actor.role, 'reminders.manageOwn') ? (
        <Card title="Reminders and notifications">
          <p className="text-sm text-slate-700">Whether and when Mend reminds you of a check-in or homework, by email or on this device.</p>
          <p className="mt-3 text-sm">
            <Link href="/portal/reminders" className="font-semibold text-brand-800 underline">
              Choose your reminders
            </Link>
          </p>
        </Card>
      ) : null}
    </AccountPage>
  );
}
