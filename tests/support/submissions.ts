import { and, eq } from 'drizzle-orm';
import { ownerScoped } from '../../db/seed/factories';
import { assignmentOccurrences, submissions, submissionVersions } from '../../db/schema';
import { submitExercise } from '../../lib/submissions/actions';
import { type AssignOptions, assignExercise } from './clinical';
import { actAs, owner, type TestPractice } from './factories';

// Homework fixtures shared by the submission tests: thought-record answers, an assigned item, what was stored.

type ClientPerson = TestPractice['clientA1'];

export const partialThoughtRecord = {
  situation_what: 'A friend did not answer my message.',
  emotions: [{ name: 'hurt', intensity: 70 }],
};

export const fullThoughtRecord = {
  situation_what: 'A friend did not answer my message.',
  emotions: [
    { name: 'hurt', intensity: 70 },
    { name: 'lonely', intensity: 50 },
  ],
  automatic_thoughts: [{ text: 'Nobody wants me around.', hot: true }],
  evidence_for: 'No reply for two days.',
  evidence_against: 'She replied quickly last week.',
  balanced_thought: 'She may simply be busy.',
  balanced_belief: 60,
  emotions_rerated: [
    { name: 'hurt', intensity: 40 },
    { name: 'lonely', intensity: 30 },
  ],
};

/** An exercise assigned to `client` by the practice's therapist unless told, with one occurrence due; written as the database owner. */
export function assign(p: TestPractice, client: ClientPerson, opts: AssignOptions & { byMembershipId?: string } = {}) {
  return assignExercise(p.id, client.clientId, opts.byMembershipId ?? p.therapist.membershipId, opts);
}

export async function rowsFor(practiceId: string, occurrenceId: string) {
  const db = await owner();
  return ownerScoped(db, practiceId, async (tx) => {
    const subs = await tx.select().from(submissions).where(and(eq(submissions.practiceId, practiceId), eq(submissions.occurrenceId, occurrenceId)));
    const versions = subs.length
      ? await tx.select().from(submissionVersions).where(and(eq(submissionVersions.practiceId, practiceId), eq(submissionVersions.submissionId, subs[0]!.id)))
      : [];
    const [occ] = await tx
      .select()
      .from(assignmentOccurrences)
      .where(and(eq(assignmentOccurrences.practiceId, practiceId), eq(assignmentOccurrences.id, occurrenceId)));
    return { submission: subs[0], versions, occurrence: occ! };
  });
}

export async function submitted(p: TestPractice, answers: Record<string, unknown> = fullThoughtRecord) {
  const { occurrenceId } = await assign(p, p.clientA1);
  actAs(p.clientA1, p.id);
  const result = await submitExercise(null, { occurrenceId, templateVersion: 1, answers });
  if (!result.ok) throw new Error(`submit failed: ${result.formError} ${JSON.stringify(result.fieldErrors)}`);
  return { occurrenceId, submissionId: result.data.submissionId };
}

