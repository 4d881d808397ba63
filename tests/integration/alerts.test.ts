import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ownerScoped } from '../../db/seed/factories';
import { alerts, auditEvents } from '../../db/schema';
import { acknowledgeAlert } from '../../lib/alerts/actions';
import { listClientAlerts, listEscalatedAlerts, listOpenAlerts } from '../../lib/alerts/queries';
import { ACK_ACTIONS } from '../../lib/alerts/triggers';
import { openTestDatabase } from '../support/database';
import { actAs, actorOf, makePractice } from '../support/factories';
import { insertAlert } from '../support/clinical';

async function alertRow(practiceId: string, id: string) {
  const owner = await (await openTestDatabase()).owner();
  const [row] = await ownerScoped(owner, practiceId, (tx) =>
    tx.select().from(alerts).where(and(eq(alerts.practiceId, practiceId), eq(alerts.id, id))),
  );
  return row!;
}

async function auditRows(practiceId: string, action: string) {
  const owner = await (await openTestDatabase()).owner();
  return ownerScoped(owner, practiceId, (tx) =>
    tx.select().from(auditEvents).where(and(eq(auditEvents.practiceId, practiceId), eq(auditEvents.action, action))),
  );
}

describe('acknowledging an alert', () => {
  it.each(ACK_ACTIONS)('the care team acknowledges with "%s", recorded with who, when and the audit row', async (action) => {
    const p = await makePractice();
    const id = await insertAlert(p.id, p.clientA1.clientId, 'phq9_urgent');
    actAs(p.therapist, p.id);
    const reason = action === 'no_action_needed' ? 'Discussed in session yesterday; plan in place.' : '';
    const result = await acknowledgeAlert(null, { alertId: id, action, reason });
    expect(result).toMatchObject({ ok: true, message: 'Alert acknowledged.' });

    const row = await alertRow(p.id, id);
    expect(row.acknowledgedAt).toBeInstanceOf(Date);
    expect(row.acknowledgedByMembershipId).toBe(p.therapist.membershipId);
    expect(row.acknowledgementAction).toBe(action);
    expect(row.acknowledgementNote).toBe(action === 'no_action_needed' ? reason : null);

    const audit = await auditRows(p.id, 'alert.acknowledge');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: p.therapist.userId,
      entityType: 'alert',
      entityId: id,
      clientId: p.clientA1.clientId,
    });
    // Admins off the care team read the audit trail: it holds ids only, never the trigger, tier or note.
    expect(audit[0]?.meta).toEqual({ asEscalation: false });
    expect(JSON.stringify(audit[0]?.meta)).not.toContain('Discussed');
    expect(await listOpenAlerts(await actorOf(p.therapist, p.id))).toEqual([]);
  });

  it('"no action needed" without a reason is refused beside the reason field, and nothing changes', async () => {
    const p = await makePractice();
    const id = await insertAlert(p.id, p.clientA1.clientId, 'phq9_item9_positive');
    actAs(p.therapist, p.id);
    for (const reason of ['', '   ', undefined]) {
      const result = await acknowledgeAlert(null, { alertId: id, action: 'no_action_needed', ...(reason === undefined ? {} : { reason }) });
      expect(result).toMatchObject({ ok: false, fieldErrors: { reason: ['Say why no action is needed.'] } });
    }
    const missing = await acknowledgeAlert(null, { alertId: id, action: '' });
    expect(missing).toMatchObject({ ok: false, fieldErrors: { action: ['Choose what was done.'] } });
    expect((await alertRow(p.id, id)).acknowledgedAt).toBeNull();
    expect(await auditRows(p.id, 'alert.acknowledge')).toHaveLength(0);
  });

  it('a second acknowledgement is refused plainly and keeps the first', async () => {
    const p = await makePractice();
    const id = await insertAlert(p.id, p.clientA1.clientId, 'phq9_urgent');
    actAs(p.therapist, p.id);
    expect(await acknowledgeAlert(null, { alertId: id, action: 'contacted_client' })).toMatchObject({ ok: true });
    const again = await acknowledgeAlert(null, { alertId: id, action: 'scheduled_session' });
    expect(again).toMatchObject({ ok: false, formError: 'This alert has already been acknowledged. Nothing was changed.' });
    expect((await alertRow(p.id, id)).acknowledgementAction).toBe('contacted_client');
    expect(await auditRows(p.id, 'alert.acknowledge')).toHaveLength(1);
  });

  it('a therapist off the care team, a client and another practice are refused as not found', async () => {
    const p = await makePractice();
    const other = await makePractice();
    const id = await insertAlert(p.id, p.clientA1.clientId, 'phq9_urgent', { hoursAgo: 30 });
    const notFound = 'That record was not found, or you do not have access to it.';

    actAs(p.otherTherapist, p.id);
    expect(await acknowledgeAlert(null, { alertId: id, action: 'contacted_client' })).toMatchObject({ ok: false, formError: notFound });
    actAs(other.therapist, other.id);
    expect(await acknowledgeAlert(null, { alertId: id, action: 'contacted_client' })).toMatchObject({ ok: false, formError: notFound });
    actAs(other.admin, other.id);
    expect(await acknowledgeAlert(null, { alertId: id, action: 'contacted_client' })).toMatchObject({ ok: false, formError: notFound });
    actAs(p.clientA1, p.id);
    expect(await acknowledgeAlert(null, { alertId: id, action: 'contacted_client' })).toMatchObject({
      ok: false,
      formError: 'You do not have permission to do that.',
    });
    expect((await alertRow(p.id, id)).acknowledgedAt).toBeNull();
    expect(await auditRows(p.id, 'alert.acknowledge')).toHaveLength(0);
  });

  it('an admin off the care team may acknowledge only urgent alerts escalated past 24 hours', async () => {
    const p = await makePractice();
    const fresh = await insertAlert(p.id, p.clientA1.clientId, 'phq9_urgent', { hoursAgo: 23 });
    const oldFollowUp = await insertAlert(p.id, p.clientA1.clientId, 'phq9_item9_positive', { hoursAgo: 48 });
    const escalated = await insertAlert(p.id, p.clientA1.clientId, 'checkin_safety_yes', { hoursAgo: 25 });
    actAs(p.admin, p.id);
    for (const id of [fresh, oldFollowUp]) {
      expect(await acknowledgeAlert(null, { alertId: id, action: 'contacted_client' })).toMatchObject({ ok: false });
    }
    expect(await acknowledgeAlert(null, { alertId: escalated, action: 'contacted_client' })).toMatchObject({ ok: true });
    const audit = await auditRows(p.id, 'alert.acknowledge');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: p.admin.userId, actorRole: 'admin', entityId: escalated, meta: { asEscalation: true } });
  });
});

describe('alert lists', () => {
  it('the inbox holds open alerts for the care team only, urgent first then newest', async () => {
    const p = await makePractice();
    const olderUrgent = await insertAlert(p.id, p.clientA1.clientId, 'phq9_urgent', { hoursAgo: 5 });
    const newerFollowUp = await insertAlert(p.id, p.clientA1.clientId, 'phq9_item9_unanswered', { hoursAgo: 1 });
    const newerUrgent = await insertAlert(p.id, p.clientA1.clientId, 'checkin_safety_yes', { hoursAgo: 2 });
    const othersClient = await insertAlert(p.id, p.clientA2.clientId, 'phq9_urgent');

    const inbox = await listOpenAlerts(await actorOf(p.therapist, p.id));
    expect(inbox.map((a) => a.id)).toEqual([newerUrgent, olderUrgent, newerFollowUp]);
    expect(inbox[0]).toMatchObject({ tier: 'urgent', title: 'Check-in: thoughts of self-harm', clientName: `Client One ${p.name.split(' ')[1]}` });

    const otherInbox = await listOpenAlerts(await actorOf(p.otherTherapist, p.id));
    expect(otherInbox.map((a) => a.id)).toEqual([othersClient]);
    expect(await listClientAlerts(await actorOf(p.otherTherapist, p.id), p.clientA1.clientId)).toBeNull();
  });

  it('an admin sees practice-wide only urgent alerts unacknowledged for more than 24 hours, without clinical text', async () => {
    const p = await makePractice();
    const escalated = await insertAlert(p.id, p.clientA1.clientId, 'phq9_urgent', { hoursAgo: 26 });
    await insertAlert(p.id, p.clientA1.clientId, 'phq9_urgent', { hoursAgo: 23 });
    await insertAlert(p.id, p.clientA2.clientId, 'checkin_distress_streak', { hoursAgo: 72 });
    const acknowledged = await insertAlert(p.id, p.clientA2.clientId, 'checkin_safety_yes', { hoursAgo: 30 });
    actAs(p.otherTherapist, p.id);
    expect(await acknowledgeAlert(null, { alertId: acknowledged, action: 'scheduled_session' })).toMatchObject({ ok: true });

    const admin = await actorOf(p.admin, p.id);
    const shown = await listEscalatedAlerts(admin);
    expect(shown.map((a) => a.id)).toEqual([escalated]);
    expect(shown[0]).toMatchObject({ escalated: true, tier: 'urgent', reason: '' });
    expect(await listOpenAlerts(admin)).toEqual([]);
    expect(await listClientAlerts(admin, p.clientA1.clientId)).toBeNull();
    expect(await listEscalatedAlerts(await actorOf(p.therapist, p.id))).toEqual([]);
  });

  it("the client page list shows open alerts first, then the acknowledged history with who acted", async () => {
    const p = await makePractice();
    const first = await insertAlert(p.id, p.clientA1.clientId, 'phq9_item9_positive', { hoursAgo: 10 });
    const open = await insertAlert(p.id, p.clientA1.clientId, 'gad7_reliable_deterioration', { hoursAgo: 20 });
    actAs(p.therapist, p.id);
    await acknowledgeAlert(null, { alertId: first, action: 'reviewed_safety_plan' });
    const list = await listClientAlerts(await actorOf(p.therapist, p.id), p.clientA1.clientId);
    expect(list?.map((a) => a.id)).toEqual([open, first]);
    expect(list?.[1]?.acknowledged).toMatchObject({ action: 'reviewed_safety_plan', actionLabel: 'Reviewed the safety plan', byName: p.therapist.name });
  });
});
