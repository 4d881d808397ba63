import { redirect } from 'next/navigation';
import { AppShell } from '@/app/_components/shell';
import { requirePageActor } from '@/lib/access/guard';
import { homeFor } from '@/lib/auth/home';
import { portalNav } from '@/lib/access/navigation';
import { FreshOnReturn } from './_components/fresh-on-return';

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  if (actor.role !== 'client') redirect(homeFor(actor.role));
  return (
    <AppShell
      title="Portal"
      nav={portalNav(actor.role)}
      person={actor.name}
      practice={actor.practice.name}
      narrow
      tabBar
    >
      <FreshOnReturn />
      {children}
    </AppShell>
  );
}
