import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '../connection';
import { assignmentOccurrences, assignments, submissionComments, submissions, submissionVersions } from '../schema';
import type { DemoData, DemoPractice } from './demo';
import { ownerScoped } from './factories';
import { addDays, localDay, zonedTimeToUtc } from '../../lib/time/day';

const FEELINGS = ['hurt', 'ashamed', 'lonely', 'anxious'] as const;
const SITUATIONS = [
  'A friend cancelled our plans at the last minute by text.',
  'My manager did not reply to my idea in the team chat.',
  'I was not invited to a colleague’s birthday drinks.',
  'My sister left my message on read all evening.',
];

/** A plausible thought record whose feelings ease a little more each week (the trend the therapist sees). */
export function demoThoughtRecord(week: number, revised = false): Record<string, unknown> {
  const before = Math.max(40, 85 - week * 5);
  const after = Math.max(15, 60 - week * 10);
  const feelings = FEELINGS.slice(0, 2 + (week % 2));
  return {
    situation_what: SITUATIONS[week % SITUATIONS.length],
    situation_when: 'Evening',
    emotions: feelings.map((name, i) => ({ name, intensity: before - i * 10 })),
    automatic_thoughts: [
      { text: 'They don’t actually want me around.', hot: true },
      { text: 'I always say the wrong thing.', hot: false },
    ],
    distortions: ['mind_reading', 'overgeneralizing'],
    evidence_for: 'They did not answer, and it has happened before.',
    evidence_against: revised
      ? 'They answered warmly last week, and they asked me to lunch on Friday.'
      : 'They answered warmly last week.',
    balanced_thought: 'People get busy; one missed reply is not a verdict on me.',
    balanced_belief: 50 + week * 5,
    emotions_rerated: feelings.map((name, i) => ({ name, intensity: Math.max(0, after - i * 10) })),
  };
}

export const DEMO_SAFETY_PLAN = {
  warning_signs: [{ text: 'Not answering my phone for a whole day' }, { text: 'Thinking “nobody would notice”' }],
  coping_alone: [{ text: 'Cold water on my face, then a walk round the block' }, { text: 'My calm-place cue word: harbour' }],
  distraction_places: [{ text: 'The library café' }],
  help_people: [{ name: 'J.', contact: 'Sister — call after 6pm' }],
  professionals: [{ name: 'My therapist', contact: 'Practice front desk, weekdays' }],
  crisis_lines: [{ name: '988 Suicide & Crisis Lifeline', contact: 'Call or text 988' }],
  safer_surroundings: [{ text: 'Leave spare medication with J.' }],
};

async function seedPractice(handle: DatabaseHandle, practice: DemoPractice, timeZone: string): Promise<void> {
  const db = await handle.owner();
  const today = localDay(new Date(), timeZone);
  const a: (typeof assignments.$inferInsert)[] = [];
  const o: (typeof assignmentOccurrences.$inferInsert)[] = [];
  const s: (typeof submissions.$inferInsert)[] = [];
  const v: (typeof submissionVersions.$inferInsert)[] = [];
  const c: (typeof submissionComments.$inferInsert)[] = [];
  const at = (date: string, time = '20:00') => zonedTimeToUtc(date, time, timeZone);

  practice.clients.slice(0, 6).forEach((client, i) => {
    const therapist = practice.therapists[i % practice.therapists.length]!;
    const assignmentId = randomUUID();
    const start = addDays(today, -28);
    a.push({
      practiceId: practice.id,
      id: assignmentId,
      clientId: client.clientId,
      kind: 'exercise',
      templateKey: 'thought_record',
      templateVersion: 1,
      instructions: 'Once a week, pick the moment that stung most and take it through the steps.',
      startDate: start,
      timeZone,
      recurrence: { kind: 'weekly', end: { count: 6 } },
      createdByMembershipId: therapist.membershipId,
      createdAt: at(start, '09:00'),
    });
    // Weeks 0–1 reviewed (week 1 after a revision), week 2 waiting for review, week 3 due, weeks 4–5 ahead.
    for (let week = 0; week < 6; week++) {
      const date = addDays(start, week * 7);
      const occurrenceId = randomUUID();
      const status = week <= 1 ? 'reviewed' : week === 2 ? 'submitted' : 'due';
      o.push({ practiceId: practice.id, id: occurrenceId, assignmentId, clientId: client.clientId, index: week, localDate: date, dueAt: at(date), status });
      if (week > 2) continue;
      const submissionId = randomUUID();
      const versions = week === 1 ? 2 : 1;
      const sentAt = at(date, '19:00');
      s.push({
        practiceId: practice.id,
        id: submissionId,
        occurrenceId,
        assignmentId,
        clientId: client.clientId,
        templateKey: 'thought_record',
        templateVersion: 1,
        status: week <= 1 ? 'reviewed' : 'submitted',
        currentVersion: versions,
        submittedAt: new Date(sentAt.getTime() + (versions - 1) * 86_400_000),
        reviewedAt: week <= 1 ? new Date(sentAt.getTime() + versions * 86_400_000) : null,
        createdAt: sentAt,
      });
      for (let n = 1; n <= versions; n++) {
        v.push({
          practiceId: practice.id,
          submissionId,
          clientId: client.clientId,
          version: n,
          answers: demoThoughtRecord(week, n === 2),
          submittedAt: new Date(sentAt.getTime() + (n - 1) * 86_400_000),
        });
      }
      if (week === 1) {
        c.push(
          {
            practiceId: practice.id,
            submissionId,
            clientId: client.clientId,
            version: 1,
            fieldPath: 'evidence_against',
            body: 'Look again at this week too — was there anything that did not fit the hot thought?',
            visibility: 'client',
            authorMembershipId: therapist.membershipId,
            createdAt: new Date(sentAt.getTime() + 3_600_000),
          },
          {
            practiceId: practice.id,
            submissionId,
            clientId: client.clientId,
            version: 1,
            fieldPath: null,
            body: 'Mind reading is recurring; consider it as a session theme.',
            visibility: 'private',
            authorMembershipId: therapist.membershipId,
            createdAt: new Date(sentAt.getTime() + 3_700_000),
          },
        );
      }
    }
  });

  // The first client has shared a safety plan, so the portal pins it.
  const first = practice.clients[0];
  if (first) {
    const therapist = practice.therapists[0]!;
    const assignmentId = randomUUID();
    const occurrenceId = randomUUID();
    const submissionId = randomUUID();
    const date = addDays(today, -20);
    a.push({
      practiceId: practice.id,
      id: assignmentId,
      clientId: first.clientId,
      kind: 'exercise',
      templateKey: 'safety_plan',
      templateVersion: 1,
      instructions: 'We started this together in session; finish it at home in your own words.',
      startDate: date,
      timeZone,
      recurrence: { kind: 'once' },
      createdByMembershipId: therapist.membershipId,
      createdAt: at(date, '09:00'),
    });
    o.push({ practiceId: practice.id, id: occurrenceId, assignmentId, clientId: first.clientId, index: 0, localDate: date, dueAt: at(date), status: 'reviewed' });
    s.push({
      practiceId: practice.id,
      id: submissionId,
      occurrenceId,
      assignmentId,
      clientId: first.clientId,
      templateKey: 'safety_plan',
      templateVersion: 1,
      status: 'reviewed',
      currentVersion: 1,
      submittedAt: at(date, '18:00'),
      reviewedAt: at(addDays(date, 1), '10:00'),
      createdAt: at(date, '17:00'),
    });
    v.push({ practiceId: practice.id, submissionId, clientId: first.clientId, version: 1, answers: DEMO_SAFETY_PLAN, submittedAt: at(date, '18:00') });
  }

  await ownerScoped(db, practice.id, async (tx) => {
    await tx.insert(assignments).values(a);
    await tx.insert(assignmentOccurrences).values(o);
    await tx.insert(submissions).values(s);
    await tx.insert(submissionVersions).values(v);
    if (c.length) await tx.insert(submissionComments).values(c);
  });
}

/** Homework history: weekly thought records (reviewed, revised, waiting) and a shared safety plan. */
export async function seedSubmissions(handle: DatabaseHandle, demo: DemoData): Promise<void> {
  await seedPractice(handle, demo.northside, 'America/New_York');
  await seedPractice(handle, demo.riverbend, 'Europe/London');
}
