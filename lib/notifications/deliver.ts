import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { withMemberOnBehalf, withPracticeSystem } from '@/lib/access/system-scope';
import { notificationDeliveries } from '@/db/schema';
import { emailTransport } from '@/lib/email';
import { enqueueEmail } from '@/lib/email/outbox';
import { pushToMember } from '@/lib/push/send';

export type ClinicianNotice = {
  practiceId: string;
  membershipId: string;
  /** The clinician the notice is for: the claim reads (stillWanted) only what they may read. */
  userId: string;
  role: 'therapist' | 'admin';
  email: string;
  kind: 'escalation_care_team' | 'escalation_admin' | 'digest';
  subjectKey: string;
  subject: string;
  text: string;
  push: { title: string; body: string; url: string } | null;
  now: Date;
  /** Checked inside the claiming transaction: false sends nothing (e.g. the alert was acknowledged meanwhile). */
  stillWanted?: (tx: Tx) => Promise<boolean>;
};

/**
 * Sends one notice to one clinician at most once: the delivery row's unique key and the email's
 * outbox row are written in one transaction; push follows from the worker that won the claim.
 */
export async function deliverOnce(notice: ClinicianNotice): Promise<boolean> {
  const withEmail = emailTransport() !== null;
  const member = { practiceId: notice.practiceId, userId: notice.userId, membershipId: notice.membershipId, role: notice.role };
  const claimed = await withMemberOnBehalf(member, async (tx) => {
    if (notice.stillWanted && !(await notice.stillWanted(tx))) return null;
    const [row] = await tx
      .insert(notificationDeliveries)
      .values({
        practiceId: notice.practiceId,
        membershipId: notice.membershipId,
        kind: notice.kind,
        subjectKey: notice.subjectKey,
        emailed: withEmail,
        createdAt: notice.now,
      })
      .onConflictDoNothing()
      .returning({ id: notificationDeliveries.id });
    if (!row) return null;
    if (withEmail) {
      await enqueueEmail(tx, { practiceId: notice.practiceId, kind: 'notification', to: notice.email, subject: notice.subject, text: notice.text });
    }
    return row.id;
  });
  if (!claimed) return false;
  if (notice.push) {
    const pushed = await pushToMember(notice.practiceId, notice.membershipId, notice.push);
    if (pushed) {
      await withPracticeSystem({ practiceId: notice.practiceId }, (tx) =>
        tx
          .update(notificationDeliveries)
          .set({ pushed })
          .where(and(eq(notificationDeliveries.practiceId, notice.practiceId), eq(notificationDeliveries.id, claimed))),
      );
    }
  }
  return true;
}
