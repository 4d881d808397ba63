import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assignmentOccurrences, assignments, measureDrafts, measureSchedules } from '../../db/schema';
import { MEASURES } from '../../lib/measures';
import { myDueMeasures } from '../../lib/measures/queries';
import { addDays, localDay } from '../../lib/time/day';
import { insertAdministrations } from '../support/caseload';
import { asOwner } from '../support/clinical';
import { actorFor, makePractice } from '../support/factories';

// The measures due on the portal home, read in one statement (lib/measures/queries.ts myDueMeasures).
describe('the measures due', () => {
  it('takes each schedule’s own last completion, the earliest reason a measure is due, and the client’s own drafts only', async () => {
    const p = await makePractice();
    const today = localDay(new Date(), 'America/New_York');
    const [a1, a2] = [p.clientA1.clientId, p.clientA2.clientId];
    await asOwner(p.id, async (tx) => {
      await tx.insert(measureSchedules).values([
        // Current periods began 6 days ago.
        { practiceId: p.id, clientId: a1, measure: 'phq9', everyDays: 14, startDate: addDays(today, -20) },
        { practiceId: p.id, clientId: a1, measure: 'gad7', everyDays: 7, startDate: addDays(today, -20) },
      ]);
      for (const [measure, daysAhead] of [
        ['phq9', 0],
        ['who5', -1],
      ] as const) {
        const assignmentId = randomUUID();
        await tx.insert(assignments).values({
          practiceId: p.id,
          id: assignmentId,
          clientId: a1,
          kind: 'measure',
          templateKey: measure,
          startDate: addDays(today, daysAhead),
          timeZone: 'America/New_York',
          recurrence: { kind: 'once' },
          createdByMembershipId: p.therapist.membershipId,
        });
        await tx.insert(assignmentOccurrences).values({
          practiceId: p.id,
          id: randomUUID(),
          assignmentId,
          clientId: a1,
          index: 0,
          localDate: addDays(today, daysAhead),
          dueAt: new Date(),
        });
      }
      await tx.insert(measureDrafts).values([
        { practiceId: p.id, clientId: a1, measure: 'phq9', answers: { q1: 1 } },
        { practiceId: p.id, clientId: a2, measure: 'who5', answers: { q1: 1 } },
      ]);
    });
    // PHQ-9 was last done in the previous period (still due), GAD-7 in this one (not due).
    await insertAdministrations(p.id, a1, [
      { key: 'phq9', score: 5, daysAgo: 8 },
      { key: 'gad7', score: 5, daysAgo: 2 },
    ]);
    const actor = (await actorFor(p.clientA1, p.id))!;
    expect(await myDueMeasures(actor)).toEqual([
      {
        measure: 'phq9',
        title: 'PHQ-9',
        dueDay: addDays(today, -6),
        overdue: true,
        source: 'schedule',
        hasDraft: true,
      },
      {
        measure: 'who5',
        title: MEASURES.who5.shortTitle,
        dueDay: addDays(today, -1),
        overdue: true,
        source: 'assignment',
        hasDraft: false,
      },
    ]);
  });
});
