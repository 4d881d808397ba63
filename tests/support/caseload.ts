import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection';
import {
  assignmentOccurrences,
  assignments,
  measureAdministrations,
  measureSchedules } from '../../db/schema';
import { ownerScoped } from '../../db/seed/factories';
import { type MeasureKey, scoreMeasure, scoredItems } from '../../lib/measures';
import { addDays, localDay } from '../../lib/time/day';
import { asOwner } from './clinical';

/**
 * Clinical history written straight to the tables on the owner connection, for roster tests: the
 * roster only reads these tables, so it is tested against rows shaped exactly as the schema defines them.
 */

export const DAY_MS = 86_400_000;

export function today(timeZone: string): string {
  return localDay(new Date(), timeZone);
}

export function daysAgo(timeZone: string, days: number): string {
  return addDays(today(timeZone), -days);
}

/** Answers that score `total`: items filled from the first, each up to its maximum; PHQ-9 item 9 stays 0. */
export function answersFor(key: MeasureKey, total: number): Record<string, number> {
  const answers: Record<string, number> = {};
  let left = total;
  for (const item of scoredItems(key)) {
    const max = Math.max(...item.options.map((o) => o.value));
    const value = key === 'phq9' && item.id === 'q9' ? 0 : Math.min(max, left);
    answers[item.id] = value;
    left -= value;
  }
  if (left !== 0) throw new Error(`Cannot make ${key} total ${total}`);
  return answers;
}

/** Answers that make the score the app shows: the raw total, except WHO-5's percentage (four times it). */
export function answersScoring(key: MeasureKey, score: number): Record<string, number> {
  return answersFor(key, key === 'who5' ? score / 4 : score);
}

export type AdministrationRow = {
  key: MeasureKey;
  /** The score to reach (answersScoring), or the answers themselves. */
  score?: number;
  answers?: Record<string, number | null>;
  /** When it was completed: an instant, or so many days before now. */
  completedAt?: Date;
  daysAgo?: number;
  isBaseline?: boolean;
};

/**
 * Measure administrations written straight to the table on the owner connection, scored by scoreMeasure
 * exactly as the submit action scores them (incomplete when the answers leave too many items out).
 * Returns their ids in order.
 */
export async function insertAdministrations(practiceId: string, clientId: string, list: readonly AdministrationRow[]): Promise<string[]> {
  const rows = list.map((a) => {
    const answers = a.answers ?? answersScoring(a.key, a.score!);
    const result = scoreMeasure(a.key, answers);
    return {
      practiceId,
      id: randomUUID(),
      clientId,
      measure: a.key,
      status: result.complete ? ('complete' as const) : ('incomplete' as const),
      answers,
      score: result.complete ? result.score : null,
      rawScore: result.complete ? result.raw : null,
      band: result.complete ? (result.band?.id ?? null) : null,
      prorated: result.complete ? result.prorated : false,
      isBaseline: a.isBaseline ?? false,
      submissionKey: randomUUID(),
      completedAt: a.completedAt ?? new Date(Date.now() - (a.daysAgo ?? 0) * DAY_MS),
    };
  });
  for (let i = 0; i < rows.length; i += 200) await asOwner(practiceId, (tx) => tx.insert(measureAdministrations).values(rows.slice(i, i + 200)));
  return rows.map((r) => r.id);
}

/** One complete administration whose raw total is `total`. */
export async function addMeasure(practiceId: string, clientId: string, key: MeasureKey, total: number, completedAt: Date, opts: { isBaseline?: boolean } = {}) {
  await insertAdministrations(practiceId, clientId, [{ key, answers: answersFor(key, total), completedAt, isBaseline: opts.isBaseline }]);
}

/** One assignment with the given occurrences (due instants and statuses). */
export async function addHomework(
  db: Db,
  practiceId: string,
  clientId: string,
  createdBy: string,
  occurrences: { dueAt: Date; status: 'due' | 'in_progress' | 'submitted' | 'reviewed' | 'missed' | 'cancelled' }[],
) {
  const assignmentId = randomUUID();
  await ownerScoped(db, practiceId, async (tx) => {
    await tx.insert(assignments).values({
      practiceId,
      id: assignmentId,
      clientId,
      kind: 'exercise',
      templateKey: 'journaling_prompt',
      templateVersion: 1,
      startDate: '2025-01-01',
      timeZone: 'America/New_York',
      recurrence: { kind: 'daily', end: { count: occurrences.length } },
      createdByMembershipId: createdBy,
    });
    if (occurrences.length) {
      await tx.insert(assignmentOccurrences).values(
        occurrences.map((o, index) => ({
          practiceId,
          assignmentId,
          clientId,
          index,
          localDate: o.dueAt.toISOString().slice(0, 10),
          dueAt: o.dueAt,
          status: o.status,
        })),
      );
    }
  });
}

export async function addSchedule(
  db: Db,
  practiceId: string,
  clientId: string,
  measure: MeasureKey,
  everyDays: number,
  startDate: string,
  opts: { endDate?: string; active?: boolean } = {},
) {
  await ownerScoped(db, practiceId, (tx) =>
    tx.insert(measureSchedules).values({
      practiceId,
      clientId,
      measure,
      everyDays,
      startDate,
      endDate: opts.endDate ?? null,
      active: opts.active ?? true,
    }),
  );
}
