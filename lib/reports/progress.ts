import 'server-only';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { checkins, clients } from '@/db/schema';
import { withActor } from '@/lib/access/scope';
import { type Adherence, adherence } from '@/lib/assignments/adherence';
import { clientAssignments } from '@/lib/assignments/queries';
import { zonedTimeToUtc } from '@/lib/time/day';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/types';
import type { WindowState } from '@/lib/checkins/rules';
import { careTeamMembers, displayName } from '@/lib/clients/queries';
import type { RecoveryResult } from '@/lib/measures/change';
import { type MeasureOverview, buildMeasureOverview, recoveryFor } from '@/lib/measures/client-overview';
import { completedAdministrations } from '@/lib/measures/queries';
import { addDays } from '@/lib/time/day';
import { dayPosition } from '@/lib/time/format';
import { MEASURE_KEYS, type MeasureKey, isMeasureKey } from '@/lib/measures/types';
import { mayExportClient } from './access';
import { type CheckinSummary, summariseCheckins } from './checkin-summary';
import { type ReportPeriod, periodDays } from './period';

const DAY_MS = 86_400_000;

export interface ReportHomework {
  title: string;
  kind: 'exercise' | 'measure';
  recurrenceLabel: string;
  adherence: Adherence;
}

export interface ProgressReport {
  clientId: string;
  clientName: string;
  pronouns: string | null;
  intakeDate: string | null;
  careTeam: string[];
  practiceName: string;
  timeZone: string;
  period: ReportPeriod;
  generatedAt: Date;
  /** Chart x-domain in ms: the start of the period's first day to the end of its last (or now). */
  domain: [number, number];
  /** Measures with a score by the period's end; baseline and change are read against the whole record. */
  measures: MeasureOverview[];
  measuresNeverGiven: MeasureKey[];
  recovery: RecoveryResult | null;
  checkins: {
    summary: CheckinSummary;
    points: { t: number; day: string; mood: number; distress: number; window: WindowState }[];
  };
  homework: {
    /** Completed ÷ due occurrences that fell due inside the period (docs/clinical.md §4.5). */
    overall: Adherence;
    assignments: ReportHomework[];
    /** When homework was assigned inside the period, for the charts' markers. */
    assignedAt: number[];
  };
}

/**
 * The progress report for one client over a period, for the client themself or a clinician on their care team;
 * null for anyone else, before anything is read. Scores, bands and change come from lib/measures, adherence from
 * lib/assignments. Making one is audited as `report.create` (ids and counts only).
 */
export async function loadProgressReport(
  actor: Actor,
  clientId: string,
  period: ReportPeriod,
  now: Date = new Date(),
): Promise<ProgressReport | null> {
  if (!mayExportClient(actor, clientId)) return null;
  const timeZone = actor.practice.timeZone;
  const start = zonedTimeToUtc(period.from, '00:00', timeZone).getTime();
  const endOfLastDay = zonedTimeToUtc(addDays(period.to, 1), '00:00', timeZone).getTime();
  const end = Math.min(endOfLastDay, now.getTime());

  const homework = await clientAssignments(actor, clientId, now);
  if (!homework) return null;

  return withActor(actor, async (tx) => {
    const [client] = await tx
      .select({
        firstName: clients.firstName,
        lastName: clients.lastName,
        preferredName: clients.preferredName,
        pronouns: clients.pronouns,
        intakeDate: clients.intakeDate,
      })
      .from(clients)
      .where(and(eq(clients.practiceId, actor.practiceId), eq(clients.id, clientId)));
    if (!client) return null;
    const team = await careTeamMembers(tx, actor.practiceId, [clientId]);

    const administrations = await completedAdministrations(tx, actor.practiceId, clientId, new Date(endOfLastDay));
    const measures: MeasureOverview[] = [];
    const measuresNeverGiven: MeasureKey[] = [];
    for (const key of MEASURE_KEYS) {
      const rows = administrations.filter((a) => isMeasureKey(a.measure) && a.measure === key);
      const overview = buildMeasureOverview(key, rows, timeZone, period.from);
      if (overview) measures.push(overview);
      else measuresNeverGiven.push(key);
    }

    const checkinRows = await tx
      .select({
        localDay: checkins.localDay,
        mood: checkins.mood,
        distress: checkins.distress,
        window: checkins.window,
      })
      .from(checkins)
      .where(
        and(
          eq(checkins.practiceId, actor.practiceId),
          eq(checkins.clientId, clientId),
          gte(checkins.localDay, period.from),
          lte(checkins.localDay, period.to),
        ),
      )
      .orderBy(asc(checkins.localDay));

    const windowDays = Math.max((end - start) / DAY_MS, 1 / 24);
    const periodEnd = new Date(end);
    const assignedAt = homework.assignments
      .map((a) => a.createdAt.getTime())
      .filter((t) => t >= start && t <= end)
      .sort((a, b) => a - b);
    const reportHomework: ReportHomework[] = homework.assignments
      .map((a) => ({
        title: a.title,
        kind: a.kind,
        recurrenceLabel: a.recurrenceLabel,
        adherence: adherence(a.occurrences, periodEnd, windowDays),
      }))
      .filter((a) => a.adherence.due > 0);

    await recordAudit(tx, actor, {
      action: 'report.create',
      entityType: 'client',
      entityId: clientId,
      clientId,
      meta: {
        from: period.from,
        to: period.to,
        administrations: administrations.length,
        checkins: checkinRows.length,
      },
    });

    return {
      clientId,
      clientName: displayName(client),
      pronouns: client.pronouns,
      intakeDate: client.intakeDate,
      careTeam: team.map((m) => m.name),
      practiceName: actor.practice.name,
      timeZone,
      period,
      generatedAt: now,
      domain: [start, end],
      measures,
      measuresNeverGiven,
      recovery: recoveryFor(measures),
      checkins: {
        summary: summariseCheckins(checkinRows, periodDays(period)),
        points: checkinRows.map((r) => ({
          t: dayPosition(r.localDay),
          day: r.localDay,
          mood: r.mood,
          distress: r.distress,
          window: r.window,
        })),
      },
      homework: {
        overall: adherence(
          homework.assignments.flatMap((a) => a.occurrences),
          periodEnd,
          windowDays,
        ),
        assignments: reportHomework,
        assignedAt,
      },
    };
  });
}
