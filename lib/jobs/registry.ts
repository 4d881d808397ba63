import 'server-only';
import { rollOpenAssignmentsForward } from '@/lib/assignments/roll-forward';
import { dispatchOutbox } from '@/lib/email/outbox';
import { runDigests } from '@/lib/notifications/digest';
import { runEscalations } from '@/lib/notifications/escalation';
import { runReminders } from '@/lib/reminders/job';
import { pruneExpired } from './housekeeping';

export type JobDefinition = {
  /** When it runs (UTC cron); each job works out every practice's local time itself. */
  cron: string;
  /** What it does. Idempotent: a retry, an overlap or a second worker repeats nothing already done. */
  run: (now: Date, practiceIds?: string[]) => Promise<void>;
  /** For the admin's status panel. */
  label: string;
};

export const JOBS = {
  'email.dispatch': { cron: '* * * * *', run: dispatchOutbox, label: 'Sending email' },
  'reminders.tick': { cron: '* * * * *', run: runReminders, label: 'Client reminders' },
  'alerts.escalate': { cron: '* * * * *', run: runEscalations, label: 'Urgent alert escalation' },
  'digest.daily': { cron: '*/15 * * * *', run: runDigests, label: 'Daily summary for clinicians' },
  'housekeeping.prune': { cron: '17 * * * *', run: pruneExpired, label: 'Removing expired records' },
  'assignments.rollForward': { cron: '41 * * * *', run: rollOpenAssignmentsForward, label: 'Planning open-ended homework ahead' },
} as const satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];
