import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { submissions, submissionVersions } from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { canReadClinical, withActor } from '@/lib/access/scope';
import { currentVersionOfSubmission } from '@/lib/assignments/joins';
import type { Actor } from '@/lib/auth/types';
import { thoughtRecordIntensities, THOUGHT_RECORD_KEY, type EmotionIntensity } from '@/lib/exercises';
import { isUuid } from '@/lib/access/ids';
import { sentSubmissionsOf } from './shared';

export type IntensityPoint = {
  submissionId: string;
  submittedAt: string;
  emotions: EmotionIntensity[];
  /** Mean of the rated emotions, or null when none was rated. */
  meanBefore: number | null;
  meanAfter: number | null;
};

function mean(values: (number | null)[]): number | null {
  const rated = values.filter((v): v is number => v !== null);
  return rated.length ? Math.round(rated.reduce((a, b) => a + b, 0) / rated.length) : null;
}

/** The thought record's before/after emotion intensities for one client over time (care team only). */
export async function thoughtRecordTrend(actor: Actor, clientId: string): Promise<IntensityPoint[] | null> {
  assertCan(actor, 'submission.review');
  if (!isUuid(clientId) || !canReadClinical(actor, clientId)) return null;
  return withActor(actor, async (tx) => {
    const rows = await tx
      .select({ id: submissions.id, answers: submissionVersions.answers, submittedAt: submissionVersions.submittedAt })
      .from(submissions)
      .innerJoin(submissionVersions, currentVersionOfSubmission)
      .where(and(sentSubmissionsOf(actor.practiceId, clientId), eq(submissions.templateKey, THOUGHT_RECORD_KEY)))
      .orderBy(asc(submissionVersions.submittedAt));
    return rows.map((r) => {
      const emotions = thoughtRecordIntensities(r.answers);
      return {
        submissionId: r.id,
        submittedAt: r.submittedAt.toISOString(),
        emotions,
        meanBefore: mean(emotions.map((e) => e.before)),
        meanAfter: mean(emotions.map((e) => e.after)),
      };
    });
  });
}
