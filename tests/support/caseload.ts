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

export async function addMeasure(
  db: Db,
  practiceId: string,
  clientId: string,
  key: MeasureKey,
  total: number,
  completedAt: Date,
  opts: { isBaseline?: boolean } = {},
) {
  const answers = answersFor(key, total);
  const result = scoreMeasure(key, answers);
  if (!result.complete) throw new Error('expected a complete score');
  await ownerScoped(db, practiceId, (tx) =>
    tx.insert(measureAdministrations).values({
      practiceId,
      clientId,
      measure: key,
      status: 'complete',
      answers,
      score: result.score,
      rawScore: result.raw,
      band: result.band?.id ?? null,
      prorated: result.prorated,
      isBaseline: opts.isBaseline ?? false,
      submissionKey: randomUUID(),
      completedAt,
    }),
  );
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
