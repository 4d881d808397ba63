import 'server-only';
import { and, eq, isNull, lte } from 'drizzle-orm';
import { alerts, careTeam, clients } from '@/db/schema';
import { withMemberOnBehalf, withPracticeSystem } from '@/lib/access/system-scope';
import { appOrigin } from '@/lib/invitations/links';
import { forEachPractice, type JobPractice } from '@/lib/jobs/practices';
import { OUR_RULES } from '@/lib/measures/rules';
import { activeClinicians } from './clinicians';
import { deliverOnce } from './deliver';
import { practiceNotificationSettings } from './settings';

export const initials = (first: string, last: string) => `${first.trim().charAt(0)}.${last.trim().charAt(0)}.`.toUpperCase();

function hoursOpen(raisedAt: Date, now: Date): string {
  const hours = Math.floor((now.getTime() - raisedAt.getTime()) / 3_600_000);
  if (hours < 1) return `${Math.max(1, Math.floor((now.getTime() - raisedAt.getTime()) / 60_000))} minutes`;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

/** Who, by initials; how long open; a link. Never what the alert is about. */
export function escalationMessage(input: { initials: string; open: string; link: string }) {
  return {
    subject: 'An urgent alert in Mend is waiting for acknowledgement',
    text: [
      `An urgent alert for client ${input.initials} has been open for ${input.open} without acknowledgement.`,
      '',
      `Open it in Mend: ${input.link}`,
    ].join('\n'),
  };
}

/**
 * Urgent alerts left unacknowledged: after the practice's escalation window the client's care team is
 * notified; after the 24 hours of docs/clinical.md §5.3 (when the alert also shows to them) the practice's admins. Each
 * person once per alert and stage; an acknowledged alert notifies no one further. Each clinician's
 * alerts are read in a transaction on their behalf, so row-level security shows the job exactly what
 * that person may see: their care team's alerts, and an admin the escalated ones.
 */
export async function escalateUrgentAlerts(practice: JobPractice, now: Date = new Date()): Promise<number> {
  const practiceId = practice.id;
  const { settings, clinicians } = await withPracticeSystem({ practiceId }, async (tx) => ({
    settings: await practiceNotificationSettings(tx, practiceId),
    clinicians: await activeClinicians(tx, practiceId),
  }));
  const windowCutoff = new Date(now.getTime() - settings.escalationWindowMinutes * 60_000);
  const adminCutoff = now.getTime() - OUR_RULES.urgentEscalationHours * 3_600_000;
  const link = `${await appOrigin()}/alerts`;
  let sent = 0;
  for (const clinician of clinicians) {
    const member = { practiceId, userId: clinician.userId, membershipId: clinician.membershipId, role: clinician.role };
    const open = await withMemberOnBehalf(member, async (tx) => {
      const team = await tx
        .select({ clientId: careTeam.clientId })
        .from(careTeam)
        .where(and(eq(careTeam.practiceId, practiceId), eq(careTeam.membershipId, clinician.membershipId)));
      const onTeam = new Set(team.map((t) => t.clientId));
      const rows = await tx
        .select({ id: alerts.id, clientId: alerts.clientId, raisedAt: alerts.raisedAt, firstName: clients.firstName, lastName: clients.lastName })
        .from(alerts)
        .innerJoin(clients, and(eq(clients.practiceId, alerts.practiceId), eq(clients.id, alerts.clientId)))
        .where(and(eq(alerts.practiceId, practiceId), eq(alerts.tier, 'urgent'), isNull(alerts.acknowledgedAt), lte(alerts.raisedAt, windowCutoff)));
      type Stage = 'escalation_care_team' | 'escalation_admin';
      return rows.flatMap((alert): { alert: typeof alert; kind: Stage }[] => {
        if (onTeam.has(alert.clientId)) return [{ alert, kind: 'escalation_care_team' }];
        if (clinician.role === 'admin' && alert.raisedAt.getTime() <= adminCutoff) return [{ alert, kind: 'escalation_admin' }];
        return [];
      });
    });
    for (const { alert, kind } of open) {
      const message = escalationMessage({ initials: initials(alert.firstName, alert.lastName), open: hoursOpen(alert.raisedAt, now), link });
      const delivered = await deliverOnce({
        ...member,
        email: clinician.email,
        kind,
        subjectKey: alert.id,
        ...message,
        push: { title: 'Mend', body: 'An urgent alert is waiting for acknowledgement', url: '/alerts' },
        now,
        stillWanted: async (tx) => {
          const [row] = await tx
            .select({ acknowledgedAt: alerts.acknowledgedAt })
            .from(alerts)
            .where(and(eq(alerts.practiceId, practiceId), eq(alerts.id, alert.id)))
            .for('share');
          return Boolean(row) && row!.acknowledgedAt === null;
        },
      });
      if (delivered) sent++;
    }
  }
  return sent;
}

/** The `alerts.escalate` job, every minute. */
export async function runEscalations(now: Date = new Date(), practiceIds?: string[]): Promise<void> {
  await forEachPractice('alerts.escalate', async (practice) => {
    await escalateUrgentAlerts(practice, now);
  }, practiceIds);
}
