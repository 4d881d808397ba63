import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { alerts, measureAdministrations } from '../../db/schema';
import { clientRecordHeadline } from '../../lib/clients/record-headline';
import { asOwner } from '../support/clinical';
import { actorFor, makePractice } from '../support/factories';

const DAY = 86_400_000;

function administration(practiceId: string, clientId: string, measure: string, score: number, daysAgo: number, status: 'complete' | 'incomplete' = 'complete') {
  return {
    practiceId, id: randomUUID(), clientId, measure, status, answers: {}, score: status === 'complete' ? score : null,
    submissionKey: randomUUID(), completedAt: new Date(Date.now() - daysAgo * DAY),
  };
}

function alert(practiceId: string, clientId: string, tier: 'urgent' | 'follow_up', acknowledged: boolean) {
  return {
    practiceId, id: randomUUID(), clientId, kind: tier === 'urgent' ? 'phq9_item9_positive' : 'phq9_reliable_deterioration', tier, reason: 'reason',
    sourceType: 'measure', sourceId: randomUUID(), raisedAt: new Date(Date.now() - DAY), acknowledgedAt: acknowledged ? new Date() : null,
  } as typeof alerts.$inferInsert;
}

describe("the client record's header", () => {
  it("shows each measure's latest complete score in its band and counts the open alerts, for the care team", async () => {
    const p = await makePractice();
    const clientId = p.clientA1.clientId;
    await asOwner(p.id, async (tx) => {
      await tx.insert(measureAdministrations).values([
        administration(p.id, clientId, 'phq9', 18, 30),
        administration(p.id, clientId, 'phq9', 11, 2),
        administration(p.id, clientId, 'phq9', 0, 1, 'incomplete'),
        administration(p.id, clientId, 'gad7', 3, 5),
        administration(p.id, p.clientA2.clientId, 'who5', 20, 1),
      ]);
      await tx.insert(alerts).values([alert(p.id, clientId, 'urgent', false), alert(p.id, clientId, 'follow_up', false), alert(p.id, clientId, 'urgent', true)]);
    });
    const headline = await clientRecordHeadline((await actorFor(p.therapist, p.id))!, clientId);
    expect(headline).toEqual({
      scores: [
        { key: 'phq9', shortTitle: 'PHQ-9', score: 11, bandLabel: 'Moderate', bandId: 'moderate', day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
        { key: 'gad7', shortTitle: 'GAD-7', score: 3, bandLabel: 'Minimal', bandId: 'minimal', day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      ],
      openAlerts: 2,
      urgentAlerts: 1,
    });
  });

  it('reads nothing for anyone off the care team', async () => {
    const p = await makePractice();
    expect(await clientRecordHeadline((await actorFor(p.admin, p.id))!, p.clientA1.clientId)).toBeNull();
    expect(await clientRecordHeadline((await actorFor(p.therapist, p.id))!, p.clientA2.clientId)).toBeNull();
  });
});
