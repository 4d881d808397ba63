import 'server-only';
import { sql } from 'drizzle-orm';
import { withPracticeSystem, withoutPractice } from '@/lib/access/system-scope';
import { jobRuns } from '@/db/schema';
import { rowsOf } from '@/db/rows';

export type JobPractice = { id: string; timeZone: string };

/** Every practice's id and time zone, through the one SECURITY DEFINER lookup (migration 0006). */
export async function jobPractices(): Promise<JobPractice[]> {
  const result = await withoutPractice((tx) => tx.execute(sql`select id, time_zone from job_practices()`));
  return rowsOf<{ id: string; time_zone: string }>(result).map((r) => ({ id: r.id, timeZone: r.time_zone }));
}

/** Only the error's name or code: a message may quote an address or a row. */
export function errorLabel(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  const name = error instanceof Error ? error.name : 'Error';
  return typeof code === 'string' || typeof code === 'number' ? `${name} ${code}` : name;
}

async function recordRun(practiceId: string, job: string, startedAt: Date, failure: unknown | null): Promise<void> {
  await withPracticeSystem({ practiceId }, async (tx) => {
    const ok = failure === null;
    await tx
      .insert(jobRuns)
      .values({
        practiceId,
        job,
        lastStartedAt: startedAt,
        lastSucceededAt: ok ? new Date() : null,
        lastFailedAt: ok ? null : new Date(),
        failuresInARow: ok ? 0 : 1,
        totalFailures: ok ? 0 : 1,
        lastError: ok ? null : errorLabel(failure),
      })
      .onConflictDoUpdate({
        target: [jobRuns.practiceId, jobRuns.job],
        set: ok
          ? { lastStartedAt: startedAt, lastSucceededAt: sql`now()`, failuresInARow: 0 }
          : {
              lastStartedAt: startedAt,
              lastFailedAt: sql`now()`,
              failuresInARow: sql`${jobRuns.failuresInARow} + 1`,
              totalFailures: sql`${jobRuns.totalFailures} + 1`,
              lastError: errorLabel(failure),
            },
      });
  });
}

/**
 * Runs one job's work practice by practice, each in its own scoped transactions, and records the
 * outcome for the practice's admin. One practice failing does not stop the others; the job then
 * fails as a whole so the queue retries it with backoff (the work is idempotent).
 */
export async function forEachPractice(
  job: string,
  work: (practice: JobPractice) => Promise<void>,
  only?: readonly string[],
): Promise<void> {
  const failures: unknown[] = [];
  const practices = (await jobPractices()).filter((p) => !only || only.includes(p.id));
  for (const practice of practices) {
    const startedAt = new Date();
    let failure: unknown | null = null;
    try {
      await work(practice);
    } catch (error) {
      failure = error;
      failures.push(error);
      console.error(`[jobs] ${job} failed for one practice: ${errorLabel(error)}`);
    }
    await recordRun(practice.id, job, startedAt, failure).catch(() => {});
  }
  if (failures.length) throw new Error(`${job}: ${failures.length} practice(s) failed`);
}
