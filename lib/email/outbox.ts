import 'server-only';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { withPracticeSystem } from '@/lib/access/system-scope';
import { emailOutbox } from '@/db/schema';
import { errorLabel, forEachPractice } from '@/lib/jobs/practices';
import { sendEmail } from './index';
import { emailRetryDelayMs, MAX_EMAIL_ATTEMPTS } from './outbox-policy';

export type OutboxKind = 'invitation' | 'reset' | 'verification' | 'reminder' | 'notification';

export type QueuedEmail = {
  practiceId: string;
  kind: OutboxKind;
  to: string;
  subject: string;
  text: string;
  /** The RFC 8058 one-click address (reminders), sent as List-Unsubscribe with List-Unsubscribe-Post. */
  unsubscribeUrl?: string | null;
};

/** RFC 8058: the header names a URL that unsubscribes on a POST, and says that POST needs nothing else. */
export function oneClickUnsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/**
 * Writes an email into the outbox inside the caller's transaction: it is sent only if the change that
 * caused it commits, and it is not lost if the mail server is down when it does.
 */
export async function enqueueEmail(tx: Tx, mail: QueuedEmail): Promise<string> {
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      practiceId: mail.practiceId,
      kind: mail.kind,
      toAddress: mail.to,
      subject: mail.subject,
      body: mail.text,
      unsubscribeUrl: mail.unsubscribeUrl ?? null,
    })
    .returning({ id: emailOutbox.id });
  return row!.id;
}

/**
 * Sends one due message of the practice, if any. The row stays locked (SKIP LOCKED for everyone else)
 * while it is handed to the mail server, so two workers never send the same message; it is marked sent
 * in the same transaction. Returns what happened, or null when nothing was due.
 */
async function sendNextDue(practiceId: string, now: Date): Promise<'sent' | 'failed' | null> {
  return withPracticeSystem({ practiceId }, async (tx) => {
    const [row] = await tx
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.practiceId, practiceId), eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, now)))
      .orderBy(asc(emailOutbox.nextAttemptAt))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!row) return null;
    const key = and(eq(emailOutbox.practiceId, practiceId), eq(emailOutbox.id, row.id));
    try {
      await sendEmail({
        to: row.toAddress,
        subject: row.subject,
        text: row.body ?? '',
        messageId: `<${row.id}@outbox.mend>`,
        headers: row.unsubscribeUrl ? oneClickUnsubscribeHeaders(row.unsubscribeUrl) : undefined,
      });
    } catch (error) {
      const attempts = row.attempts + 1;
      await tx
        .update(emailOutbox)
        .set({
          attempts,
          lastError: errorLabel(error),
          status: attempts >= MAX_EMAIL_ATTEMPTS ? 'failed' : 'pending',
          nextAttemptAt: new Date(now.getTime() + emailRetryDelayMs(attempts)),
        })
        .where(key);
      return 'failed';
    }
    // The body may hold a single-use link: it is not kept once delivered.
    await tx
      .update(emailOutbox)
      .set({ status: 'sent', sentAt: sql`now()`, attempts: row.attempts + 1, body: null, lastError: null })
      .where(key);
    return 'sent';
  });
}

/** Sends what is due for one practice (at most `limit` messages a run); throws when any attempt failed. */
export async function sendDueEmail(practiceId: string, now: Date = new Date(), limit = 100): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await sendNextDue(practiceId, now);
    if (!outcome) break;
    if (outcome === 'sent') sent++;
    else failed++;
  }
  if (failed) throw Object.assign(new Error('email delivery failed'), { name: 'EmailDeliveryFailed', sent, failed });
  return { sent, failed };
}

/** The `email.dispatch` job: every practice's due messages. */
export async function dispatchOutbox(now: Date = new Date(), practiceIds?: string[]): Promise<void> {
  await forEachPractice('email.dispatch', async (practice) => {
    await sendDueEmail(practice.id, now);
  }, practiceIds);
}
