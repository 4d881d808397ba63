import { and, asc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { alerts, checkinRevisions, checkins } from '../../db/schema';
import { submitCheckin } from '../../lib/checkins/actions';
import { myCheckinToday } from '../../lib/checkins/queries';
import { alertsOf, asOwner, auditOf, failAlertInsertsFor, insertCheckins, setPractice } from '../support/clinical';
import { actAs, actorFor, makePractice } from '../support/factories';
import { addDays, localDay } from '../../lib/time/day';

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    for (const value of Array.isArray(v) ? v : [v]) data.append(k, value);
  }
  return data;
}

const calm = { mood: '6', distress: '30', window: 'within' };

function checkinsOf(practiceId: string, clientId: string) {
  return asOwner(practiceId, (tx) =>
    tx
      .select()
      .from(checkins)
      .where(and(eq(checkins.practiceId, practiceId), eq(checkins.clientId, clientId)))
      .orderBy(asc(checkins.localDay)),
  );
}

async function seedCheckin(practiceId: string, clientId: string, day: string, distress: number) {
  await insertCheckins(practiceId, clientId, [{ localDay: day, mood: 3, distress, window: 'hyper' }]);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('daily check-in', () => {
  it('saves every docs/clinical.md §3.1 field for the signed-in client', async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    const result = await submitCheckin(
      null,
      form({
        mood: '7',
        distress: '40',
        window: 'hyper',
        sleepHours: '7.5',
        sleepQuality: '3',
        socialContact: '2-3',
        feltConnected: '6',
        feltRejected: '2',
        'selfCare[]': ['movement', 'time_outside'],
        note: 'Walked by the river.',
        safetyThoughts: 'no',
      }),
    );
    expect(result).toMatchObject({ ok: true, data: { revision: 1, updated: false, crisis: false } });
    const [row] = await checkinsOf(p.id, p.clientA1.clientId);
    expect(row).toMatchObject({
      mood: 7,
      distress: 40,
      window: 'hyper',
      sleepHours: 7.5,
      sleepQuality: 3,
      socialContact: '2-3',
      feltConnected: 6,
      feltRejected: 2,
      selfCare: ['movement', 'time_outside'],
      note: 'Walked by the river.',
      safetyThoughts: false,
      revision: 1,
    });
    expect(row?.localDay).toBe(localDay(new Date(), 'America/New_York'));
  });

  it('a second check-in the same day updates the first and keeps the earlier version', async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    const first = await submitCheckin(null, form({ ...calm, note: 'morning' }));
    const second = await submitCheckin(null, form({ mood: '4', distress: '60', window: 'hypo', note: 'evening' }));
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.data).toMatchObject({ checkinId: first.data.checkinId, revision: 2, updated: true });

    const rows = await checkinsOf(p.id, p.clientA1.clientId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ mood: 4, distress: 60, window: 'hypo', note: 'evening', revision: 2 });
    const history = await asOwner(p.id, (tx) =>
      tx.select().from(checkinRevisions).where(eq(checkinRevisions.checkinId, first.data.checkinId)),
    );
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ revision: 1, clientId: p.clientA1.clientId });
    expect(history[0]?.snapshot).toMatchObject({ mood: 6, distress: 30, window: 'within', note: 'morning' });

    const third = await submitCheckin(null, form({ ...calm, mood: '5' }));
    expect(third).toMatchObject({ ok: true, data: { revision: 3 } });
    const all = await asOwner(p.id, (tx) => tx.select().from(checkinRevisions).where(eq(checkinRevisions.checkinId, first.data.checkinId)));
    expect(all.map((r) => r.revision).sort()).toEqual([1, 2]);

    const today = await myCheckinToday((await actorFor(p.clientA1, p.id))!);
    expect(today).toMatchObject({ mood: 5, revision: 3 });
  });

  it("the day is the practice's local day: 23:30 and 00:30 in Los Angeles are two check-ins", async () => {
    const p = await makePractice();
    await setPractice(p.id, { timeZone: 'America/Los_Angeles' });
    vi.useFakeTimers({ toFake: ['Date'] });

    // 06:30 UTC on 10 March is still 23:30 on 9 March in Los Angeles (PDT, UTC−7).
    vi.setSystemTime(new Date('2026-03-10T06:30:00Z'));
    actAs(p.clientA1, p.id);
    const late = await submitCheckin(null, form(calm));
    expect(late).toMatchObject({ ok: true, data: { localDay: '2026-03-09', revision: 1 } });

    vi.setSystemTime(new Date('2026-03-10T06:59:00Z'));
    actAs(p.clientA1, p.id);
    expect(await submitCheckin(null, form({ ...calm, mood: '2' }))).toMatchObject({ ok: true, data: { localDay: '2026-03-09', revision: 2 } });

    vi.setSystemTime(new Date('2026-03-10T07:30:00Z'));
    actAs(p.clientA1, p.id);
    const early = await submitCheckin(null, form(calm));
    expect(early).toMatchObject({ ok: true, data: { localDay: '2026-03-10', revision: 1 } });

    const rows = await checkinsOf(p.id, p.clientA1.clientId);
    expect(rows.map((r) => [r.localDay, r.mood, r.revision])).toEqual([
      ['2026-03-09', 2, 2],
      ['2026-03-10', 6, 1],
    ]);
  });

  it('refuses out-of-range and missing required answers, naming the field, and saves nothing', async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    const result = await submitCheckin(null, form({ mood: '11', distress: '35', sleepHours: '7.25', feltRejected: 'lots', note: 'kept' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.mood).toEqual(['Mood must be a whole number from 0 to 10.']);
    expect(result.fieldErrors.distress).toEqual(['Distress must be 0–100 in steps of 10.']);
    expect(result.fieldErrors.window).toEqual(['Choose where you are in your window of tolerance.']);
    expect(result.fieldErrors.sleepHours).toEqual(['Sleep must be 0–14 hours in half hours.']);
    expect(result.fieldErrors.feltRejected).toEqual(['Felt rejected must be a whole number from 0 to 10.']);
    expect(result.values).toMatchObject({ mood: '11', note: 'kept' });

    const missing = await submitCheckin(null, form({ window: 'within' }));
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    expect(Object.keys(missing.fieldErrors).sort()).toEqual(['distress', 'mood']);

    const longNote = await submitCheckin(null, form({ ...calm, note: 'x'.repeat(2001) }));
    expect(longNote.ok).toBe(false);
    if (longNote.ok) return;
    expect(longNote.fieldErrors.note).toEqual(['The note can be at most 2000 characters.']);
    expect(await checkinsOf(p.id, p.clientA1.clientId)).toHaveLength(0);
  });

  it("a client can only check in for themselves: another client's id in the form is ignored", async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    const result = await submitCheckin(null, form({ ...calm, clientId: p.clientA2.clientId }));
    expect(result.ok).toBe(true);
    expect(await checkinsOf(p.id, p.clientA1.clientId)).toHaveLength(1);
    expect(await checkinsOf(p.id, p.clientA2.clientId)).toHaveLength(0);
  });

  it('a therapist, an admin and a signed-out caller cannot check in', async () => {
    const p = await makePractice();
    for (const person of [p.therapist, p.admin]) {
      actAs(person, p.id);
      expect(await submitCheckin(null, form({ ...calm, clientId: p.clientA1.clientId }))).toMatchObject({
        ok: false,
        formError: 'You do not have permission to do that.',
      });
    }
    actAs(null);
    expect(await submitCheckin(null, form(calm))).toMatchObject({ ok: false, formError: 'Your session has ended. Please sign in again.' });
    expect(await checkinsOf(p.id, p.clientA1.clientId)).toHaveLength(0);
  });
});

describe('check-in safety question', () => {
  it('"yes" raises exactly one urgent alert in the same transaction, and an edit the same day raises no second', async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    const result = await submitCheckin(null, form({ ...calm, safetyThoughts: 'yes' }));
    expect(result).toMatchObject({ ok: true, data: { crisis: true, tier: 'urgent' } });
    if (!result.ok) return;

    const raised = await alertsOf(p.id, p.clientA1.clientId);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ kind: 'checkin_safety_yes', tier: 'urgent', sourceType: 'checkin', sourceId: result.data.checkinId, acknowledgedAt: null });
    // now() is fixed per transaction: the same instant on both rows means one transaction wrote them.
    const [row] = await checkinsOf(p.id, p.clientA1.clientId);
    expect(raised[0]?.raisedAt.getTime()).toBe(row?.createdAt.getTime());

    const audits = await auditOf(p.id, 'alert.raise');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entityType: 'alert', entityId: raised[0]?.id, clientId: p.clientA1.clientId, actorUserId: p.clientA1.userId });
    expect(JSON.stringify(audits[0]?.meta)).not.toMatch(/harm|yes/i);

    const again = await submitCheckin(null, form({ ...calm, mood: '5', safetyThoughts: 'yes' }));
    expect(again).toMatchObject({ ok: true, data: { crisis: true, revision: 2 } });
    expect(await alertsOf(p.id, p.clientA1.clientId)).toHaveLength(1);
    expect(await auditOf(p.id, 'alert.raise')).toHaveLength(1);
  });

  it('"no" raises nothing and shows no crisis panel', async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    expect(await submitCheckin(null, form({ ...calm, safetyThoughts: 'no' }))).toMatchObject({ ok: true, data: { crisis: false, tier: null } });
    expect(await alertsOf(p.id, p.clientA1.clientId)).toHaveLength(0);
  });

  it('is ignored where the practice has turned it off: nothing stored, no alert', async () => {
    const p = await makePractice();
    await setPractice(p.id, { safetyQuestionEnabled: false });
    actAs(p.clientA1, p.id);
    const result = await submitCheckin(null, form({ ...calm, safetyThoughts: 'yes' }));
    expect(result).toMatchObject({ ok: true, data: { crisis: false } });
    const [row] = await checkinsOf(p.id, p.clientA1.clientId);
    expect(row?.safetyThoughts).toBeNull();
    expect(await alertsOf(p.id, p.clientA1.clientId)).toHaveLength(0);
  });

  it('when the alert cannot be written, the check-in is not saved either', async () => {
    const p = await makePractice();
    const restore = await failAlertInsertsFor(p.clientA1.clientId);
    try {
      actAs(p.clientA1, p.id);
      const result = await submitCheckin(null, form({ ...calm, safetyThoughts: 'yes' }));
      expect(result).toMatchObject({ ok: false });
      if (result.ok) return;
      expect(result.formError).toMatch(/nothing was saved/);
      expect(result.values).toMatchObject({ mood: '6', safetyThoughts: 'yes' });
    } finally {
      await restore();
    }
    expect(await checkinsOf(p.id, p.clientA1.clientId)).toHaveLength(0);
    expect(await alertsOf(p.id, p.clientA1.clientId)).toHaveLength(0);
    expect(await auditOf(p.id, 'checkin.submit')).toHaveLength(0);

    // Without the fault the same answer saves, with its alert.
    actAs(p.clientA1, p.id);
    expect(await submitCheckin(null, form({ ...calm, safetyThoughts: 'yes' }))).toMatchObject({ ok: true });
    expect(await checkinsOf(p.id, p.clientA1.clientId)).toHaveLength(1);
    expect(await alertsOf(p.id, p.clientA1.clientId)).toHaveLength(1);
  });
});

describe('distress streak', () => {
  it('distress ≥ 80 on three check-ins in a row raises one follow-up alert, and no second while it is open', async () => {
    const p = await makePractice();
    const client = p.clientA1.clientId;
    const today = localDay(new Date(), 'America/New_York');
    await seedCheckin(p.id, client, addDays(today, -3), 90);
    await seedCheckin(p.id, client, addDays(today, -2), 80);
    await seedCheckin(p.id, client, addDays(today, -1), 70);
    actAs(p.clientA1, p.id);

    // 90, 80 then a 70 broke the run: 70, 100 is not yet three.
    expect(await submitCheckin(null, form({ ...calm, distress: '100' }))).toMatchObject({ ok: true, data: { crisis: false } });
    expect(await alertsOf(p.id, client)).toHaveLength(0);

    await asOwner(p.id, (tx) =>
      tx.update(checkins).set({ distress: 80 }).where(and(eq(checkins.clientId, client), eq(checkins.localDay, addDays(today, -1)))),
    );
    const streak = await submitCheckin(null, form({ ...calm, distress: '80' }));
    expect(streak).toMatchObject({ ok: true, data: { crisis: true, tier: 'follow_up' } });
    const raised = await alertsOf(p.id, client);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ kind: 'checkin_distress_streak', tier: 'follow_up', sourceType: 'checkin' });
    expect(raised[0]?.reason).toContain(`${addDays(today, -2)}: distress 80`);
  });

  it('a streak that runs on while its alert is unacknowledged raises nothing new; after acknowledgement it does', async () => {
    const p = await makePractice();
    const client = p.clientA1.clientId;
    await setPractice(p.id, { timeZone: 'UTC' });
    vi.useFakeTimers({ toFake: ['Date'] });
    const days = ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'];
    const submitOn = async (day: string) => {
      vi.setSystemTime(new Date(`${day}T12:00:00Z`));
      actAs(p.clientA1, p.id);
      return submitCheckin(null, form({ ...calm, distress: '90' }));
    };
    await submitOn(days[0]!);
    await submitOn(days[1]!);
    expect(await submitOn(days[2]!)).toMatchObject({ ok: true, data: { crisis: true } });
    expect(await alertsOf(p.id, client)).toHaveLength(1);

    expect(await submitOn(days[3]!)).toMatchObject({ ok: true, data: { crisis: true } });
    expect(await alertsOf(p.id, client)).toHaveLength(1);

    await asOwner(p.id, (tx) => tx.update(alerts).set({ acknowledgedAt: new Date(), acknowledgementAction: 'contacted_client' }).where(eq(alerts.clientId, client)));
    await submitOn(days[4]!);
    const all = await alertsOf(p.id, client);
    expect(all).toHaveLength(2);
    expect(all.every((a) => a.kind === 'checkin_distress_streak')).toBe(true);
  });
});
