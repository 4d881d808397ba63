import type { Metadata } from 'next';
import { Card, PageHeader } from '@/app/_components/ui';
import { PushSubscribe } from '@/app/_components/push-subscribe';
import { requirePageActor } from '@/lib/access/guard';
import { loadPage } from '@/lib/access/scope';
import { myReminders } from '@/lib/reminders/queries';
import { REMINDER_TEXT } from '@/lib/reminders/rules';
import { timeZoneNames } from '@/lib/time/zone';
import { RemindersForm } from './reminders-form';

export const metadata: Metadata = { title: 'Reminders' };

export default async function RemindersPage() {
  const actor = await requirePageActor('reminders.manageOwn');
  // The choices, the practice's defaults and the devices in one transaction.
  const mine = await loadPage(actor, () => myReminders(actor));
  return (
    <>
      <PageHeader
        title="Reminders"
        description={`A gentle nudge when your check-in, homework or a questionnaire is waiting. Reminders only ever say “${REMINDER_TEXT}”, never what it is.`}
      />
      <Card className="mb-4">
        {!mine.chosen ? <p className="mb-4 text-sm text-slate-600">These are your practice&rsquo;s usual settings until you save your own.</p> : null}
        <RemindersForm initial={mine.settings} timeZones={timeZoneNames()} />
      </Card>
      <Card title="This device">
        <PushSubscribe publicKey={mine.pushPublicKey} devices={mine.devicesSubscribed} />
      </Card>
    </>
  );
}
