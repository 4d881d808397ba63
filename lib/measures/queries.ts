import 'server-only';
import { type AnyColumn, type SQL, and, asc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { assignmentOccurrences, assignments, measureAdministrations, measureDrafts, measureSchedules } from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { withActor } from '@/lib/access/scope';
import { assignmentOfOccurrence } from '@/lib/assignments/joins';
import type { Actor } from '@/lib/auth/types';
import { bandFor } from './bands';
import { classifyChange, type ChangeClassification } from './change';
import { MEASURES } from './definitions';
import { scheduleDueDay } from './due';
import { explainArsqNorm, explainChange } from './explain';
import { arsqZScore } from './scoring';
import { MEASURE_KEYS, type MeasureKey, isMeasureKey } from './types';
import { localDay } from '@/lib/time/day';

/** The client's own measure pages and progress: every function reads only actor.clientId's record. */

export type DueMeasure = {
  measure: MeasureKey;
  title: string;
  /** Practice-local day it fell due. */
  dueDay: string;
  overdue: boolean;
  /** Why it is due: a standing schedule, or homework the therapist assigned. */
  source: 'schedule' | 'assignment';
  hasDraft: boolean;
};

/**
 * Measures due for the client now: a schedule whose current period has no complete administration yet, and
 * measure assignments whose occurrences have come due and are not yet done. One entry per measure (the
 * earliest due date wins).
 *
 * One statement (the portal home reads it on every visit): each active schedule with its measure's latest
 * complete administration, and each due occurrence of a measure assignment, both with whether the client has
 * a draft of that measure. When a schedule's current period began is worked out here (lib/measures/due.ts).
 */
export async function myDueMeasures(actor: Actor, now: Date = new Date()): Promise<DueMeasure[]> {
  assertCan(actor, 'measure.submit');
  const clientId = actor.clientId;
  if (!clientId) return [];
  const today = localDay(now, actor.practice.timeZone);
  const hasDraft = (measure: AnyColumn) =>
    sql<boolean>`exists (select 1 from ${measureDrafts} where ${and(eq(measureDrafts.practiceId, actor.practiceId), eq(measureDrafts.clientId, clientId), eq(measureDrafts.measure, measure))})`;
  return withActor(actor, async (tx) => {
    const candidates = await tx
      .select({
        source: sql<DueMeasure['source']>`'schedule'`,
        measure: measureSchedules.measure,
        everyDays: sql<number | null>`${measureSchedules.everyDays}`,
        startDate: sql<string | null>`${measureSchedules.startDate}`,
        endDate: sql<string | null>`${measureSchedules.endDate}`,
        // max() over a timestamptz comes back as text on some drivers.
        lastCompletedAt: sql`(select max(${measureAdministrations.completedAt}) from ${measureAdministrations}
          where ${and(completedFor(actor.practiceId, clientId), eq(measureAdministrations.measure, measureSchedules.measure))})`.mapWith(
          (value: string | Date | null): Date | null => (value === null ? null : new Date(value)),
        ),
        dueDay: sql<string | null>`null::date`,
        hasDraft: hasDraft(measureSchedules.measure),
      })
      .from(measureSchedules)
      .where(and(eq(measureSchedules.practiceId, actor.practiceId), eq(measureSchedules.clientId, clientId), eq(measureSchedules.active, true)))
      .unionAll(
        tx
          .select({
            source: sql<DueMeasure['source']>`'assignment'`,
            measure: assignments.templateKey,
            everyDays: sql<number | null>`null::integer`,
            startDate: sql<string | null>`null::date`,
            endDate: sql<string | null>`null::date`,
            lastCompletedAt: sql<Date | null>`null::timestamptz`,
            dueDay: sql<string | null>`${assignmentOccurrences.localDate}`,
            hasDraft: hasDraft(assignments.templateKey),
          })
          .from(assignmentOccurrences)
          .innerJoin(assignments, assignmentOfOccurrence)
          .where(
            and(
              eq(assignmentOccurrences.practiceId, actor.practiceId),
              eq(assignmentOccurrences.clientId, clientId),
              eq(assignments.kind, 'measure'),
              eq(assignments.status, 'active'),
              inArray(assignmentOccurrences.status, ['due', 'in_progress']),
              lte(assignmentOccurrences.localDate, today),
            ),
          ),
      );

    const due = new Map<MeasureKey, DueMeasure>();
    const offer = (measure: string, dueDay: string, source: DueMeasure['source'], withDraft: boolean) => {
      if (!isMeasureKey(measure)) return;
      const current = due.get(measure);
      if (current && current.dueDay <= dueDay) return;
      due.set(measure, {
        measure,
        title: MEASURES[measure].shortTitle,
        dueDay,
        overdue: dueDay < today,
        source,
        hasDraft: withDraft,
      });
    };
    for (const c of candidates) {
      if (c.source === 'assignment') {
        if (c.dueDay) offer(c.measure, c.dueDay, 'assignment', c.hasDraft);
        continue;
      }
      if (c.everyDays === null || c.startDate === null) continue;
      const lastDay = c.lastCompletedAt ? localDay(c.lastCompletedAt, actor.practice.timeZone) : null;
      const day = scheduleDueDay({ everyDays: c.everyDays, startDate: c.startDate, endDate: c.endDate, active: true }, today, lastDay);
      if (day) offer(c.measure, day, 'schedule', c.hasDraft);
    }
    return [...due.values()].sort((a, b) => (a.dueDay === b.dueDay ? MEASURE_KEYS.indexOf(a.measure) - MEASURE_KEYS.indexOf(b.measure) : a.dueDay < b.dueDay ? -1 : 1));
  });
}

/** The answers the client left unfinished on a measure, or an empty set. */
export async function myMeasureDraft(actor: Actor, measure: MeasureKey): Promise<Record<string, number | null>> {
  assertCan(actor, 'measure.submit');
  const clientId = actor.clientId;
  if (!clientId) return {};
  return withActor(actor, async (tx) => {
    const [row] = await tx
      .select({ answers: measureDrafts.answers })
      .from(measureDrafts)
      .where(and(eq(measureDrafts.practiceId, actor.practiceId), eq(measureDrafts.clientId, clientId), eq(measureDrafts.measure, measure)))
      .limit(1);
    return row?.answers ?? {};
  });
}

/** A measure's score as every screen shows it: the score and its band (the id for BandBadge's one band-to-colour mapping). */
export type BandedScore = { score: number; bandLabel: string | null; bandId: string | null };

export function bandedScore(key: MeasureKey, score: number): BandedScore {
  const band = bandFor(key, score);
  return { score, bandLabel: band?.label ?? null, bandId: band?.id ?? null };
}

export type ProgressPoint = { completedAt: string; score: number };

export type MeasureProgress = {
  measure: MeasureKey;
  title: string;
  about: string;
  higherIsBetter: boolean;
  scoreRange: { min: number; max: number };
  points: ProgressPoint[];
  latest: BandedScore & { completedAt: string };
  baseline: { score: number; completedAt: string };
  /** One plain-words sentence: how far it moved since the start and whether that is a reliable change. */
  summary: string;
  classification: ChangeClassification | null;
  /** A-RSQ only: where the latest score sits against the adult average. */
  normNote: string | null;
  /** Incomplete forms are kept but never scored; counted so the client knows they were received. */
  incompleteCount: number;
};

/** The client's own scores over time, with a plain-words reading of each measure against its baseline. */
export async function myProgress(actor: Actor): Promise<MeasureProgress[]> {
  assertCan(actor, 'progress.viewOwn');
  const clientId = actor.clientId;
  if (!clientId) return [];
  const rows = await withActor(actor, (tx) =>
    tx
      .select({
        measure: measureAdministrations.measure,
        status: measureAdministrations.status,
        score: measureAdministrations.score,
        isBaseline: measureAdministrations.isBaseline,
        completedAt: measureAdministrations.completedAt,
      })
      .from(measureAdministrations)
      .where(and(eq(measureAdministrations.practiceId, actor.practiceId), eq(measureAdministrations.clientId, clientId)))
      .orderBy(asc(measureAdministrations.completedAt)),
  );

  const out: MeasureProgress[] = [];
  for (const key of MEASURE_KEYS) {
    const mine = rows.filter((r) => r.measure === key);
    const complete = mine.filter((r): r is typeof r & { score: number } => r.status === 'complete' && r.score !== null);
    if (complete.length === 0) continue;
    const baselineRow = complete.find((r) => r.isBaseline) ?? complete[0]!;
    const latestRow = complete[complete.length - 1]!;
    const definition = MEASURES[key];
    const single = complete.length === 1;
    const summary = single
      ? `You have filled in the ${definition.shortTitle} once so far. After the next one you will see how it is changing.`
      : explainChange(key, baselineRow.score, latestRow.score);
    out.push({
      measure: key,
      title: definition.shortTitle,
      about: definition.about,
      higherIsBetter: definition.higherIsBetter,
      scoreRange: definition.scoreRange,
      points: complete.map((r) => ({ completedAt: r.completedAt.toISOString(), score: r.score })),
      latest: { ...bandedScore(key, latestRow.score), completedAt: latestRow.completedAt.toISOString() },
      baseline: { score: baselineRow.score, completedAt: baselineRow.completedAt.toISOString() },
      summary,
      classification: single ? null : classifyChange(key, baselineRow.score, latestRow.score),
      normNote: key === 'arsq' ? explainArsqNorm(arsqZScore(latestRow.score)) : null,
      incompleteCount: mine.length - complete.length,
    });
  }
  return out;
}

/** A completed administration as the overview, the record's charts and the progress report read it. */
export type AdministrationRow = { id: string; measure: string; score: number | null; isBaseline: boolean; completedAt: Date };

/** A client's completed administrations: the condition every reader of a client's scores starts from. */
export function completedFor(practiceId: string, clientId: string): SQL {
  return and(
    eq(measureAdministrations.practiceId, practiceId),
    eq(measureAdministrations.clientId, clientId),
    eq(measureAdministrations.status, 'complete'),
  )!;
}

/**
 * A client's measure history: every completed administration, oldest first, or those completed before `before`
 * (the end of a report's period). The one reader behind the client overview and the progress report, so the
 * two read the same rows the same way.
 */
export function completedAdministrations(tx: Tx, practiceId: string, clientId: string, before?: Date): Promise<AdministrationRow[]> {
  return tx
    .select({
      id: measureAdministrations.id,
      measure: measureAdministrations.measure,
      score: measureAdministrations.score,
      isBaseline: measureAdministrations.isBaseline,
      completedAt: measureAdministrations.completedAt,
    })
    .from(measureAdministrations)
    .where(
      and(completedFor(practiceId, clientId), before ? lt(measureAdministrations.completedAt, before) : undefined),
    )
    .orderBy(asc(measureAdministrations.completedAt));
}
