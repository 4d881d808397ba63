import 'server-only';
import { and, asc, eq, gte } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { assignments, checkins } from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { canReadClinical, withActor } from '@/lib/access/scope';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/types';
import { type WindowState } from '@/lib/checkins/rules';
import { arsqZScore } from './scoring';
import { bandFor } from './bands';
import {
  type ChangeClassification,
  type ChangeSummary,
  type RecoveryResult,
  classifyChange,
  recoveryStatus,
  reliableChangeFor,
  scoreChange,
  summarizeChange,
} from './change';
import { MEASURES } from './definitions';
import { type OverviewRange, rangeStartDay, trailingDailyAverage } from './overview';
import { OUR_RULES } from './rules';
import { type AdministrationRow, completedAdministrations } from './queries';
import { downsample } from './series';
import { type Band, MEASURE_KEYS, type MeasureKey, isMeasureKey } from './types';
import { addDays, localDay, startOfLocalDay, zonedTimeToUtc } from '@/lib/time/day';

export interface MeasurePoint {
  administrationId: string;
  /** Milliseconds since the epoch, the x of every chart. */
  t: number;
  completedAt: string;
  /** The practice-local day it was completed. */
  day: string;
  score: number;
  bandLabel: string | null;
  isBaseline: boolean;
}

export interface MeasureOverview {
  key: MeasureKey;
  title: string;
  shortTitle: string;
  higherIsBetter: boolean;
  scoreRange: { min: number; max: number };
  bands: readonly Band[];
  /** Reliable-change threshold in score points (docs/clinical.md §2.2). */
  threshold: number;
  /** All completed administrations ever; the range filter applies only to `points`. */
  completedCount: number;
  /** Administrations inside the range, before any thinning. */
  pointsInRange: number;
  /** Inside the range, at most OUR_RULES.chartMaxPoints (thinned on the server). */
  points: MeasurePoint[];
  downsampled: boolean;
  baseline: MeasurePoint;
  /** True when the therapist chose the baseline, false when it is the first completed one. */
  baselineMarked: boolean;
  latest: MeasurePoint;
  previous: MeasurePoint | null;
  /** Null while the baseline is the only (or the latest) administration. */
  sinceBaseline: ChangeSummary | null;
  sincePrevious: { change: number; classification: ChangeClassification } | null;
  /** A-RSQ has no bands: its latest score is read against the adult norm. */
  latestZScore: number | null;
}

export interface CheckinPoint {
  checkinId: string;
  t: number;
  day: string;
  mood: number;
  distress: number;
  /** Mean distress of the check-ins in the 7 days ending on this one. */
  distressAverage7: number;
  window: WindowState;
}

export interface HomeworkMarker {
  assignmentId: string;
  t: number;
  day: string;
  kind: 'exercise' | 'measure';
  templateKey: string;
}

export interface ClientOverview {
  clientId: string;
  range: OverviewRange;
  /** Chart x-domain, in ms: the start of the range (or of the record, for "all") up to now. */
  domain: [number, number];
  rangeStartDay: string | null;
  today: string;
  measures: MeasureOverview[];
  /** Measures with no completed administration at all. */
  measuresWithoutData: MeasureKey[];
  /** NHS Talking Therapies recovery; null until PHQ-9 and GAD-7 each have a baseline and a later score. */
  recovery: RecoveryResult | null;
  checkins: { points: CheckinPoint[]; pointsInRange: number; downsampled: boolean; total: number };
  homework: HomeworkMarker[];
}

const DAY_MS = 86_400_000;

/** Noon of a local day in the practice's zone: where a day-level value sits on a time axis read in that zone. */
function dayToTime(day: string, timeZone: string): number {
  return zonedTimeToUtc(day, '12:00', timeZone).getTime();
}

function toPoint(key: MeasureKey, row: AdministrationRow & { score: number }, timeZone: string): MeasurePoint {
  return {
    administrationId: row.id,
    t: row.completedAt.getTime(),
    completedAt: row.completedAt.toISOString(),
    day: localDay(row.completedAt, timeZone),
    score: row.score,
    bandLabel: bandFor(key, row.score)?.label ?? null,
    isBaseline: row.isBaseline,
  };
}

/** One measure's summary over the whole record and its chart series inside the range. */
export function buildMeasureOverview(
  key: MeasureKey,
  rows: readonly AdministrationRow[],
  timeZone: string,
  startDay: string | null,
  maxPoints: number = OUR_RULES.chartMaxPoints,
): MeasureOverview | null {
  const scored = rows
    .filter((r): r is AdministrationRow & { score: number } => r.score !== null)
    .sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());
  if (!scored.length) return null;
  const all = scored.map((r) => toPoint(key, r, timeZone));
  const marked = all.find((p) => p.isBaseline);
  const baseline = marked ?? all[0]!;
  const latest = all[all.length - 1]!;
  const previous = all.length > 1 ? all[all.length - 2]! : null;
  const inRange = startDay === null ? all : all.filter((p) => p.day >= startDay);
  const points = downsample(inRange.map((p) => ({ ...p, x: p.t, y: p.score })), maxPoints).map(
    ({ x: _x, y: _y, ...p }) => p,
  );
  // The baseline is always kept on the chart when it falls inside the range, even if thinning dropped it.
  if ((startDay === null || baseline.day >= startDay) && !points.some((p) => p.administrationId === baseline.administrationId)) {
    points.push(baseline);
    points.sort((a, b) => a.t - b.t);
  }
  const definition = MEASURES[key];
  return {
    key,
    title: definition.title,
    shortTitle: definition.shortTitle,
    higherIsBetter: definition.higherIsBetter,
    scoreRange: definition.scoreRange,
    bands: definition.bands,
    threshold: reliableChangeFor(key),
    completedCount: all.length,
    pointsInRange: inRange.length,
    points,
    downsampled: points.length < inRange.length,
    baseline,
    baselineMarked: Boolean(marked),
    latest,
    previous,
    sinceBaseline: latest.administrationId === baseline.administrationId ? null : summarizeChange(key, baseline.score, latest.score),
    sincePrevious: previous
      ? { change: scoreChange(previous.score, latest.score), classification: classifyChange(key, previous.score, latest.score) }
      : null,
    latestZScore: key === 'arsq' ? arsqZScore(latest.score) : null,
  };
}

/** NHS Talking Therapies recovery from the PHQ-9 and GAD-7 summaries; null until both have a baseline and a later score. */
export function recoveryFor(measures: readonly MeasureOverview[]): RecoveryResult | null {
  const phq9 = measures.find((m) => m.key === 'phq9')?.sinceBaseline;
  const gad7 = measures.find((m) => m.key === 'gad7')?.sinceBaseline;
  if (!phq9 || !gad7) return null;
  return recoveryStatus({
    phq9: { baseline: phq9.baseline, latest: phq9.latest },
    gad7: { baseline: gad7.baseline, latest: gad7.latest },
  });
}

async function loadCheckins(tx: Tx, practiceId: string, clientId: string, timeZone: string, startDay: string | null, maxPoints: number) {
  // Six days before the range are read too, so the first days shown have a full 7-day average.
  const readFrom = startDay ? addDays(startDay, -6) : null;
  const rows = await tx
    .select({
      id: checkins.id,
      localDay: checkins.localDay,
      mood: checkins.mood,
      distress: checkins.distress,
      window: checkins.window,
    })
    .from(checkins)
    .where(
      and(
        eq(checkins.practiceId, practiceId),
        eq(checkins.clientId, clientId),
        readFrom ? gte(checkins.localDay, readFrom) : undefined,
      ),
    )
    .orderBy(asc(checkins.localDay));
  const averages = trailingDailyAverage(rows.map((r) => ({ day: r.localDay, value: r.distress })));
  const inRange: CheckinPoint[] = [];
  rows.forEach((r, i) => {
    if (startDay && r.localDay < startDay) return;
    inRange.push({
      checkinId: r.id,
      t: dayToTime(r.localDay, timeZone),
      day: r.localDay,
      mood: r.mood,
      distress: r.distress,
      distressAverage7: averages[i]!,
      window: r.window,
    });
  });
  // Thinned on distress, the value alerts and the moving average are about.
  const points = downsample(inRange.map((p) => ({ ...p, x: p.t, y: p.distress })), maxPoints).map(({ x: _x, y: _y, ...p }) => p);
  return { points, pointsInRange: inRange.length, downsampled: points.length < inRange.length };
}

/** Each measure's overview, in MEASURE_KEYS order, and the measures without a completed administration. */
function measureOverviews(administrations: readonly AdministrationRow[], timeZone: string, startDay: string | null, maxPoints: number) {
  const byMeasure = new Map<MeasureKey, AdministrationRow[]>();
  for (const row of administrations) {
    if (!isMeasureKey(row.measure)) continue;
    byMeasure.set(row.measure, [...(byMeasure.get(row.measure) ?? []), row]);
  }
  const measures: MeasureOverview[] = [];
  const measuresWithoutData: MeasureKey[] = [];
  for (const key of MEASURE_KEYS) {
    const overview = buildMeasureOverview(key, byMeasure.get(key) ?? [], timeZone, startDay, maxPoints);
    if (overview) measures.push(overview);
    else measuresWithoutData.push(key);
  }
  return { measures, measuresWithoutData };
}

export type ClientMeasureSummary = Pick<ClientOverview, 'clientId' | 'measures' | 'measuresWithoutData' | 'recovery'>;

/**
 * What the record's overview shows of the measures: each one's latest score, baseline and change over the whole
 * record, and recovery. One read (the completed administrations); none of the range's check-ins or homework, which
 * only the charts show. Care team only, as `getClientOverview`, and audited the same way, in the same transaction.
 */
export async function getClientMeasureSummary(actor: Actor, clientId: string): Promise<ClientMeasureSummary | null> {
  assertCan(actor, 'client.viewClinical');
  if (actor.role === 'client' || !canReadClinical(actor, clientId)) return null;
  return withActor(actor, async (tx) => {
    const administrations = await completedAdministrations(tx, actor.practiceId, clientId);
    const { measures, measuresWithoutData } = measureOverviews(administrations, actor.practice.timeZone, null, OUR_RULES.chartMaxPoints);
    await recordAudit(tx, actor, {
      action: 'client.viewClinical',
      entityType: 'client',
      entityId: clientId,
      clientId,
      meta: { view: 'summary', administrations: administrations.length },
    });
    return { clientId, measures, measuresWithoutData, recovery: recoveryFor(measures) };
  });
}

/**
 * Everything clinical the therapist's client page charts and summarises, for a client on the actor's care team.
 * Returns null for anyone else (an admin off the care team included) and then reads nothing. Reading is audited
 * as `client.viewClinical` in the same transaction.
 */
export async function getClientOverview(
  actor: Actor,
  clientId: string,
  range: OverviewRange,
  options: { now?: Date; maxPoints?: number } = {},
): Promise<ClientOverview | null> {
  assertCan(actor, 'client.viewClinical');
  if (actor.role === 'client' || !canReadClinical(actor, clientId)) return null;
  const now = options.now ?? new Date();
  const maxPoints = options.maxPoints ?? OUR_RULES.chartMaxPoints;
  const timeZone = actor.practice.timeZone;
  const today = localDay(now, timeZone);
  const startDay = rangeStartDay(range, today);
  const rangeStart = startDay ? startOfLocalDay(startDay, timeZone).getTime() : null;

  return withActor(actor, async (tx) => {
    // The four reads are independent: issued together, they share one round trip's wait on the transaction's
    // connection (the driver pipelines them) instead of four in a row. Over the whole record the check-ins read
    // are all of them, so their count needs no statement of its own.
    const [administrations, checkinSeries, counted, assigned] = await Promise.all([
      completedAdministrations(tx, actor.practiceId, clientId),
      loadCheckins(tx, actor.practiceId, clientId, timeZone, startDay, maxPoints),
      startDay === null ? null : tx.$count(checkins, and(eq(checkins.practiceId, actor.practiceId), eq(checkins.clientId, clientId))),
      tx
        .select({ id: assignments.id, createdAt: assignments.createdAt, kind: assignments.kind, templateKey: assignments.templateKey })
        .from(assignments)
        .where(
          and(
            eq(assignments.practiceId, actor.practiceId),
            eq(assignments.clientId, clientId),
            // A day's margin, then the exact cut on the practice-local day below.
            rangeStart !== null ? gte(assignments.createdAt, new Date(rangeStart - DAY_MS)) : undefined,
          ),
        )
        .orderBy(asc(assignments.createdAt)),
    ]);
    const total = counted ?? checkinSeries.pointsInRange;

    const { measures, measuresWithoutData } = measureOverviews(administrations, timeZone, startDay, maxPoints);

    const homework: HomeworkMarker[] = assigned
      .map((a) => ({
        assignmentId: a.id,
        t: a.createdAt.getTime(),
        day: localDay(a.createdAt, timeZone),
        kind: a.kind,
        templateKey: a.templateKey,
      }))
      .filter((h) => startDay === null || h.day >= startDay);

    await recordAudit(tx, actor, {
      action: 'client.viewClinical',
      entityType: 'client',
      entityId: clientId,
      clientId,
      meta: { range, administrations: administrations.length, checkins: checkinSeries.pointsInRange },
    });

    const earliest = Math.min(
      ...measures.map((m) => m.points[0]?.t ?? Infinity),
      checkinSeries.points[0]?.t ?? Infinity,
      ...homework.map((h) => h.t),
    );
    const domainStart = rangeStart ?? (Number.isFinite(earliest) ? earliest - DAY_MS : now.getTime() - 30 * DAY_MS);

    return {
      clientId,
      range,
      domain: [domainStart, now.getTime() + DAY_MS / 2],
      rangeStartDay: startDay,
      today,
      measures,
      measuresWithoutData,
      recovery: recoveryFor(measures),
      checkins: { ...checkinSeries, total },
      homework,
    };
  });
}
