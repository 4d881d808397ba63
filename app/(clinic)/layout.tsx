import { redirect } from 'next/navigation';
import { ToastProvider } from '@/app/_components/design/toast-provider';
import { AppShell } from '@/app/_components/shell';
import { requirePageActor } from '@/lib/access/guard';
import { clinicNav } from '@/lib/access/navigation';

export default async function ClinicLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  if (actor.role === 'client') redirect('/portal');
  return (
    <ToastProvider>
      <AppShell title="Clinic" nav={clinicNav(actor.role)} person={actor.name} practice={actor.practice.name}>
        {children}
      </AppShell>
    </ToastProvider>
  );
}
