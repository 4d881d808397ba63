import type { Metadata } from 'next';
import { AccountPage } from '@/app/_components/account-page';
import { cookies } from 'next/headers';
import { requirePageActor } from '@/lib/access/guard';
import { THEME_COOKIE, parseTheme } from '@/lib/ui/theme';

export const metadata: Metadata = { title: 'Account' };

export default async function PortalAccountPage({ searchParams }: { searchParams: Promise<{ updated?: string }> }) {
  const { updated } = await searchParams;
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return <AccountPage actor={await requirePageActor('account.changePassword')} theme={theme} passwordChanged={updated === 'password'} />;
}
