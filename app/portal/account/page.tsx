import type { Metadata } from 'next';
import { AccountPage } from '@/app/_components/account-page';
import { requirePageActor } from '@/lib/access/guard';

export const metadata: Metadata = { title: 'Account' };

export default async function PortalAccountPage({ searchParams }: { searchParams: Promise<{ updated?: string }> }) {
  const { updated } = await searchParams;
  return <AccountPage actor={await requirePageActor('account.changePassword')} passwordChanged={updated === 'password'} />;
}
