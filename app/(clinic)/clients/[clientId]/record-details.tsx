import { Badge, Card, formatDay } from '@/app/_components/ui';
import type { ClientListItem } from '@/lib/clients/queries';
import type { ReminderStatus } from '@/lib/reminders/queries';

/** Whether reminders reach the client, never what they would remind of. */
function describeReminders(r: ReminderStatus, portalLinked: boolean): string {
  if (!portalLinked) return 'Off until the client has a portal login';
  if (!r.enabled || (!r.email && !r.push)) return r.chosen ? 'Off (turned off by the client)' : 'Off (practice default)';
  const channels = [r.email ? 'email' : null, r.push ? 'device notifications' : null].filter(Boolean).join(' and ');
  const paused = r.pausedUntil ? `, paused until ${formatDay(r.pausedUntil)}` : '';
  return `On: ${channels}${paused}${r.chosen ? '' : ' (practice default)'}`;
}

/** The record's administrative facts: status, care team, intake, portal and reminders. */
export function RecordDetails({ client, reminders }: { client: ClientListItem; reminders: ReminderStatus | null }) {
  return (
    <Card title="Record">
      <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-600">Status</dt>
          <dd>
            <Badge tone={client.status === 'active' ? 'brand' : 'neutral'}>{client.status}</Badge>
          </dd>
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
  );
}
