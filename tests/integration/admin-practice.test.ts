import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScoped } from '../../db/connection';
import { auditEvents, practices } from '../../db/schema';
import { ownerScoped } from '../../db/seed/factories';
import { exportAuditCsv, listAuditEvents, parseAuditFilters } from '../../lib/audit/queries';
import { changeClientStatus, updateClient } from '../../lib/clients/actions';
import { parseCsv } from '../support/csv';
import { updateSettings } from '../../lib/practice/actions';
import { practiceOverview } from '../../lib/practice/overview';
import { openTestDatabase } from '../support/database';
import { actAs, actorFor, makePractice, owner } from '../support/factories';
import { expectPermissionDenied } from '../support/refusals';
import { insertCheckins } from '../support/clinical';
import { RUN, auditActions } from '../support/admin';


beforeAll(() => {
  // Links are handed back rather than emailed, so the tests can follow them.
  delete process.env.SMTP_URL;
});


describe('settings', () => {
  const valid = {
    name: 'Renamed Practice',
    timeZone: 'Europe/Berlin',
    safetyQuestionEnabled: 'on',
    idleTimeoutMinutes: '20',
    crisisContacts: [{ label: 'Practice duty line', phone: '+44 20 7946 0000' }],
    measureDefaults: [{ measure: 'phq9', everyDays: '14', atIntake: 'on' }],
  };

  it('refuses an idle time above 30 minutes, an unknown time zone and half-filled crisis numbers', async () => {
    const a = await makePractice();
    actAs(a.admin, a.id);
    const result = await updateSettings(null, {
      ...valid,
      idleTimeoutMinutes: '31',
      timeZone: 'Mars/Olympus',
      crisisContacts: [{ label: 'Line', phone: '' }],
      measureDefaults: [{ measure: 'phq9', everyDays: '0' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.idleTimeoutMinutes).toEqual([expect.stringContaining('at most 30')]);
    expect(result.fieldErrors.timeZone).toBeDefined();
    expect(result.fieldErrors['crisisContacts.0.phone']).toEqual(['Enter the number.']);
    expect(result.fieldErrors['measureDefaults.0.everyDays']).toBeDefined();
    expect(await updateSettings(null, { ...valid, idleTimeoutMinutes: '0' })).toMatchObject({ ok: false, fieldErrors: { idleTimeoutMinutes: [expect.any(String)] } });
  });

  it('saves valid settings for the actor\u2019s own practice only; non-admins are refused', async () => {
    const a = await makePractice();
    actAs(a.therapist, a.id);
    expect(await updateSettings(null, valid)).toMatchObject({ ok: false, formError: 'You do not have permission to do that.' });
    actAs(a.admin, a.id);
    expect(await updateSettings(null, valid)).toMatchObject({ ok: true });
    const [row] = await ownerScoped(await owner(), a.id, (tx) => tx.select().from(practices).where(eq(practices.id, a.id)));
    expect(row).toMatchObject({
      name: 'Renamed Practice',
      timeZone: 'Europe/Berlin',
      idleTimeoutMinutes: 20,
      safetyQuestionEnabled: true,
      crisisContacts: [{ label: 'Practice duty line', phone: '+44 20 7946 0000' }],
      measureDefaults: [{ measure: 'phq9', everyDays: 14, atIntake: true }],
    });
    expect(await updateSettings(null, { ...valid, safetyQuestionEnabled: '' })).toMatchObject({ ok: true });
    const actor = await actorFor(a.admin, a.id);
    expect(actor?.practice.safetyQuestionEnabled).toBe(false);
  });
});

describe('overview and audit trail', () => {
  it('overview counts clients and caseloads without any client answers', async () => {
    const a = await makePractice();
    const actor = await actorFor(a.admin, a.id);
    const overview = await practiceOverview(actor!);
    expect(overview.clientsByStatus.active).toBe(2);
    expect(overview.caseloads.find((c) => c.membershipId === a.therapist.membershipId)?.activeClients).toBe(1);
    expect(JSON.stringify(overview)).not.toMatch(/answers|note/);
    const therapist = await actorFor(a.therapist, a.id);
    await expect(practiceOverview(therapist!)).rejects.toThrow(/forbidden/);
  });

  it("counts check-in engagement over the practice's last seven local days", async () => {
    const a = await makePractice();
    // Noon UTC on the 10th is the 10th in New York: seven local days are the 4th to the 10th, not the 3rd.
    const now = new Date('2026-03-10T12:00:00Z');
    await insertCheckins(a.id, a.clientA1.clientId, [{ localDay: '2026-03-04' }]);
    await insertCheckins(a.id, a.clientA2.clientId, [{ localDay: '2026-03-03' }]);
    const overview = await practiceOverview((await actorFor(a.admin, a.id))!, now);
    expect(overview.engagement).toMatchObject({ activeClients: 2, checkedIn: 1, checkins: 1, days: 7 });
  });

  it('filters the trail by person, client and action, and exports neutralised CSV', async () => {
    const a = await makePractice();
    actAs(a.admin, a.id);
    await updateClient(null, { clientId: a.clientA1.clientId, firstName: '=HYPERLINK("x")', lastName: 'Evil' });
    await changeClientStatus(null, { clientId: a.clientA2.clientId, status: 'paused' });
    const actor = (await actorFor(a.admin, a.id))!;
    const byClient = await listAuditEvents(actor, parseAuditFilters({ client: a.clientA1.clientId }));
    expect(byClient.rows.map((r) => r.action)).toEqual(['client.update']);
    const byAction = await listAuditEvents(actor, parseAuditFilters({ action: 'client.changeStatus', person: a.admin.userId }));
    expect(byAction.rows).toHaveLength(1);
    expect(byAction.rows[0]).toMatchObject({ clientId: a.clientA2.clientId, actorName: a.admin.name });
    const future = await listAuditEvents(actor, parseAuditFilters({ from: '2999-01-01' }));
    expect(future.rows).toHaveLength(0);
    const ranged = await listAuditEvents(actor, parseAuditFilters({ from: '2000-01-01', to: '2999-12-31', action: 'client.update' }));
    expect(ranged.rows.length).toBe(1);
    const csv = await exportAuditCsv(actor, parseAuditFilters({ client: a.clientA1.clientId }));
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual(['at', 'actor', 'actor_role', 'action', 'action_label', 'entity_type', 'entity_id', 'client_id', 'client', 'details']);
    expect(rows.map((r) => r[8])).toContain(`'=HYPERLINK("x") Evil`);
    // Times are the practice's wall clock with its offset (the test practice is in New York), as on the screen.
    const update = rows.find((r) => r[3] === 'client.update')!;
    expect(update[4]).toBe('Edited a client’s details');
    expect(update[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[45]:00$/);
    const listed = byClient.rows[0]!.at;
    expect(new Date(update[0]!).getTime()).toBe(Math.floor(listed.getTime() / 1000) * 1000);
    expect(await auditActions(a.id)).toContain('audit.export');
    const therapist = (await actorFor(a.therapist, a.id))!;
    await expect(listAuditEvents(therapist, parseAuditFilters({}))).rejects.toThrow(/forbidden/);
  });

  it('the app role can add audit rows but never rewrite them', async () => {
    const a = await makePractice();
    const handle = await openTestDatabase();
    const action = `test.added-${RUN}`;
    await runScoped(handle.app, { practiceId: a.id }, (tx) => tx.insert(auditEvents).values({ practiceId: a.id, action }));
    const added = async () =>
      ownerScoped(await owner(), a.id, (tx) => tx.select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.practiceId, a.id), eq(auditEvents.action, action))));
    expect(await added()).toEqual([{ action }]);
    await expectPermissionDenied(
      runScoped(handle.app, { practiceId: a.id }, (tx) => tx.execute(sql`update audit_events set action = 'rewritten'`)),
      'rewriting an audit row',
    );
    await expectPermissionDenied(runScoped(handle.app, { practiceId: a.id }, (tx) => tx.execute(sql`delete from audit_events`)), 'deleting an audit row');
    expect(await added()).toEqual([{ action }]);
  });
});
