import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignmentOccurrences, assignments, exerciseTemplates, submissions, submissionVersions } from '../../db/schema';
import { ownerScoped } from '../../db/seed/factories';
import type { Actor } from '../../lib/auth/types';
import { createCustomExercise, updateCustomExercise } from '../../lib/exercises/actions';
import { clientHistory, clientHomework, clientSubmissionList, pinnedPlans } from '../../lib/submissions/queries';
import { listInbox, parseInboxFilters } from '../../lib/submissions/inbox';
import { openTestDatabase } from '../support/database';
import { actAs, actorFor, makePractice, type TestPractice } from '../support/factories';
import { statementsOf } from '../support/statements';

/*
 * The portal's and the review's lists look up each row's exercise template. Built-in ones resolve in memory;
 * the practice's own are read together, so each list costs the same number of statements with one sent item
 * as with many, of many kinds and versions.
 */

const definition = {
  title: 'Evening check',
  summary: 'Two questions before bed.',
  themes: ['journaling'],
  fields: [{ type: 'short_text', label: 'One word for today', required: true }],
};

let sentCount = 0;

/** One sent piece of homework for client A1, written as the database owner. */
async function sent(p: TestPractice, templateKey: string, templateVersion: number, answers: Record<string, unknown>, at: Date) {
  const db = await (await openTestDatabase()).owner();
  const index = sentCount++;
  await ownerScoped(db, p.id, async (tx) => {
    const [a] = await tx
      .insert(assignments)
      .values({
        practiceId: p.id,
        clientId: p.clientA1.clientId,
        kind: 'exercise',
        templateKey,
        templateVersion,
        startDate: '2025-01-06',
        timeZone: 'America/New_York',
        recurrence: { kind: 'once' },
        createdByMembershipId: p.therapist.membershipId,
      })
      .returning();
    const [o] = await tx
      .insert(assignmentOccurrences)
      .values({ practiceId: p.id, assignmentId: a!.id, clientId: p.clientA1.clientId, index, localDate: '2025-01-06', dueAt: at, status: 'submitted' })
      .returning();
    const [s] = await tx
      .insert(submissions)
      .values({
        practiceId: p.id,
        occurrenceId: o!.id,
        assignmentId: a!.id,
        clientId: p.clientA1.clientId,
        templateKey,
        templateVersion,
        status: 'submitted',
        currentVersion: 1,
        submittedAt: at,
      })
      .returning();
    await tx.insert(submissionVersions).values({ practiceId: p.id, submissionId: s!.id, clientId: p.clientA1.clientId, version: 1, answers, submittedAt: at });
  });
}

/** A custom exercise of the practice at versions 1 and 2 (titles "Evening check" and "Evening check, v2"). */
async function customExercise(p: TestPractice): Promise<string> {
  actAs(p.therapist, p.id);
  await expect(createCustomExercise(null, { definition, share: true })).rejects.toThrow(/NEXT_REDIRECT/);
  const db = await (await openTestDatabase()).owner();
  const rows = await ownerScoped(db, p.id, (tx) =>
    tx.select({ key: exerciseTemplates.key }).from(exerciseTemplates).where(eq(exerciseTemplates.practiceId, p.id)).orderBy(asc(exerciseTemplates.createdAt)),
  );
  const key = rows.at(-1)!.key;
  await expect(updateCustomExercise(null, { key, definition: { ...definition, title: 'Evening check, v2' } })).rejects.toThrow(/NEXT_REDIRECT/);
  return key;
}

const day = (n: number) => new Date(Date.UTC(2025, 0, n, 15));

let p: TestPractice;
let client: Actor;
let therapist: Actor;
let custom: string;

beforeAll(async () => {
  p = await makePractice();
  client = (await actorFor(p.clientA1, p.id))!;
  therapist = (await actorFor(p.therapist, p.id))!;
  custom = await customExercise(p);
  await sent(p, 'safety_plan', 1, { warning_signs: 'first plan' }, day(2));
  await sent(p, custom, 1, { one_word_for_today: 'calm' }, day(3));
});

/** How many statements each list takes for client A1 as things stand. */
async function costs() {
  const count = async (fn: () => Promise<unknown>) => (await statementsOf(fn)).statements.length;
  return {
    history: await count(() => clientHistory(client)),
    pinned: await count(() => pinnedPlans(client)),
    homework: await count(() => clientHomework(client, day(20))),
    recordList: await count(() => clientSubmissionList(therapist, p.clientA1.clientId, day(20))),
    inbox: await count(() => listInbox(therapist, parseInboxFilters({}))),
  };
}

describe('the homework lists read templates together, not one row at a time', () => {
  it('costs the same number of statements with two sent items as with twenty of every kind and version', async () => {
    const few = await costs();
    // The transaction's settings, the rows, the comments, the custom keys' states, their definitions.
    expect(few.history).toBe(5);
    // The settings, the kinds sent, the custom keys' states, their definitions, the newest pinned plan.
    expect(few.pinned).toBe(5);

    for (let i = 0; i < 6; i++) {
      await sent(p, custom, 1 + (i % 2), { one_word_for_today: `word ${i}` }, day(4 + i));
      await sent(p, 'thought_record', 1, { situation_what: `situation ${i}` }, day(4 + i));
      await sent(p, 'safety_plan', 1, { warning_signs: `plan ${i}` }, day(4 + i));
    }
    expect(await costs()).toEqual(few);
  });

  it('pins only the newest safety plan, with its answers, and titles each item by the version it was made with', async () => {
    const plans = await pinnedPlans(client);
    expect(plans).toHaveLength(1);
    expect(plans[0]!.template.key).toBe('safety_plan');
    expect(plans[0]!.answers).toEqual({ warning_signs: 'plan 5' });

    const history = await clientHistory(client);
    const titles = history.filter((h) => h.template?.key === custom).map((h) => `${h.version}:${h.title}`);
    expect(new Set(titles)).toEqual(new Set(['1:Evening check', '1:Evening check, v2']));
    const byVersion = await ownerScoped(await (await openTestDatabase()).owner(), p.id, (tx) =>
      tx
        .select({ id: submissions.id, version: submissions.templateVersion })
        .from(submissions)
        .where(and(eq(submissions.practiceId, p.id), eq(submissions.templateKey, custom))),
    );
    for (const row of byVersion) {
      const entry = history.find((h) => h.submissionId === row.id)!;
      expect(entry.title).toBe(row.version === 2 ? 'Evening check, v2' : 'Evening check');
    }
  });
});
