import 'server-only';
import { and, count, eq, gte } from 'drizzle-orm';
import { emailOutbox, jobRuns } from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { withActor } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';
import { practiceNotificationSettings } from '@/lib/notifications/settings';
import type { PracticeReminderDefaults } from '@/lib/reminders/rules';
import { jobQueueMode } from './queue';
import { JOBS, JOB_NAMES } from './registry';

export type JobStatusRow = {
  job: string;
  label: string;
  lastSucceededAt: Date | null;
  lastFailedAt: Date | null;
  failuresInARow: number;
  totalFailures: number;
  lastError: string | null;
};

export type BackgroundStatus = {
  mode: string;
  jobs: JobStatusRow[];
  email: { waiting: number; failed: number; sentLastDay: number };
  settings: PracticeReminderDefaults;
};

/**
 * The admin's view of background work for their practice: when each job last ran for it, its
 * failures, and how much email is waiting. Counts and times only; nothing about any client.
 */
export async function backgroundStatus(actor: Actor, now: Date = new Date()): Promise<BackgroundStatus> {
  assertCan(actor, 'practice.settings');
  return withActor(actor, async (tx) => {
    const runs = await tx.select().from(jobRuns).where(eq(jobRuns.practiceId, actor.practiceId));
    const outbox = await tx
      .select({ status: emailOutbox.status, n: count() })
      .from(emailOutbox)
      .where(eq(emailOutbox.practiceId, actor.practiceId))
      .groupBy(emailOutbox.status);
    const [sent] = await tx
      .select({ n: count() })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.practiceId, actor.practiceId), eq(emailOutbox.status, 'sent'), gte(emailOutbox.sentAt, new Date(now.getTime() - 86_400_000))));
    const byStatus = (status: string) => Number(outbox.find((o) => o.status === status)?.n ?? 0);
    return {
      mode: jobQueueMode(),
      jobs: JOB_NAMES.map((job) => {
        const run = runs.find((r) => r.job === job);
        return {
          job,
          label: JOBS[job].label,
          lastSucceededAt: run?.lastSucceededAt ?? null,
          lastFailedAt: run?.lastFailedAt ?? null,
          failuresInARow: run?.failuresInARow ?? 0,
          totalFailures: run?.totalFailures ?? 0,
          lastError: run?.lastError ?? null,
        };
      }),
      email: { waiting: byStatus('pending'), failed: byStatus('failed'), sentLastDay: Number(sent?.n ?? 0) },
      settings: await practiceNotificationSettings(tx, actor.practiceId),
    };
  });
}
