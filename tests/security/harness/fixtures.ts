import { randomUUID } from 'node:crypto';
import {
  alerts,
  assignmentOccurrences,
  assignments,
  auditEvents,
  checkinRevisions,
  checkins,
  clients,
  clinicianNotificationPreferences,
  emailOutbox,
  jobRuns,
  pendingSignups,
  notificationDeliveries,
  notificationSettings,
  pushSubscriptions,
  reminderPreferences,
  exerciseTemplates,
  idempotencyKeys,
  invitations,
  measureAdministrations,
  measureDrafts,
  measureSchedules,
  submissionComments,
  submissionVersions,
  submissions,
} from '../../../db/schema';
import { ownerScoped } from '../../../db/seed/factories';
import { buildCustomTemplate, customTemplateInput } from '../../../lib/exercises';
import { openTestDatabase } from '../../support/database';
import type { TestPractice } from '../../support/factories';

/** Ids of the victim's rows, one per tenant table, and the text only the care team may read. */
export type Fixture = {
  clientId: string;
  checkinId: string;
  checkinRevisionId: string;
  administrationId: string;
  submissionKey: string;
  scheduleId: string;
  alertId: string;
  templateId: string;
  templateKey: string;
  assignmentId: string;
  occurrenceId: string;
  /** A second, still-due occurrence of the same assignment, for the client's own work. */
  dueOccurrenceId: string;
  submissionId: string;
  versionId: string;
  commentId: string;
  privateCommentId: string;
  invitationId: string;
  pushSubscriptionId: string;
  /** A client record with no portal login yet (an invitation may link one). */
  unlinkedClientId: string;
  /** Clinical text of client A1: only A1 and their care team may ever read it. */
  clinicalCanary: string;
  /** A private therapist note: only the care team may read it, never the client. */
  privateCanary: string;
};

/** A small valid custom exercise, through the builder's own schema. */
export function customDefinitionInput(tag: string) {
  return {
    title: `Custom ${tag}`,
    fields: [
      { id: 'first', type: 'long_text', label: 'What happened?', required: true },
      { id: 'second', type: 'yes_no', label: 'Did it help?', required: false },
    ],
  };
}
export const customDefinition = (tag: string) => customTemplateInput.parse(customDefinitionInput(tag));

/** Valid answers to the built-in self-compassion break, the fixture's assignment. */
export const selfCompassionAnswers = (text: string) => ({
  situation: text, distress_before: 6, self_criticism_before: 7, step_noticing: 'This hurts.',
  step_common_humanity: 'Others feel this too.', step_kindness: 'Be kind.', soothing_touch: true,
  distress_after: 4, self_criticism_after: 4,
});

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * Fills every tenant table with one row for the practice's first client (owner connection), so the
 * probes have something to steal and the RLS probes something to miss. The RLS test fails when a
 * new tenant table is left empty here.
 */
export async function populate(practice: TestPractice, label: string): Promise<Fixture> {
  const db = await (await openTestDatabase()).owner();
  const p = practice.id;
  const clientId = practice.clientA1.clientId;
  const tag = randomUUID().slice(0, 8);
  const f: Fixture = {
    clientId,
    checkinId: randomUUID(),
    checkinRevisionId: randomUUID(),
    administrationId: randomUUID(),
    submissionKey: `key-${tag}-${randomUUID().slice(0, 8)}`,
    scheduleId: randomUUID(),
    alertId: randomUUID(),
    templateId: randomUUID(),
    templateKey: `custom_${randomUUID().replace(/-/g, '').slice(0, 10)}`,
    assignmentId: randomUUID(),
    occurrenceId: randomUUID(),
    dueOccurrenceId: randomUUID(),
    submissionId: randomUUID(),
    versionId: randomUUID(),
    commentId: randomUUID(),
    privateCommentId: randomUUID(),
    invitationId: randomUUID(),
    pushSubscriptionId: randomUUID(),
    unlinkedClientId: randomUUID(),
    clinicalCanary: `CANARY${label}clinical${tag}`,
    privateCanary: `CANARY${label}private${tag}`,
  };
  const therapist = practice.therapist.membershipId;
  await ownerScoped(db, p, async (tx) => {
    await tx.insert(checkins).values({
      practiceId: p, id: f.checkinId, clientId, localDay: isoDay(-1), mood: 4, distress: 30, window: 'within',
      note: `${f.clinicalCanary} check-in note`, selfCare: ['walk'],
    });
    await tx.insert(checkinRevisions).values({
      practiceId: p, id: f.checkinRevisionId, checkinId: f.checkinId, clientId, revision: 1,
      snapshot: { note: `${f.clinicalCanary} earlier note`, mood: 3 },
    });
    await tx.insert(measureAdministrations).values({
      practiceId: p, id: f.administrationId, clientId, measure: 'phq9', status: 'complete',
      answers: { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1, q8: 1, q9: 0 }, score: 8, rawScore: 8, band: 'mild',
      submissionKey: f.submissionKey, completedAt: new Date(Date.now() - 3 * 86_400_000),
    });
    await tx.insert(measureDrafts).values({ practiceId: p, clientId, measure: 'gad7', answers: { q1: 2 } });
    await tx.insert(measureSchedules).values({
      practiceId: p, id: f.scheduleId, clientId, measure: 'phq9', everyDays: 14, startDate: isoDay(-30), createdByMembershipId: therapist,
    });
    await tx.insert(alerts).values({
      practiceId: p, id: f.alertId, clientId, kind: 'phq9_item9', tier: 'urgent', reason: `${f.clinicalCanary} alert reason`,
      sourceType: 'measure', sourceId: f.administrationId,
    });
    await tx.insert(exerciseTemplates).values({
      practiceId: p, id: f.templateId, key: f.templateKey, version: 1, title: `Custom ${tag}`,
      definition: buildCustomTemplate(customDefinition(tag), { key: f.templateKey, version: 1 }) as unknown as Record<string, unknown>,
      sharedWithPractice: true, createdByMembershipId: therapist,
    });
    await tx.insert(assignments).values({
      practiceId: p, id: f.assignmentId, clientId, kind: 'exercise', templateKey: 'self_compassion_break', templateVersion: 1,
      instructions: `${f.clinicalCanary} instructions`, startDate: isoDay(-1), timeZone: 'America/New_York',
      recurrence: { kind: 'daily', end: { count: 3 } }, createdByMembershipId: therapist,
    });
    await tx.insert(assignmentOccurrences).values([
      { practiceId: p, id: f.occurrenceId, assignmentId: f.assignmentId, clientId, index: 0, localDate: isoDay(-1),
        dueAt: new Date(Date.now() - 3_600_000), status: 'submitted' },
      { practiceId: p, id: f.dueOccurrenceId, assignmentId: f.assignmentId, clientId, index: 1, localDate: isoDay(1),
        dueAt: new Date(Date.now() + 86_400_000), status: 'due' },
    ]);
    await tx.insert(submissions).values({
      practiceId: p, id: f.submissionId, occurrenceId: f.occurrenceId, assignmentId: f.assignmentId, clientId,
      templateKey: 'self_compassion_break', templateVersion: 1, status: 'submitted', currentVersion: 1,
      draftAnswers: { situation: `${f.clinicalCanary} draft` }, submittedAt: new Date(),
    });
    await tx.insert(submissionVersions).values({
      practiceId: p, id: f.versionId, submissionId: f.submissionId, clientId, version: 1,
      answers: { situation: `${f.clinicalCanary} situation` },
    });
    await tx.insert(submissionComments).values([
      { practiceId: p, id: f.commentId, submissionId: f.submissionId, clientId, version: 1, fieldPath: 'situation',
        body: `${f.clinicalCanary} comment`, visibility: 'client', authorMembershipId: therapist },
      { practiceId: p, id: f.privateCommentId, submissionId: f.submissionId, clientId, version: 1, fieldPath: null,
        body: `${f.privateCanary} private note`, visibility: 'private', authorMembershipId: therapist },
    ]);
    await tx.insert(invitations).values({
      practiceId: p, id: f.invitationId, email: `invitee-${tag}@test.example`, role: 'therapist',
      tokenHash: `hash-${tag}-${randomUUID()}`, invitedByMembershipId: practice.admin.membershipId,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    await tx.insert(auditEvents).values({ practiceId: p, action: 'fixture.seeded', clientId });
    await tx.insert(idempotencyKeys).values({
      practiceId: p, userId: practice.clientA1.userId, key: `fixture-${tag}-${randomUUID()}`, action: 'checkin.submit',
      requestHash: `hash-${tag}`, result: { checkinId: f.checkinId, note: `${f.clinicalCanary} stored result` },
    });
    await tx.insert(clients).values({ practiceId: p, id: f.unlinkedClientId, firstName: 'Unlinked', lastName: `Record ${tag}` });
    await tx.insert(notificationSettings).values({ practiceId: p, escalationWindowMinutes: 90 });
    await tx.insert(reminderPreferences).values({
      practiceId: p, clientId, enabled: true, checkinTime: '18:30', timeZone: 'America/New_York', quietStart: '22:00',
      quietEnd: '07:00', weeklyCap: 5,
    });
    await tx.insert(clinicianNotificationPreferences).values({ practiceId: p, membershipId: therapist, dailyDigest: true });
    await tx.insert(pushSubscriptions).values({
      practiceId: p, id: f.pushSubscriptionId, membershipId: practice.clientA1.membershipId,
      endpoint: `https://127.0.0.1:9/${tag}`, p256dh: 'BKey', auth: 'auth',
    });
    await tx.insert(notificationDeliveries).values({
      practiceId: p, membershipId: practice.clientA1.membershipId, kind: 'reminder', subjectKey: isoDay(-1),
    });
    await tx.insert(emailOutbox).values({
      practiceId: p, kind: 'reminder', toAddress: `client-${tag}@test.example`, subject: 'You have something waiting in Mend', body: 'x',
    });
    await tx.insert(jobRuns).values({ practiceId: p, job: 'reminders.tick', lastStartedAt: new Date(), lastSucceededAt: new Date() });
    // Pending sign-ups belong to the accounts desk in the app; a row keyed to this practice lets the RLS probes cover the table.
    await tx.insert(pendingSignups).values({
      practiceId: p, email: `founder-${tag}@test.example`, name: 'Founder', practiceName: `Pending ${tag}`, timeZone: 'UTC',
      passwordHash: 'x', tokenHash: `hash-${tag}`, expiresAt: new Date(Date.now() + 3_600_000),
    });
  });
  return f;
}
