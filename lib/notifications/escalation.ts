import 'server-only';
import { and, eq, isNull, lte } from 'drizzle-orm';
import { scopedTransaction } from '@/db/client';
import { alerts, careTeam, clients, memberships, users } from '@/db/schema';
import { appOrigin } from '@/lib/invitations/links';
import { forEachPractice, type JobPractice } from '@/lib/jobs/practices';
import { OUR_RULES } from '@/lib/measures/rules';
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
 * notified; after CLINICAL's 24 hours (when the alert also shows to them) the practice's admins. Each
 * person once per alert and stage; an acknowledged alert notifies no one further.
 */
export async function escalateUrgentAlerts(practice: JobPractice, now: Date = new Date()): Promise<number> {
  const practiceId = practice.id;
  const plan = await scopedTransaction({ practiceId }, async (tx) => {
    const settings = await practiceNotificationSettings(tx, practiceId);
    const open = await tx
      .select({ id: alerts.id, clientId: alerts.clientId, raisedAt: alerts.raisedAt, firstName: clients.firstName, lastName: clients.lastName })
      .from(alerts)
      .innerJoin(clients, and(eq(clients.practiceId, alerts.practiceId), eq(clients.id, alerts.clientId)))
      .where(
        and(
          eq(alerts.practiceId, practiceId),
          eq(alerts.tier, 'urgent'),
          isNull(alerts.acknowledgedAt),
          lte(alerts.raisedAt, new Date(now.getTime() - settings.escalationWindowMinutes * 60_000)),
        ),
      );
    if (!open.length) return [];
    const team = await tx
      .select({ clientId: careTeam.clientId, membershipId: memberships.id, email: users.email })
      .from(careTeam)
      .innerJoin(memberships, and(eq(memberships.practiceId, careTeam.practiceId), eq(memberships.id, careTeam.membershipId)))
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(careTeam.practiceId, practiceId), eq(users.status, 'active')));
    const admins = await tx
      .select({ membershipId: memberships.id, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.practiceId, practiceId), eq(memberships.role, 'admin'), eq(users.status, 'active')));
    const adminCutoff = now.getTime() - OUR_RULES.urgentEscalationHours * 3_600_000;
    return open.flatMap((alert) => {
      const careTeamNotices = team.filter((m) => m.clientId === alert.clientId).map((m) => ({ alert, ...m, kind: 'escalation_care_team' as const }));
      const adminNotices = alert.raisedAt.getTime() <= adminCutoff ? admins.map((m) => ({ alert, ...m, kind: 'escalation_admin' as const })) : [];
      return [...careTeamNotices, ...adminNotices];
    });
  });
  let sent = 0;
  const link = `${await appOrigin()}/alerts`;
  for (const notice of plan) {
    const message = escalationMessage({ initials: initials(notice.alert.firstName, notice.alert.lastName), open: hoursOpen(notice.alert.raisedAt, now), link });
    const delivered = await deliverOnce({
      practiceId,
      membershipId: notice.membershipId,
      email: notice.email,
      kind: notice.kind,
      subjectKey: notice.alert.id,
      ...message,
      push: { title: 'Mend', body: 'An urgent alert is waiting for acknowledgement', url: '/alerts' },
      now,
      stillWanted: async (tx) => {
        const [row] = await tx
          .select({ acknowledgedAt: alerts.acknowledgedAt })
          .from(alerts)
          .where(and(eq(alerts.practiceId, practiceId), eq(alerts.id, notice.alert.id)))
          .for('share');
        return Boolean(row) && row!.acknowledgedAt === null;
      },
    });
    if (delivered) sent++;
  }
  return sent;
}

/** The `alerts.escalate` job, every minute. */
export async function runEscalations(now: Date = new Date(), practiceIds?: string[]): Promise<void> {
  await forEachPractice('alerts.escalate', async (practice) => {
    await escalateUrgentAlerts(practice, now);
  }, practiceIds);
}
