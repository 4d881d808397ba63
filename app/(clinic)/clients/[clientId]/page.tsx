import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Badge, Card, formatDay, PageHeader } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { can } from '@/lib/access/permissions';
import { getClientHeader } from '@/lib/clients/queries';
import { parseOverviewRange } from '@/lib/measures/overview';
import { clientReminderStatus, type ReminderStatus } from '@/lib/reminders/queries';
import { ClientAlertsSection } from './alerts-section';
import { ClinicalOverviewSection } from './overview-section';
import { MeasureSchedulesSection } from './schedules-section';
import { HomeworkSection } from './homework-section';
import { ClientSubmissionsSection } from './submissions-section';

export const metadata: Metadata = { title: 'Client' };

export default async function ClientPage({
  params,
  searchParams,
}: {
  params: Promise<{ clientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { clientId } = await params;
  const range = parseOverviewRange((await searchParams).range);
  const actor = await requirePageActor('client.viewRecord');
  const client = await getClientHeader(actor, clientId);
  if (!client) notFound();
  const reminders = await clientReminderStatus(actor, client.id);
  return (
    <>
      <PageHeader
        title={client.name}
        description={client.pronouns ?? undefined}
        actions={
          client.onMyCareTeam && can(actor.role, 'client.export') ? (
            <Link href={`/clients/${client.id}/report`} className="rounded-md border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50">
              Progress report and data
            </Link>
          ) : undefined
        }
      />
      <Card title="Record">
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">Status</dt>
            <dd><Badge tone={client.status === 'active' ? 'brand' : 'neutral'}>{client.status}</Badge></dd>
          </div>
          <div>
            <dt className="text-slate-600">Care team</dt>
            <dd>{client.therapists.join(', ') || 'No therapist assigned'}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Intake</dt>
            <dd>{formatDay(client.intakeDate)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Portal</dt>
            <dd>{client.portalLinked ? 'Linked to a login' : 'Not yet invited'}</dd>
          </div>
          {reminders ? (
            <div>
              <dt className="text-slate-600">Reminders</dt>
              <dd data-testid="reminder-status">{describeReminders(reminders, client.portalLinked)}</dd>
            </div>
          ) : null}
        </dl>
        {!client.onMyCareTeam ? (
          <p className="mt-4 rounded-lg bg-slate-50 p-3 text-sm text-slate-700">
            You are not on this client’s care team, so their clinical content is not shown.
          </p>
        ) : null}
      </Card>
      {client.onMyCareTeam ? (
        // Clinical sections, care team only (docs/clinical.md §6.2). Each is one self-contained component: add new ones here.
        <div className="mt-6 space-y-6">
          <ClientAlertsSection actor={actor} clientId={client.id} />
          <ClinicalOverviewSection actor={actor} clientId={client.id} range={range} />
          <MeasureSchedulesSection actor={actor} clientId={client.id} />
        </div>
      ) : null}
      <HomeworkSection clientId={client.id} />
      <ClientSubmissionsSection actor={actor} clientId={client.id} />
    </>
  );
}

/** Whether reminders reach the client, never what they would remind of. */
function describeReminders(r: ReminderStatus, portalLinked: boolean): string {
  if (!portalLinked) return 'Off until the client has a portal login';
  if (!r.enabled || (!r.email && !r.push)) return r.chosen ? 'Off (turned off by the client)' : 'Off (practice default)';
  const channels = [r.email ? 'email' : null, r.push ? 'device notifications' : null].filter(Boolean).join(' and ');
  const paused = r.pausedUntil ? `, paused until ${formatDay(r.pausedUntil)}` : '';
  return `On: ${channels}${paused}${r.chosen ? '' : ' (practice default)'}`;
}
