import type { Metadata } from 'next';
import { AccountPage } from '@/app/_components/account-page';
import { requirePageActor } from '@/lib/access/guard';

export const metadata: Metadata = { title: 'Account' };

export default async function PortalAccountPage() {
  return <AccountPage actor={await requirePageActor('account.changePassword')} />;
}
