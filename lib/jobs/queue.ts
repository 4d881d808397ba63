import 'server-only';
import type { PgBoss, Queue } from 'pg-boss';
import { appJobQueueConnection } from '@/db/job-queue';
import { JOBS, type JobName } from './registry';

/**
 * Retries with exponential backoff (15 s, 30 s, 60 s … capped at 10 minutes); `stately` keeps at most
 * one job of a kind waiting and one running, so a slow minute never piles up ticks. Every job is
 * idempotent, so a retry or a second worker repeats nothing that was already done.
 */
export const QUEUE_OPTIONS: Omit<Queue, 'name'> = {
  policy: 'stately',
  retryLimit: 5,
  retryDelay: 15,
  retryBackoff: true,
  retryDelayMax: 600,
  expireInSeconds: 300,
};

export type JobQueueMode = 'server' | 'worker' | 'off';

/** Where jobs run: inside the server (default), only in `npm run worker` processes, or nowhere. */
export function jobQueueMode(env: Record<string, string | undefined> = process.env): JobQueueMode {
  const value = env.MEND_JOBS?.trim().toLowerCase();
  if (value === 'worker' || value === 'off') return value;
  return 'server';
}

const slot = globalThis as unknown as { __mendJobQueue?: Promise<PgBoss> };

export type JobQueueOptions = {
  /** Run jobs in this process. */
  work: boolean;
  /** Keep the cron schedules (default: when working). */
  schedule?: boolean;
  pollingIntervalSeconds?: number;
};

/** What a job may carry: the practices to work on (all when absent, as on every scheduled run). */
export type JobData = { practiceIds?: string[] } | null;

/** A new pg-boss instance on this process's database, its queues created and, with `work`, its workers running. */
export async function createJobQueue(options: JobQueueOptions): Promise<PgBoss> {
  const { PgBoss } = await import('pg-boss');
  const connection = await appJobQueueConnection();
  const schedule = options.schedule ?? options.work;
  const boss = new PgBoss({
    ...connection,
    // The schema is installed and upgraded by `npm run db:migrate` (and the embedded start), as the owner.
    migrate: false,
    // Maintenance (expiring stuck jobs, deleting old ones) runs in every process; pg-boss coordinates it.
    supervise: true,
    schedule,
  });
  // pg-boss reports connection trouble here and retries by itself; the message names no person.
  boss.on('error', (error) => console.error(`[jobs] ${(error as Error).message}`));
  await boss.start();
  for (const name of Object.keys(JOBS) as JobName[]) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, QUEUE_OPTIONS);
  }
  if (options.work) {
    for (const [name, job] of Object.entries(JOBS)) {
      if (schedule) await boss.schedule(name, job.cron, null, { tz: 'UTC' });
      await boss.work<JobData>(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async ([next]) => {
        await job.run(new Date(), next?.data?.practiceIds);
      });
    }
  }
  return boss;
}

/** This process's one job queue (the server's or a worker's). */
export function startJobQueue(options: JobQueueOptions): Promise<PgBoss> {
  slot.__mendJobQueue ??= createJobQueue(options);
  return slot.__mendJobQueue;
}

export async function stopJobQueue(): Promise<void> {
  const boss = slot.__mendJobQueue;
  slot.__mendJobQueue = undefined;
  if (boss) await (await boss).stop({ graceful: true, timeout: 10_000, close: true });
}

/**
 * Wakes a job now instead of at its next minute, after the transaction that gave it work has
 * committed. Best effort: when no queue runs in this process, the schedule picks the work up.
 */
export async function wakeJob(name: JobName): Promise<void> {
  const boss = slot.__mendJobQueue;
  if (!boss) return;
  try {
    await (await boss).send(name, null);
  } catch {
    // The schedule will run it within a minute.
  }
}
