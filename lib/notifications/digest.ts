import 'server-only';
import { and, count, eq, gte, inArray, isNull, notExists } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { withMemberOnBehalf, withPracticeSystem } from '@/lib/access/system-scope';
import { alerts, careTeam, checkins, clients, clinicianNotificationPreferences as digestChoice, submissions } from '@/db/schema';
import { addDays } from '@/lib/time/day';
import { appOrigin } from '@/lib/invitations/links';
import { forEachPractice, type JobPractice } from '@/lib/jobs/practices';
import { localClock } from '@/lib/time/day';
import { activeClinicians } from './clinicians';
import { deliverOnce } from './deliver';

/** The digest goes out once a day, from this local time on. */
export const DIGEST_TIME_MINUTES = 7 * 60;

export type DigestCounts = { toReview: number; urgentOpen: number; followUpOpen: number; quietClients: number };

/** Counts only: no names, no answers, nothing a stray forward could leak. */
export function digestMessage(counts: DigestCounts, link: string) {
  return {
    subject: 'Your Mend daily summary',
    text: [
      'Your caseload today:',
      `- ${counts.toReview} submission(s) to review`,
      `- ${counts.urgentOpen} urgent and ${counts.followUpOpen} follow-up alert(s) open`,
      `- ${counts.quietClients} client(s) without a check-in for 7 days`,
      '',
      `Open Mend: ${link}`,
      '',
      'You receive this because you turned on the daily summary in your account settings.',
    ].join('\n'),
  };
}

async function countsFor(tx: Tx, practiceId: string, membershipId: string, today: string): Promise<DigestCounts> {
  const team = await tx
    .select({ clientId: careTeam.clientId })
    .from(careTeam)
    .innerJoin(clients, and(eq(clients.practiceId, careTeam.practiceId), eq(clients.id, careTeam.clientId)))
    .where(and(eq(careTeam.practiceId, practiceId), eq(careTeam.membershipId, membershipId), eq(clients.status, 'active')));
  const ids = team.map((t) => t.clientId);
  if (!ids.length) return { toReview: 0, urgentOpen: 0, followUpOpen: 0, quietClients: 0 };
  const [[review], open, [quiet]] = await Promise.all([
    tx
      .select({ n: count() })
      .from(submissions)
      .where(and(eq(submissions.practiceId, practiceId), inArray(submissions.clientId, ids), eq(submissions.status, 'submitted'))),
    tx
      .select({ tier: alerts.tier, n: count() })
      .from(alerts)
      .where(and(eq(alerts.practiceId, practiceId), inArray(alerts.clientId, ids), isNull(alerts.acknowledgedAt)))
      .groupBy(alerts.tier),
    tx
      .select({ n: count() })
      .from(clients)
      .where(
        and(
          eq(clients.practiceId, practiceId),
          inArray(clients.id, ids),
          notExists(
            tx
              .select({ one: checkins.id })
              .from(checkins)
              .where(and(eq(checkins.practiceId, clients.practiceId), eq(checkins.clientId, clients.id), gte(checkins.localDay, addDays(today, -6)))),
          ),
        ),
      ),
  ]);
  const tierCount = (tier: string) => Number(open.find((o) => o.tier === tier)?.n ?? 0);
  return { toReview: Number(review?.n ?? 0), urgentOpen: tierCount('urgent'), followUpOpen: tierCount('follow_up'), quietClients: Number(quiet?.n ?? 0) };
}

/**
 * Sends today's digest to each clinician who opted in, once per local day of the practice. The counts
 * are read on the clinician's behalf, so they cover only what that person may see.
 */
export async function sendDailyDigests(practice: JobPractice, now: Date = new Date()): Promise<number> {
  const clock = localClock(now, practice.timeZone);
  if (clock.minutes < DIGEST_TIME_MINUTES) return 0;
  const optedIn = await withPracticeSystem({ practiceId: practice.id }, async (tx) => {
    const choices = await tx
      .select({ membershipId: digestChoice.membershipId })
      .from(digestChoice)
      .where(and(eq(digestChoice.practiceId, practice.id), eq(digestChoice.dailyDigest, true)));
    const wanted = new Set(choices.map((c) => c.membershipId));
    return (await activeClinicians(tx, practice.id)).filter((c) => wanted.has(c.membershipId));
  });
  const link = `${await appOrigin()}/caseload`;
  let sent = 0;
  for (const clinician of optedIn) {
    const member = { practiceId: practice.id, userId: clinician.userId, membershipId: clinician.membershipId, role: clinician.role };
    const counts = await withMemberOnBehalf(member, (tx) => countsFor(tx, practice.id, clinician.membershipId, clock.day));
    const delivered = await deliverOnce({
      ...member,
      email: clinician.email,
      kind: 'digest',
      subjectKey: clock.day,
      ...digestMessage(counts, link),
      push: null,
      now,
    });
    if (delivered) sent++;
  }
  return sent;
}

/** The `digest.daily` job, every 15 minutes: idempotent, so a missed run is made up by the next. */
export async function runDigests(now: Date = new Date(), practiceIds?: string[]): Promise<void> {
  await forEachPractice('digest.daily', async (practice) => {
    await sendDailyDigests(practice, now);
  }, practiceIds);
}
