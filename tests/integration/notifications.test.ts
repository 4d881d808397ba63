import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailOutbox } from '../../db/schema';
import { ownerScoped } from '../../db/seed/factories';
import { acknowledgeAlert } from '../../lib/alerts/actions';
import { sendDueEmail } from '../../lib/email/outbox';
import { saveDigestPreference, savePracticeNotificationSettings } from '../../lib/notifications/actions';
import { sendDailyDigests } from '../../lib/notifications/digest';
import { escalateUrgentAlerts } from '../../lib/notifications/escalation';
import { openTestDatabase } from '../support/database';
import { type TestPractice, actAs, makePractice } from '../support/factories';
import { insertAlert } from '../support/clinical';
import { readable, smtpSinkForFile } from '../support/smtp-sink';

const sink = smtpSinkForFile();
const MINUTE = 60_000;
const practiceOf = (p: TestPractice) => ({ id: p.id, timeZone: 'America/New_York' });

async function urgentAlert(p: TestPractice, raisedAt: Date): Promise<string> {
  const hoursAgo = (Date.now() - raisedAt.getTime()) / 3_600_000;
  return insertAlert(p.id, p.clientA1.clientId, 'phq9_urgent', { hoursAgo, reason: 'CLINICAL-REASON-TEXT' });
}

async function noticesTo(p: TestPractice, email: string) {
  const owner = await (await openTestDatabase()).owner();
  return ownerScoped(owner, p.id, (tx) =>
    tx.select().from(emailOutbox).where(and(eq(emailOutbox.practiceId, p.id), eq(emailOutbox.kind, 'notification'), eq(emailOutbox.toAddress, email))),
  );
}

describe('urgent alert escalation', () => {
  it("notifies the care team once the practice's window has passed, then the admins at 24 hours, each once", async () => {
    const p = await makePractice();
    actAs(p.admin, p.id);
    expect(
      await savePracticeNotificationSettings(null, {
        remindersOnByDefault: 'on', defaultCheckinTime: '19:00', defaultQuietStart: '21:00', defaultQuietEnd: '08:00',
        defaultWeeklyCap: '7', escalationWindowMinutes: '30',
      }),
    ).toMatchObject({ ok: true });
    // Raised 25 hours ago: the database's own clock (which row-level security reads) agrees it has waited past 24 hours.
    const raisedAt = new Date(Date.now() - 25 * 60 * MINUTE);
    await urgentAlert(p, raisedAt);

    await escalateUrgentAlerts(practiceOf(p), new Date(raisedAt.getTime() + 29 * MINUTE));
    expect(await noticesTo(p, p.therapist.email)).toHaveLength(0);

    await escalateUrgentAlerts(practiceOf(p), new Date(raisedAt.getTime() + 31 * MINUTE));
    await escalateUrgentAlerts(practiceOf(p), new Date(raisedAt.getTime() + 40 * MINUTE));
    expect(await noticesTo(p, p.therapist.email)).toHaveLength(1);
    expect(await noticesTo(p, p.otherTherapist.email)).toHaveLength(0);
    expect(await noticesTo(p, p.admin.email)).toHaveLength(0);

    await escalateUrgentAlerts(practiceOf(p), new Date(raisedAt.getTime() + 24 * 60 * MINUTE + MINUTE));
    expect(await noticesTo(p, p.admin.email)).toHaveLength(1);
    expect(await noticesTo(p, p.therapist.email)).toHaveLength(1);

    await sendDueEmail(p.id);
    const mail = readable(sink.messages.find((m) => m.to.includes(p.therapist.email))!.raw);
    expect(mail).toContain('client C.O.');
    expect(mail).toContain('/alerts');
    expect(mail).not.toContain('CLINICAL-REASON-TEXT');
    expect(mail).not.toMatch(/PHQ|item 9|harm/i);
  });

  it('stops once the alert is acknowledged', async () => {
    const p = await makePractice();
    const now = Date.now();
    const alertId = await urgentAlert(p, new Date(now - 2 * 60 * MINUTE));
    await escalateUrgentAlerts(practiceOf(p), new Date(now));
    expect(await noticesTo(p, p.therapist.email)).toHaveLength(1);

    actAs(p.therapist, p.id);
    expect(await acknowledgeAlert(null, { alertId, action: 'contacted_client' })).toMatchObject({ ok: true });
    // A day later nobody else is told, and the care team is not told again.
    await escalateUrgentAlerts(practiceOf(p), new Date(now + 26 * 60 * MINUTE));
    expect(await noticesTo(p, p.admin.email)).toHaveLength(0);
    expect(await noticesTo(p, p.therapist.email)).toHaveLength(1);

    const acknowledgedFirst = await urgentAlert(p, new Date(now - 3 * 60 * MINUTE));
    expect(await acknowledgeAlert(null, { alertId: acknowledgedFirst, action: 'scheduled_session' })).toMatchObject({ ok: true });
    await escalateUrgentAlerts(practiceOf(p), new Date(now + 30 * 60 * MINUTE));
    expect(await noticesTo(p, p.therapist.email)).toHaveLength(1);
  });
});

describe('daily digest', () => {
  it('goes once a day from 07:00 practice time to clinicians who opted in, with counts only', async () => {
    const p = await makePractice();
    await urgentAlert(p, new Date('2026-12-11T10:00:00Z'));
    actAs(p.therapist, p.id);
    expect(await saveDigestPreference(null, { dailyDigest: 'on' })).toMatchObject({ ok: true });

    // 06:59 and 07:30 in New York.
    await sendDailyDigests(practiceOf(p), new Date('2026-12-12T11:59:00Z'));
    expect(await noticesTo(p, p.therapist.email)).toHaveLength(0);
    await sendDailyDigests(practiceOf(p), new Date('2026-12-12T12:30:00Z'));
    await sendDailyDigests(practiceOf(p), new Date('2026-12-12T15:00:00Z'));
    const digests = await noticesTo(p, p.therapist.email);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.body).toContain('1 urgent and 0 follow-up alert(s) open');
    expect(digests[0]!.body).toContain('1 client(s) without a check-in for 7 days');
    expect(digests[0]!.body).not.toContain(p.clientA1.name);
    expect(await noticesTo(p, p.otherTherapist.email)).toHaveLength(0);
  });
});
