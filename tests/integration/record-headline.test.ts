import { describe, expect, it } from 'vitest';
import { clientRecordHeadline } from '../../lib/clients/record-headline';
import { myProgress } from '../../lib/measures/queries';
import { insertAdministrations } from '../support/caseload';
import { insertAlert } from '../support/clinical';
import { actorFor, makePractice } from '../support/factories';

describe("the client record's header", () => {
  it("shows each measure's latest complete score in its band and counts the open alerts, for the care team", async () => {
    const p = await makePractice();
    const clientId = p.clientA1.clientId;
    await insertAdministrations(p.id, clientId, [
      { key: 'phq9', score: 18, daysAgo: 30 },
      { key: 'phq9', score: 11, daysAgo: 2 },
      { key: 'phq9', answers: { q1: 1 }, daysAgo: 1 },
      { key: 'gad7', score: 3, daysAgo: 5 },
    ]);
    await insertAdministrations(p.id, p.clientA2.clientId, [{ key: 'who5', score: 80, daysAgo: 1 }]);
    // Two open alerts (one urgent), and an urgent one already acknowledged that no longer counts.
    await insertAlert(p.id, clientId, 'phq9_urgent', { hoursAgo: 24 });
    await insertAlert(p.id, clientId, 'phq9_reliable_deterioration', { hoursAgo: 24 });
    await insertAlert(p.id, clientId, 'checkin_safety_yes', { hoursAgo: 24, acknowledgedBy: p.therapist.membershipId });
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

  it('shows the therapist the latest score in the same band the client sees on their own progress page', async () => {
    const p = await makePractice();
    await insertAdministrations(p.id, p.clientA1.clientId, [
      { key: 'phq9', score: 18, daysAgo: 30 },
      { key: 'phq9', score: 7, daysAgo: 2 },
    ]);
    const headline = await clientRecordHeadline((await actorFor(p.therapist, p.id))!, p.clientA1.clientId);
    const progress = await myProgress((await actorFor(p.clientA1, p.id))!);
    const clinic = headline!.scores[0]!;
    const portal = progress.find((m) => m.measure === clinic.key)!.latest;
    const shown = { score: 7, bandLabel: 'Mild', bandId: 'mild' };
    expect({ score: clinic.score, bandLabel: clinic.bandLabel, bandId: clinic.bandId }).toEqual(shown);
    expect({ score: portal.score, bandLabel: portal.bandLabel, bandId: portal.bandId }).toEqual(shown);
  });

  it('reads nothing for anyone off the care team', async () => {
    const p = await makePractice();
    expect(await clientRecordHeadline((await actorFor(p.admin, p.id))!, p.clientA1.clientId)).toBeNull();
    expect(await clientRecordHeadline((await actorFor(p.therapist, p.id))!, p.clientA2.clientId)).toBeNull();
  });
});
