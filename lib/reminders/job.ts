import 'server-only';
import { and, eq, gte, inArray } from 'drizzle-orm';
import { withMemberOnBehalf, withPracticeSystem } from '@/lib/access/system-scope';
import { clients, memberships, notificationDeliveries, reminderPreferences, users } from '@/db/schema';
import { localDay } from '@/lib/time/day';
import { emailTransport } from '@/lib/email';
import { enqueueEmail } from '@/lib/email/outbox';
import { appOrigin } from '@/lib/invitations/links';
import { forEachPractice, type JobPractice } from '@/lib/jobs/practices';
import { effectiveReminderSettings, practiceNotificationSettings } from '@/lib/notifications/settings';
import { pushToMember } from '@/lib/push/send';
import { localClock } from '@/lib/time/day';
import { REMINDER_TEXT, reminderHold, type ReminderSettings } from './rules';
import { oneClickUnsubscribeUrl, unsubscribeUrl } from './unsubscribe';
import { clientsWithSomethingWaiting } from './waiting';

type Candidate = { clientId: string; userId: string; membershipId: string; email: string; settings: ReminderSettings };

export function reminderEmail(input: { portalUrl: string; unsubscribeUrl: string }) {
  return {
    subject: REMINDER_TEXT,
    text: [`${REMINDER_TEXT}.`, '', `Open Mend: ${input.portalUrl}`, '', `Stop these emails with one click: ${input.unsubscribeUrl}`].join('\n'),
  };
}

/**
 * The clients whose reminder for today is due now, with what it takes to send it. Accounts and choices
 * are read as the practice; whether something is waiting is read on each client's own behalf, so the job
 * sees of their clinical rows only what the client would.
 */
async function dueReminders(practice: JobPractice, now: Date): Promise<Candidate[]> {
  const timely = await withPracticeSystem({ practiceId: practice.id }, async (tx) => {
    const defaults = await practiceNotificationSettings(tx, practice.id);
    const rows = await tx
      .select({ clientId: clients.id, userId: users.id, membershipId: memberships.id, email: users.email, own: reminderPreferences })
      .from(clients)
      .innerJoin(users, eq(users.id, clients.userId))
      .innerJoin(memberships, and(eq(memberships.practiceId, clients.practiceId), eq(memberships.userId, clients.userId), eq(memberships.role, 'client')))
      .leftJoin(reminderPreferences, and(eq(reminderPreferences.practiceId, clients.practiceId), eq(reminderPreferences.clientId, clients.id)))
      .where(and(eq(clients.practiceId, practice.id), eq(clients.status, 'active'), eq(memberships.status, 'active')));
    // First the holds that need no reading (off, paused, before the time, quiet hours).
    const candidates = rows
      .map(({ own, ...r }) => ({ ...r, settings: effectiveReminderSettings(own, defaults, practice.timeZone) }))
      .filter((r) => reminderHold(r.settings, now, { sentInLast7Days: 0, somethingWaiting: true }) === null);
    if (!candidates.length) return [];
    const recent = await tx
      .select({ membershipId: notificationDeliveries.membershipId, subjectKey: notificationDeliveries.subjectKey })
      .from(notificationDeliveries)
      .where(
        and(
          eq(notificationDeliveries.practiceId, practice.id),
          inArray(notificationDeliveries.membershipId, candidates.map((r) => r.membershipId)),
          eq(notificationDeliveries.kind, 'reminder'),
          gte(notificationDeliveries.createdAt, new Date(now.getTime() - 7 * 86_400_000)),
        ),
      );
    return candidates.flatMap((r) => {
      const sent = recent.filter((d) => d.membershipId === r.membershipId);
      if (sent.some((d) => d.subjectKey === localClock(now, r.settings.timeZone).day)) return [];
      // Under the cap and not yet sent today: only whether something is waiting is left to read.
      if (reminderHold(r.settings, now, { sentInLast7Days: sent.length, somethingWaiting: true }) !== null) return [];
      return [r];
    });
  });
  const today = localDay(now, practice.timeZone);
  const due: Candidate[] = [];
  for (const candidate of timely) {
    const member = { practiceId: practice.id, userId: candidate.userId, membershipId: candidate.membershipId, role: 'client' as const, clientId: candidate.clientId };
    const waiting = await withMemberOnBehalf(member, (tx) => clientsWithSomethingWaiting(tx, practice.id, [candidate.clientId], today, practice.timeZone));
    if (waiting.has(candidate.clientId)) due.push(candidate);
  }
  return due;
}

/**
 * Sends one client's reminder for their local day, at most once: the delivery row's unique key is
 * claimed first, in the same transaction as the email's outbox row, so of two workers only one
 * writes either. Push goes out after the claim commits, from the worker that made it.
 */
export async function sendReminder(practiceId: string, candidate: Candidate, now: Date): Promise<boolean> {
  const day = localClock(now, candidate.settings.timeZone).day;
  const origin = await appOrigin();
  const withEmail = candidate.settings.email && emailTransport() !== null;
  const claimed = await withPracticeSystem({ practiceId }, async (tx) => {
    const [row] = await tx
      .insert(notificationDeliveries)
      .values({ practiceId, membershipId: candidate.membershipId, kind: 'reminder', subjectKey: day, emailed: withEmail, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: notificationDeliveries.id });
    if (!row) return null;
    if (withEmail) {
      const target = { practiceId, clientId: candidate.clientId, channel: 'email' } as const;
      const mail = reminderEmail({ portalUrl: `${origin}/portal`, unsubscribeUrl: await unsubscribeUrl(target) });
      await enqueueEmail(tx, { practiceId, kind: 'reminder', to: candidate.email, ...mail, unsubscribeUrl: await oneClickUnsubscribeUrl(target) });
    }
    return row.id;
  });
  if (!claimed) return false;
  if (candidate.settings.push) {
    const pushed = await pushToMember(practiceId, candidate.membershipId, { title: 'Mend', body: REMINDER_TEXT, url: '/portal' });
    if (pushed) {
      await withPracticeSystem({ practiceId }, (tx) =>
        tx
          .update(notificationDeliveries)
          .set({ pushed })
          .where(and(eq(notificationDeliveries.practiceId, practiceId), eq(notificationDeliveries.id, claimed))),
      );
    }
  }
  return true;
}

export async function sendDueReminders(practice: JobPractice, now: Date = new Date()): Promise<number> {
  let sent = 0;
  for (const candidate of await dueReminders(practice, now)) {
    if (await sendReminder(practice.id, candidate, now)) sent++;
  }
  return sent;
}

/** The `reminders.tick` job, every minute. */
export async function runReminders(now: Date = new Date(), practiceIds?: string[]): Promise<void> {
  await forEachPractice('reminders.tick', async (practice) => {
    await sendDueReminders(practice, now);
  }, practiceIds);
}
