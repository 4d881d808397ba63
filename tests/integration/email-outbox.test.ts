import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailOutbox, invitations } from '../../db/schema';
import { ownerScoped } from '../../db/seed/factories';
import { scopedTransaction } from '../../db/client';
import { enqueueEmail, sendDueEmail } from '../../lib/email/outbox';
import { inviteMember } from '../../lib/invitations/actions';
import { createJobQueue } from '../../lib/jobs/queue';
import { openTestDatabase } from '../support/database';
import { actAs, makePractice } from '../support/factories';
import { readable, smtpSinkForFile } from '../support/smtp-sink';

const sink = smtpSinkForFile();

async function outboxRows(practiceId: string) {
  const owner = await (await openTestDatabase()).owner();
  return ownerScoped(owner, practiceId, (tx) => tx.select().from(emailOutbox).where(eq(emailOutbox.practiceId, practiceId)));
}

const to = (label: string) => `${label}-${randomUUID().slice(0, 8)}@test.example`;
const arrivedFor = (address: string) => sink.messages.filter((m) => m.to.includes(address));

describe('email through the outbox', () => {
  it('survives an SMTP outage: the invitation is saved, its email waits, and is sent exactly once when the server is back', async () => {
    const a = await makePractice();
    const address = to('outage');
    await sink.stop();
    try {
      actAs(a.admin, a.id);
      const result = await inviteMember(null, { email: address, role: 'therapist' });
      expect(result).toMatchObject({ ok: true, data: { emailed: true, link: null } });
      const owner = await (await openTestDatabase()).owner();
      const saved = await ownerScoped(owner, a.id, (tx) => tx.select().from(invitations).where(eq(invitations.practiceId, a.id)));
      expect(saved).toHaveLength(1);

      // The mail server is down: the attempt fails, nothing is lost, the next attempt is scheduled.
      await expect(sendDueEmail(a.id)).rejects.toThrow('email delivery failed');
      const [waiting] = await outboxRows(a.id);
      expect(waiting).toMatchObject({ status: 'pending', attempts: 1, kind: 'invitation' });
      expect(waiting!.lastError).toBeTruthy();
      expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
      // Not due again yet: a run now sends nothing and makes no second attempt.
      expect(await sendDueEmail(a.id)).toEqual({ sent: 0, failed: 0 });
    } finally {
      await sink.start();
    }

    const later = new Date(Date.now() + 60 * 60_000);
    // Several runs at once, as from several workers: the row lock gives the message to one of them.
    const runs = await Promise.all([sendDueEmail(a.id, later), sendDueEmail(a.id, later), sendDueEmail(a.id, later)]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(await sendDueEmail(a.id, new Date(later.getTime() + 86_400_000))).toEqual({ sent: 0, failed: 0 });

    const arrived = arrivedFor(address);
    expect(arrived).toHaveLength(1);
    expect(readable(arrived[0]!.raw)).toMatch(/\/invite\/[A-Za-z0-9_-]{43}/);
    const [sent] = await outboxRows(a.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, body: null });
  });

  it('an email written in a transaction that rolls back is never sent', async () => {
    const a = await makePractice();
    await expect(
      scopedTransaction({ practiceId: a.id }, async (tx) => {
        await enqueueEmail(tx, { practiceId: a.id, kind: 'notification', to: to('rolled-back'), subject: 'x', text: 'x' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await outboxRows(a.id)).toHaveLength(0);
  });

  it('the queue runs the sending job: pg-boss picks the job up and the message arrives', async () => {
    const a = await makePractice();
    const address = to('queued');
    actAs(a.admin, a.id);
    expect((await inviteMember(null, { email: address, role: 'therapist' })).ok).toBe(true);
    const boss = await createJobQueue({ work: true, schedule: false, pollingIntervalSeconds: 0.5 });
    try {
      await boss.send('email.dispatch', { practiceIds: [a.id] });
      const deadline = Date.now() + 20_000;
      while (!arrivedFor(address).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(arrivedFor(address)).toHaveLength(1);
    } finally {
      await boss.stop({ graceful: false, close: true });
    }
  });
});
