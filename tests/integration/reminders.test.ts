import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailOutbox, notificationDeliveries, reminderPreferences } from '../../db/schema';
import { ownerScoped } from '../../db/seed/factories';
import { sendDueEmail } from '../../lib/email/outbox';
import { createJobQueue } from '../../lib/jobs/queue';
import { saveReminderPreferences, unsubscribeAction } from '../../lib/reminders/actions';
import { sendDueReminders } from '../../lib/reminders/job';
import { unsubscribeToken } from '../../lib/reminders/unsubscribe';
import { openTestDatabase } from '../support/database';
import { type TestPractice, actAs, makePractice } from '../support/factories';
import { readable, smtpSinkForFile } from '../support/smtp-sink';

const sink = smtpSinkForFile();

const practiceOf = (p: TestPractice) => ({ id: p.id, timeZone: 'America/New_York' });

async function choose(p: TestPractice, prefs: Record<string, string>) {
  actAs(p.clientA1, p.id);
  const result = await saveReminderPreferences(null, { enabled: 'on', email: 'on', quietStart: '22:00', quietEnd: '07:00', weeklyCap: '7', ...prefs });
  expect(result).toMatchObject({ ok: true });
}

async function remindersTo(p: TestPractice, email: string) {
  const owner = await (await openTestDatabase()).owner();
  return ownerScoped(owner, p.id, (tx) =>
    tx
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.practiceId, p.id), eq(emailOutbox.kind, 'reminder'), eq(emailOutbox.toAddress, email))),
  );
}

async function deliveriesTo(p: TestPractice, membershipId: string) {
  const owner = await (await openTestDatabase()).owner();
  return ownerScoped(owner, p.id, (tx) =>
    tx
      .select()
      .from(notificationDeliveries)
      .where(and(eq(notificationDeliveries.practiceId, p.id), eq(notificationDeliveries.membershipId, membershipId))),
  );
}

describe('client reminders', () => {
  it("go out at the client's chosen time in their own time zone, once that day, with nothing clinical in them", async () => {
    const p = await makePractice();
    await choose(p, { checkinTime: '09:00', timeZone: 'Asia/Tokyo' });
    // 23:59 UTC on 1 December is 08:59 on 2 December in Tokyo (and 18:59 the day before in the practice's New York).
    await sendDueReminders(practiceOf(p), new Date('2026-12-01T23:59:00Z'));
    expect(await remindersTo(p, p.clientA1.email)).toHaveLength(0);
    await sendDueReminders(practiceOf(p), new Date('2026-12-02T00:01:00Z'));
    await sendDueReminders(practiceOf(p), new Date('2026-12-02T03:00:00Z'));
    const queued = await remindersTo(p, p.clientA1.email);
    expect(queued).toHaveLength(1);
    const [delivery] = await deliveriesTo(p, p.clientA1.membershipId);
    expect(delivery).toMatchObject({ kind: 'reminder', subjectKey: '2026-12-02' });

    await sendDueEmail(p.id);
    const arrived = sink.messages.filter((m) => m.to.includes(p.clientA1.email));
    expect(arrived).toHaveLength(1);
    const text = readable(arrived[0]!.raw);
    expect(text).toContain('You have something waiting in Mend');
    expect(text).toMatch(/List-Unsubscribe:\s+<http[^>]+\/unsubscribe\/[A-Za-z0-9_.-]+>/);
    expect(text).not.toMatch(/check-in|homework|PHQ|GAD|questionnaire|mood|therap/i);
    expect(text).not.toContain(p.clientA1.name);
  });

  it('wait for quiet hours to end, the same day', async () => {
    const p = await makePractice();
    await choose(p, { checkinTime: '08:00', timeZone: 'Europe/London', quietStart: '08:30', quietEnd: '10:00' });
    // The job missed 08:00–08:30 (say it was down): inside quiet hours nothing goes out.
    await sendDueReminders(practiceOf(p), new Date('2026-12-03T08:45:00Z'));
    expect(await remindersTo(p, p.clientA1.email)).toHaveLength(0);
    await sendDueReminders(practiceOf(p), new Date('2026-12-03T10:05:00Z'));
    expect(await remindersTo(p, p.clientA1.email)).toHaveLength(1);
  });

  it('a time inside quiet hours is refused beside the field, and nothing is saved', async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    const result = await saveReminderPreferences(null, {
      enabled: 'on', email: 'on', checkinTime: '23:00', timeZone: 'UTC', quietStart: '22:00', quietEnd: '07:00', weeklyCap: '7',
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { checkinTime: [expect.stringContaining('quiet hours')] } });
    const owner = await (await openTestDatabase()).owner();
    const rows = await ownerScoped(owner, p.id, (tx) => tx.select().from(reminderPreferences).where(eq(reminderPreferences.practiceId, p.id)));
    expect(rows).toHaveLength(0);
  });

  it('one-click unsubscribe is honoured at once: a waiting reminder email is cancelled and no further one is written', async () => {
    const p = await makePractice();
    await choose(p, { checkinTime: '09:00', timeZone: 'UTC' });
    await sendDueReminders(practiceOf(p), new Date('2026-12-04T09:10:00Z'));
    expect(await remindersTo(p, p.clientA1.email)).toMatchObject([{ status: 'pending' }]);

    actAs(null);
    const token = unsubscribeToken({ practiceId: p.id, clientId: p.clientA1.clientId, channel: 'email' });
    expect(await unsubscribeAction(null, { token })).toMatchObject({ ok: true, data: { channel: 'email' } });
    expect(await remindersTo(p, p.clientA1.email)).toMatchObject([{ status: 'cancelled' }]);
    await sendDueEmail(p.id);
    expect(sink.messages.filter((m) => m.to.includes(p.clientA1.email))).toHaveLength(0);

    await sendDueReminders(practiceOf(p), new Date('2026-12-05T09:10:00Z'));
    expect(await remindersTo(p, p.clientA1.email)).toHaveLength(1);
    // A forged or altered token changes nothing.
    expect(await unsubscribeAction(null, { token: `${token.slice(0, -2)}xx` })).toMatchObject({ ok: false });
  });

  it('respect the weekly cap and a pause', async () => {
    const p = await makePractice();
    await choose(p, { checkinTime: '09:00', timeZone: 'UTC', weeklyCap: '2' });
    for (const day of ['06', '07', '08', '09']) await sendDueReminders(practiceOf(p), new Date(`2026-12-${day}T09:30:00Z`));
    expect(await remindersTo(p, p.clientA1.email)).toHaveLength(2);

    const q = await makePractice();
    await choose(q, { checkinTime: '09:00', timeZone: 'UTC', pausedUntil: '2026-12-07' });
    await sendDueReminders(practiceOf(q), new Date('2026-12-07T09:30:00Z'));
    expect(await remindersTo(q, q.clientA1.email)).toHaveLength(0);
    await sendDueReminders(practiceOf(q), new Date('2026-12-08T09:30:00Z'));
    expect(await remindersTo(q, q.clientA1.email)).toHaveLength(1);
  });

  it('two workers never send a reminder twice', async () => {
    const p = await makePractice();
    // Due all day, every day, so the queue's own clock (now) finds it due.
    await choose(p, { checkinTime: '00:00', timeZone: 'UTC', quietStart: '00:00', quietEnd: '00:00' });
    const workers = [
      await createJobQueue({ work: true, schedule: false, pollingIntervalSeconds: 0.5 }),
      await createJobQueue({ work: true, schedule: false, pollingIntervalSeconds: 0.5 }),
    ];
    try {
      // The same tick, run directly by several callers at once and through both workers' queues.
      const [, , ...jobIds] = await Promise.all([
        sendDueReminders(practiceOf(p)),
        sendDueReminders(practiceOf(p)),
        workers[0]!.send('reminders.tick', { practiceIds: [p.id] }),
        workers[1]!.send('reminders.tick', { practiceIds: [p.id] }),
      ]);
      // Wait until the queue has run what it accepted (a stately queue may fold the second send into the first).
      const deadline = Date.now() + 15_000;
      for (const id of jobIds.filter((j): j is string => typeof j === 'string')) {
        while (Date.now() < deadline) {
          const job = await workers[0]!.getJobById('reminders.tick', id);
          if (job && ['completed', 'failed'].includes(job.state)) break;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    } finally {
      await Promise.all(workers.map((w) => w.stop({ graceful: true, close: true, timeout: 5_000 })));
    }
    expect(await deliveriesTo(p, p.clientA1.membershipId)).toHaveLength(1);
    expect(await remindersTo(p, p.clientA1.email)).toHaveLength(1);
    await Promise.all([sendDueEmail(p.id), sendDueEmail(p.id)]);
    expect(sink.messages.filter((m) => m.to.includes(p.clientA1.email))).toHaveLength(1);
  });
});
