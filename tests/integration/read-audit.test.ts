import { describe, expect, it } from 'vitest';
import { listOpenAlerts } from '../../lib/alerts/queries';
import { clientRecordHeadline } from '../../lib/clients/record-headline';
import { getClientOverview } from '../../lib/measures/client-overview';
import { recordCaseloadView } from '../../lib/caseload/audit';
import { loadRoster } from '../../lib/caseload/roster';
import { DEFAULT_VIEW } from '../../lib/caseload/url';
import { submitMeasure } from '../../lib/measures/actions';
import { getSubmissionForReview } from '../../lib/submissions/queries';
import { auditOf } from '../support/clinical';
import { submitted } from '../support/submissions';
import { actAs, actorFor, makePractice } from '../support/factories';

/** Nothing of what was read is in the row: ids, counts and names of things only. */
function expectIdsOnly(meta: unknown) {
  const text = JSON.stringify(meta ?? {});
  for (const words of ['friend', 'Nobody', 'reply', 'busy', 'hurt']) expect(text).not.toContain(words);
}

describe('reads of clinical content are audited: who read what, and when', () => {
  it("opening a submission's answers writes one row naming the reader, the submission and the client", async () => {
    const p = await makePractice();
    const { submissionId } = await submitted(p);
    const before = Date.now();
    const therapist = (await actorFor(p.therapist, p.id))!;
    const view = await getSubmissionForReview(therapist, submissionId);
    expect(view && 'versions' in view && view.versions).toHaveLength(1);
    const rows = await auditOf(p.id, 'submission.view');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorUserId: p.therapist.userId, actorRole: 'therapist', entityType: 'submission', entityId: submissionId, clientId: p.clientA1.clientId });
    expect(rows[0]!.at.getTime()).toBeGreaterThanOrEqual(before - 5_000);
    expectIdsOnly(rows[0]!.meta);
    // Off the care team the answer is "not found", and nothing was read, so nothing is recorded.
    const other = (await actorFor(p.otherTherapist, p.id))!;
    expect(await getSubmissionForReview(other, submissionId)).toBeNull();
    expect(await auditOf(p.id, 'submission.view')).toHaveLength(1);
  });

  it('the alerts list and the caseload each leave a row', async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    const phq9 = { q1: 3, q2: 3, q3: 3, q4: 3, q5: 3, q6: 3, q7: 3, q8: 3, q9: 2 };
    expect(await submitMeasure(null, { measure: 'phq9', submissionKey: 'read-audit-key-000001', answers: phq9 })).toMatchObject({ ok: true });
    const therapist = (await actorFor(p.therapist, p.id))!;
    expect(await listOpenAlerts(therapist)).not.toHaveLength(0);
    await recordCaseloadView(therapist, await loadRoster(therapist, DEFAULT_VIEW));
    for (const action of ['alerts.view', 'caseload.view']) {
      const rows = await auditOf(p.id, action);
      expect(rows, action).toHaveLength(1);
      expect(rows[0], action).toMatchObject({ actorUserId: p.therapist.userId });
    }
    // The roster page audits the page it shows inside the transaction that read it: one more row.
    await loadRoster(therapist, DEFAULT_VIEW, { recordView: true });
    expect(await auditOf(p.id, 'caseload.view')).toHaveLength(2);
  });

  it("each load of a client's record writes one row naming the section shown, whichever section it is", async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    const phq9 = { q1: 3, q2: 3, q3: 3, q4: 3, q5: 3, q6: 3, q7: 3, q8: 3, q9: 2 };
    expect(await submitMeasure(null, { measure: 'phq9', submissionKey: 'read-audit-key-000002', answers: phq9 })).toMatchObject({ ok: true });
    const therapist = (await actorFor(p.therapist, p.id))!;
    const client = p.clientA1.clientId;
    const clinicalReads = async () => [...(await auditOf(p.id, 'client.viewRecord')), ...(await auditOf(p.id, 'client.viewClinical'))];

    // The alerts, homework (with the thought-record trend) and schedules sections: the header's read records them.
    for (const section of ['alerts', 'homework', 'schedules']) {
      const before = (await clinicalReads()).length;
      expect(await clientRecordHeadline(therapist, client, section)).toMatchObject({ openAlerts: 1 });
      const rows = await auditOf(p.id, 'client.viewRecord');
      expect((await clinicalReads()).length, section).toBe(before + 1);
      expect(rows.at(-1), section).toMatchObject({
        actorUserId: p.therapist.userId,
        entityType: 'client',
        entityId: client,
        clientId: client,
        meta: { section, scores: 1, openAlerts: 1 },
      });
    }
    // The overview, measures and check-ins sections: their loader records the read, and the header adds none.
    for (const section of ['overview', 'measures', 'checkins']) {
      const before = (await clinicalReads()).length;
      await clientRecordHeadline(therapist, client, section);
      await getClientOverview(therapist, client, '90d');
      expect((await clinicalReads()).length, section).toBe(before + 1);
    }
    // Off the care team nothing clinical is read, and nothing is recorded.
    const before = (await clinicalReads()).length;
    expect(await clientRecordHeadline((await actorFor(p.otherTherapist, p.id))!, client, 'alerts')).toBeNull();
    expect(await clientRecordHeadline((await actorFor(p.admin, p.id))!, client, 'homework')).toBeNull();
    expect((await clinicalReads()).length).toBe(before);
  });
});
