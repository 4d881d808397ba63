import { addDays, daysBetween, isLocalDay } from '@/lib/time/day';

/** When a scheduled measure is due for the client (pure; days are practice-local YYYY-MM-DD). */

export interface DueSchedule {
  everyDays: number;
  startDate: string;
  endDate: string | null;
  active: boolean;
}

/**
 * The first day of the schedule's period containing `today` (the day the current administration fell due),
 * or null before the start, after the end, or when the schedule is stopped.
 */
export function currentPeriodStart(schedule: DueSchedule, today: string): string | null {
  if (!schedule.active || schedule.everyDays < 1) return null;
  if (!isLocalDay(schedule.startDate) || !isLocalDay(today) || today < schedule.startDate) return null;
  const elapsed = daysBetween(schedule.startDate, today);
  const periodStart = addDays(schedule.startDate, Math.floor(elapsed / schedule.everyDays) * schedule.everyDays);
  if (schedule.endDate && periodStart > schedule.endDate) return null;
  return periodStart;
}

/**
 * A scheduled measure is due when nothing of it was completed since its current period began.
 * `lastCompletedDay` is the local day of the latest complete administration of that measure.
 */
export function scheduleDueDay(schedule: DueSchedule, today: string, lastCompletedDay: string | null): string | null {
  const periodStart = currentPeriodStart(schedule, today);
  if (!periodStart) return null;
  if (lastCompletedDay && lastCompletedDay >= periodStart) return null;
  return periodStart;
}
