import 'server-only';
import { and, count, desc, eq, isNull, isNotNull, sql } from 'drizzle-orm';
import { alerts, measureAdministrations } from '@/db/schema';
import { canReadClinical, withActor } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';
import type { MeasureOverview } from '@/lib/measures/client-overview';
import { MEASURES } from '@/lib/measures/definitions';
import { type BandedScore, bandedScore, completedFor } from '@/lib/measures/queries';
import { MEASURE_KEYS, type MeasureKey, isMeasureKey } from '@/lib/measures/types';
import { localDay } from '@/lib/time/day';
import { recordClientRecordRead } from '@/lib/audit/client-record';

export type HeadlineScore = BandedScore & {
  key: MeasureKey;
  shortTitle: string;
  /** The practice-local day it was completed. */
  day: string;
};

export type RecordHeadline = { scores: HeadlineScore[]; openAlerts: number; urgentAlerts: number };

/** A measure's headline from its overview: the latest score is the same row the headline's own read finds. */
export function headlineScoreOf(m: Pick<MeasureOverview, 'key' | 'shortTitle' | 'latest'>): HeadlineScore {
  return { key: m.key, shortTitle: m.shortTitle, ...bandedScore(m.key, m.latest.score), day: m.latest.day };
}

/**
 * The client record's sticky header: each measure's latest score with its band, and how many alerts are
 * open. Care team only (null for anyone else, reading nothing); two small index reads, whichever section
 * of the record is open. `measures`, when the page already reads the client's completed administrations
 * (the overview, measures and check-ins sections), gives the latest scores from those instead of a read of
 * their own: the same rows, the latest completed and scored administration of each measure.
 */
export async function clientRecordHeadline(
  actor: Actor,
  clientId: string,
  section?: string,
  measures?: Promise<{ measures: readonly MeasureOverview[] } | null>,
): Promise<RecordHeadline | null> {
  if (actor.role === 'client' || !canReadClinical(actor, clientId)) return null;
  return withActor(actor, async (tx) => {
    const latestScores = async (): Promise<HeadlineScore[]> => {
      const read = await measures;
      if (read) return read.measures.map(headlineScoreOf);
      const latest = await tx
        .selectDistinctOn([measureAdministrations.measure], {
          measure: measureAdministrations.measure,
          score: measureAdministrations.score,
          completedAt: measureAdministrations.completedAt,
        })
        .from(measureAdministrations)
        .where(
          and(completedFor(actor.practiceId, clientId), isNotNull(measureAdministrations.score)),
        )
        .orderBy(measureAdministrations.measure, desc(measureAdministrations.completedAt));
      return latest
        .filter((r): r is typeof r & { measure: MeasureKey; score: number } => isMeasureKey(r.measure) && r.score !== null)
        .sort((a, b) => MEASURE_KEYS.indexOf(a.measure) - MEASURE_KEYS.indexOf(b.measure))
        .map((r) => ({
          key: r.measure,
          shortTitle: MEASURES[r.measure].shortTitle,
          ...bandedScore(r.measure, r.score),
          day: localDay(r.completedAt, actor.practice.timeZone),
        }));
    };
    const [scores, [open]] = await Promise.all([
      latestScores(),
      tx
        .select({ total: count(), urgent: sql<number>`count(*) filter (where ${alerts.tier} = 'urgent')`.mapWith(Number) })
        .from(alerts)
        .where(and(eq(alerts.practiceId, actor.practiceId), eq(alerts.clientId, clientId), isNull(alerts.acknowledgedAt))),
    ]);
    const headline = { scores, openAlerts: open?.total ?? 0, urgentAlerts: open?.urgent ?? 0 };
    // The page load's one audit row, in this transaction (lib/audit/client-record.ts).
    await recordClientRecordRead(tx, actor, clientId, section, headline);
    return headline;
  });
}
