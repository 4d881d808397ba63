import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { checkins, clients, measureAdministrations, submissions, submissionVersions } from '@/db/schema';
import { can } from '@/lib/access/permissions';
import { withActor } from '@/lib/access/scope';
import { type ClientHomework, clientAssignments } from '@/lib/assignments/queries';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/types';
import { displayName } from '@/lib/clients/queries';
import { localDay } from '@/lib/time/day';
import { mayExportClient } from './access';
import { type ExportFile, type HomeworkExportRow, checkinsCsv, homeworkCsv, measuresCsv } from './csv-files';

export interface CsvDownload {
  filename: string;
  body: string;
  rows: number;
}

async function clientName(tx: Tx, practiceId: string, clientId: string): Promise<string | null> {
  const [row] = await tx
    .select({ firstName: clients.firstName, lastName: clients.lastName, preferredName: clients.preferredName })
    .from(clients)
    .where(and(eq(clients.practiceId, practiceId), eq(clients.id, clientId)));
  return row ? displayName(row) : null;
}

async function checkinRows(tx: Tx, practiceId: string, clientId: string) {
  return tx
    .select({
      localDay: checkins.localDay,
      mood: checkins.mood,
      distress: checkins.distress,
      window: checkins.window,
      sleepHours: checkins.sleepHours,
      sleepQuality: checkins.sleepQuality,
      socialContact: checkins.socialContact,
      feltConnected: checkins.feltConnected,
      feltRejected: checkins.feltRejected,
      selfCare: checkins.selfCare,
      note: checkins.note,
      safetyThoughts: checkins.safetyThoughts,
      revision: checkins.revision,
      createdAt: checkins.createdAt,
      updatedAt: checkins.updatedAt,
    })
    .from(checkins)
    .where(and(eq(checkins.practiceId, practiceId), eq(checkins.clientId, clientId)))
    .orderBy(asc(checkins.localDay));
}

async function measureRows(tx: Tx, practiceId: string, clientId: string) {
  return tx
    .select({
      id: measureAdministrations.id,
      measure: measureAdministrations.measure,
      status: measureAdministrations.status,
      completedAt: measureAdministrations.completedAt,
      score: measureAdministrations.score,
      rawScore: measureAdministrations.rawScore,
      band: measureAdministrations.band,
      prorated: measureAdministrations.prorated,
      isBaseline: measureAdministrations.isBaseline,
      answers: measureAdministrations.answers,
    })
    .from(measureAdministrations)
    .where(and(eq(measureAdministrations.practiceId, practiceId), eq(measureAdministrations.clientId, clientId)))
    .orderBy(asc(measureAdministrations.completedAt));
}

/**
 * Homework, one row per occurrence. Submitted answers go to the client themself and to therapists (who review
 * homework); an admin on the care team gets what was assigned and its statuses, as on the client page.
 */
async function homeworkRows(
  tx: Tx,
  actor: Actor,
  clientId: string,
  homework: ClientHomework | null,
): Promise<HomeworkExportRow[]> {
  if (!homework) return [];
  const withAnswers = actor.role === 'client' || can(actor.role, 'submission.review');
  const occurrenceIds = homework.assignments.flatMap((a) => a.occurrences.map((o) => o.id));
  const sent = occurrenceIds.length
    ? await tx
        .select({
          id: submissions.id,
          occurrenceId: submissions.occurrenceId,
          submittedAt: submissions.submittedAt,
          currentVersion: submissions.currentVersion,
        })
        .from(submissions)
        .where(
          and(
            eq(submissions.practiceId, actor.practiceId),
            eq(submissions.clientId, clientId),
            inArray(submissions.occurrenceId, occurrenceIds),
          ),
        )
    : [];
  const versions =
    withAnswers && sent.length
      ? await tx
          .select({
            submissionId: submissionVersions.submissionId,
            version: submissionVersions.version,
            answers: submissionVersions.answers,
          })
          .from(submissionVersions)
          .where(
            and(
              eq(submissionVersions.practiceId, actor.practiceId),
              eq(submissionVersions.clientId, clientId),
              inArray(
                submissionVersions.submissionId,
                sent.map((s) => s.id),
              ),
            ),
          )
      : [];
  const latestAnswers = new Map<string, Record<string, unknown>>();
  for (const s of sent) {
    const latest = versions.find((v) => v.submissionId === s.id && v.version === s.currentVersion);
    if (latest) latestAnswers.set(s.occurrenceId, latest.answers);
  }
  const byOccurrence = new Map(sent.map((s) => [s.occurrenceId, s]));
  return homework.assignments
    .slice()
    .reverse()
    .flatMap((a) =>
      a.occurrences.map((o) => {
        const submission = byOccurrence.get(o.id);
        return {
          assignmentId: a.id,
          title: a.title,
          kind: a.kind,
          recurrence: a.recurrenceLabel,
          instructions: a.instructions,
          localDate: o.localDate,
          dueAt: o.dueAt,
          status: o.status,
          submittedAt: submission?.submittedAt ?? null,
          version: submission && submission.currentVersion > 0 ? submission.currentVersion : null,
          answers: withAnswers ? (latestAnswers.get(o.id) ?? null) : null,
        };
      }),
    );
}

/**
 * One of a client's CSV files, for the client themself or a clinician on their care team; null for anyone
 * else, before anything is read. Every export is audited as `client.export` (which file and how many rows).
 */
export async function exportClientCsv(
  actor: Actor,
  clientId: string,
  file: ExportFile,
  now: Date = new Date(),
): Promise<CsvDownload | null> {
  if (!mayExportClient(actor, clientId)) return null;
  const timeZone = actor.practice.timeZone;
  // Its own scoped read (it also marks missed occurrences), so it runs before the export's transaction.
  const assigned = file === 'homework' ? await clientAssignments(actor, clientId, now) : null;
  return withActor(actor, async (tx) => {
    const name = await clientName(tx, actor.practiceId, clientId);
    if (name === null) return null;
    let body: string;
    let rows: number;
    if (file === 'checkins') {
      const data = await checkinRows(tx, actor.practiceId, clientId);
      body = checkinsCsv(name, data, timeZone);
      rows = data.length;
    } else if (file === 'measures') {
      const data = await measureRows(tx, actor.practiceId, clientId);
      body = measuresCsv(name, data, timeZone);
      rows = data.length;
    } else {
      const homework = await homeworkRows(tx, actor, clientId, assigned);
      body = homeworkCsv(name, homework, timeZone);
      rows = homework.length;
    }
    await recordAudit(tx, actor, {
      action: 'client.export',
      entityType: 'client',
      entityId: clientId,
      clientId,
      meta: { file, format: 'csv', rows },
    });
    const stamp = localDay(now, timeZone);
    return { filename: `${file}-${stamp}.csv`, body, rows };
  });
}
