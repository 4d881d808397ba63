import { z } from 'zod';
import { MEASURE_KEYS, type MeasureKey, isMeasureKey } from './types';
import { addDays, daysBetween } from '@/lib/time/day';

/** Input rules for a measure schedule: every N days (1–365) from a start, optionally until an end. */

export const SCHEDULE_EVERY_DAYS = { min: 1, max: 365 } as const;

const everyDays = z.coerce
  .number({ error: 'Enter how often, in days.' })
  .int({ error: 'Enter a whole number of days.' })
  .min(SCHEDULE_EVERY_DAYS.min, { error: `Enter a number of days from ${SCHEDULE_EVERY_DAYS.min} to ${SCHEDULE_EVERY_DAYS.max}.` })
  .max(SCHEDULE_EVERY_DAYS.max, { error: `Enter a number of days from ${SCHEDULE_EVERY_DAYS.min} to ${SCHEDULE_EVERY_DAYS.max}.` });

// z.iso.date checks the calendar too (no month 13, no 30 February).
const isoDay = (message: string) => z.iso.date({ error: message });

const optionalEnd = z
  .union([z.literal(''), isoDay('Enter the end date as YYYY-MM-DD, or leave it empty.')])
  .optional()
  .transform((v) => v || null);

const timing = {
  everyDays,
  startDate: isoDay('Enter the start date as YYYY-MM-DD.'),
  endDate: optionalEnd,
};

function endNotBeforeStart(value: { startDate: string; endDate: string | null }, ctx: z.RefinementCtx) {
  if (value.endDate && value.endDate < value.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'The end date cannot be before the start date.' });
  }
}

export const createScheduleInput = z
  .object({
    clientId: z.uuid({ error: 'Choose a client.' }),
    measure: z.enum(MEASURE_KEYS, { error: 'Choose a measure.' }),
    ...timing,
  })
  .superRefine(endNotBeforeStart);

export const updateScheduleInput = z
  .object({
    scheduleId: z.uuid({ error: 'Choose a schedule.' }),
    ...timing,
  })
  .superRefine(endNotBeforeStart);

export const endScheduleInput = z.object({ scheduleId: z.uuid({ error: 'Choose a schedule.' }) });

export const applyDefaultsInput = z.object({ clientId: z.uuid({ error: 'Choose a client.' }) });

export interface ScheduleTiming {
  everyDays: number;
  startDate: string;
  endDate: string | null;
  active: boolean;
}

/** The first due day on or after `today`, or null when the schedule has ended or was stopped. */
export function nextDueDay(schedule: ScheduleTiming, today: string): string | null {
  if (!schedule.active) return null;
  let due = schedule.startDate;
  if (due < today) {
    const elapsed = daysBetween(due, today);
    const periods = Math.ceil(elapsed / schedule.everyDays);
    due = addDays(due, periods * schedule.everyDays);
  }
  if (schedule.endDate && due > schedule.endDate) return null;
  return due;
}

export interface MeasureDefault {
  measure: string;
  everyDays: number;
  atIntake: boolean;
}

export interface PlannedSchedule {
  measure: MeasureKey;
  everyDays: number;
  startDate: string;
}

/**
 * The schedules a practice's defaults give a client starting `today`: "at intake" starts today, otherwise the
 * first one falls a full interval later. Measures that already have an active schedule are left alone, and
 * malformed default entries are skipped rather than trusted.
 */
export function planDefaultSchedules(defaults: readonly MeasureDefault[], today: string, existing: Iterable<string>): PlannedSchedule[] {
  const taken = new Set(existing);
  const planned: PlannedSchedule[] = [];
  for (const entry of defaults) {
    if (!isMeasureKey(entry.measure) || taken.has(entry.measure)) continue;
    const every = Number(entry.everyDays);
    if (!Number.isInteger(every) || every < SCHEDULE_EVERY_DAYS.min || every > SCHEDULE_EVERY_DAYS.max) continue;
    taken.add(entry.measure);
    planned.push({ measure: entry.measure, everyDays: every, startDate: entry.atIntake ? today : addDays(today, every) });
  }
  return planned;
}
