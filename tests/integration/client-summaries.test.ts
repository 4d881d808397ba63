import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addToCareTeam } from '../../db/seed/factories';
import { alerts, checkins, clientSummaries, measureAdministrations } from '../../db/schema';
import { rowsOf } from '../../db/rows';
import { acknowledgeAlert } from '../../lib/alerts/actions';
import { type RosterRow, loadRoster } from '../../lib/caseload/roster';
import { ATTENTION_CRITERIA, EVERYONE_ELSE_RANK } from '../../lib/caseload/attention';
import { DEFAULT_VIEW } from '../../lib/caseload/view';
import { submitCheckin } from '../../lib/checkins/actions';
import { changeClientStatus } from '../../lib/clients/actions';
import { submitMeasure } from '../../lib/measures/actions';
import { markBaseline } from '../../lib/measures/baseline-actions';
import { answersFor, addHomework, daysAgo, today, DAY_MS } from '../support/caseload';
import { asOwner, insertCheckins } from '../support/clinical';
import { openTestDatabase, testDatabaseConfig } from '../support/database';
import { type TestPractice, actAs, actorOf, makePractice } from '../support/factories';

/*
 * client_summaries is kept by triggers in the writing transaction (db/migrations/0026). Each test writes through
 * the application's own path and reads the roster back, so a write path that left the summary behind shows as a
 * wrong roster cell.
 */

const TZ = 'America/New_York';
const rankOf = (id: string) => ATTENTION_CRITERIA.findIndex((c) => c.id === id);

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

async function rowFor(p: TestPractice, who: 'therapist' | 'admin' | 'otherTherapist', clientId: string, at?: Date): Promise<RosterRow | undefined> {
  const actor = await actorOf(p[who], p.id);
  const page = await loadRoster(actor, { ...DEFAULT_VIEW, size: 100 }, { at });
  return page.rows.find((r) => r.id === clientId);
}

async function summaryOf(p: TestPractice, clientId: string) {
  const rows = await asOwner(p.id, (tx) =>
    tx.select().from(clientSummaries).where(and(eq(clientSummaries.practiceId, p.id), eq(clientSummaries.clientId, clientId))),
  );
  return rows[0];
}

describe('client summaries kept on write', () => {
  it('every client has a summary row from the moment it is created, and the migration filled existing ones', async () => {
    const p = await makePractice();
    expect(await summaryOf(p, p.clientA1.clientId)).toMatchObject({ lastCheckinDay: null, urgentAlerts: 0, followUpAlerts: 0 });
    const handle = await openTestDatabase();
    const owner = await handle.owner();
    const missing = rowsOf<{ n: number }>(
      await owner.execute(sql`
        select count(*)::int as n from clients c
        where not exists (select 1 from client_summaries s where s.practice_id = c.practice_id and s.client_id = c.id)`),
    );
    expect(missing[0]?.n).toBe(0);
  });

  it('a check-in submitted, edited the same day and deleted moves the last check-in and mood', async () => {
    const p = await makePractice();
    const id = p.clientA1.clientId;
    await insertCheckins(p.id, id, [{ localDay: daysAgo(TZ, 3), mood: 2 }]);
    expect(await rowFor(p, 'therapist', id)).toMatchObject({ lastCheckinDay: daysAgo(TZ, 3), daysSinceCheckin: 3, clinical: { lastMood: 2 } });

    actAs(p.clientA1, p.id);
    expect(await submitCheckin(null, form({ mood: '7', distress: '20', window: 'within' }))).toMatchObject({ ok: true });
    const submitted = await rowFor(p, 'therapist', id);
    expect(submitted).toMatchObject({ lastCheckinDay: today(TZ), daysSinceCheckin: 0, clinical: { lastMood: 7 } });
    expect(submitted?.attentionRank).toBe(EVERYONE_ELSE_RANK);

    actAs(p.clientA1, p.id);
    expect(await submitCheckin(null, form({ mood: '4', distress: '20', window: 'within' }))).toMatchObject({ ok: true, data: { revision: 2 } });
    const edited = await rowFor(p, 'therapist', id);
    expect(edited).toMatchObject({ lastCheckinDay: today(TZ), clinical: { lastMood: 4 } });
    expect(Date.parse(edited!.lastCheckinAt!)).toBeGreaterThanOrEqual(Date.parse(submitted!.lastCheckinAt!));

    await asOwner(p.id, (tx) => tx.delete(checkins).where(and(eq(checkins.practiceId, p.id), eq(checkins.clientId, id), eq(checkins.localDay, today(TZ)))));
    expect(await rowFor(p, 'therapist', id)).toMatchObject({ lastCheckinDay: daysAgo(TZ, 3), daysSinceCheckin: 3, clinical: { lastMood: 2 } });
    await asOwner(p.id, (tx) => tx.delete(checkins).where(and(eq(checkins.practiceId, p.id), eq(checkins.clientId, id))));
    const none = await rowFor(p, 'therapist', id);
    expect(none).toMatchObject({ lastCheckinDay: null, daysSinceCheckin: null, clinical: { lastMood: null } });
    expect(none?.attentionRank).toBe(rankOf('no_recent_checkin'));
  });

  it('measure completions move the latest score, and marking a baseline moves the change', async () => {
    const p = await makePractice();
    const id = p.clientA1.clientId;
    actAs(p.clientA1, p.id);
    expect(await submitMeasure(null, { measure: 'phq9', submissionKey: randomUUID(), answers: answersFor('phq9', 5) })).toMatchObject({ ok: true });
    expect((await rowFor(p, 'therapist', id))?.clinical?.phq9).toMatchObject({ score: 5, baselineScore: 5, change: null });

    actAs(p.clientA1, p.id);
    expect(await submitMeasure(null, { measure: 'phq9', submissionKey: randomUUID(), answers: answersFor('phq9', 14) })).toMatchObject({ ok: true });
    const worse = await rowFor(p, 'therapist', id);
    expect(worse?.clinical?.phq9).toMatchObject({ score: 14, baselineScore: 5, change: 'reliable_deterioration' });

    // The therapist makes the latest administration the baseline: no change is read against itself.
    const [latest] = await asOwner(p.id, (tx) =>
      tx
        .select({ id: measureAdministrations.id })
        .from(measureAdministrations)
        .where(and(eq(measureAdministrations.practiceId, p.id), eq(measureAdministrations.clientId, id), eq(measureAdministrations.score, 14))),
    );
    actAs(p.therapist, p.id);
    expect(await markBaseline(null, { administrationId: latest!.id })).toMatchObject({ ok: true });
    const rebased = await rowFor(p, 'therapist', id);
    expect(rebased?.clinical?.phq9).toMatchObject({ score: 14, baselineScore: 14, change: null });
  });

  it('an alert raised by a check-in counts until it is acknowledged', async () => {
    const p = await makePractice();
    const id = p.clientA1.clientId;
    actAs(p.clientA1, p.id);
    expect(await submitCheckin(null, form({ mood: '2', distress: '90', window: 'hyper', safetyThoughts: 'yes' }))).toMatchObject({ ok: true });
    const raised = await rowFor(p, 'therapist', id);
    expect(raised?.clinical?.alerts.urgent).toBe(1);
    expect(raised?.attentionRank).toBe(rankOf('urgent_alert'));

    const [alert] = await asOwner(p.id, (tx) =>
      tx.select({ id: alerts.id }).from(alerts).where(and(eq(alerts.practiceId, p.id), eq(alerts.clientId, id), eq(alerts.tier, 'urgent'))),
    );
    actAs(p.therapist, p.id);
    expect(await acknowledgeAlert(null, { alertId: alert!.id, action: 'contacted_client' })).toMatchObject({ ok: true });
    const acknowledged = await rowFor(p, 'therapist', id);
    expect(acknowledged?.clinical?.alerts.urgent).toBe(0);
    expect(acknowledged?.attentionRank).not.toBe(rankOf('urgent_alert'));
  });

  it('care-team changes open and close the clinical facts at once; the dates stay for the admin throughout', async () => {
    const p = await makePractice();
    const id = p.clientA1.clientId;
    await insertCheckins(p.id, id, [{ localDay: today(TZ), mood: 8 }]);
    actAs(p.clientA1, p.id);
    expect(await submitMeasure(null, { measure: 'gad7', submissionKey: randomUUID(), answers: answersFor('gad7', 9) })).toMatchObject({ ok: true });

    expect(await rowFor(p, 'otherTherapist', id)).toBeUndefined();
    const admin = await rowFor(p, 'admin', id);
    expect(admin).toMatchObject({ lastCheckinDay: today(TZ), daysSinceCheckin: 0, onMyCareTeam: false, clinical: null });

    const handle = await openTestDatabase();
    await addToCareTeam(await handle.owner(), p.id, id, p.otherTherapist.membershipId);
    expect(await rowFor(p, 'otherTherapist', id)).toMatchObject({ lastCheckinDay: today(TZ), clinical: { lastMood: 8, gad7: { score: 9 } } });
  });

  it('archiving a client takes them off the roster; pausing takes them out of "no recent check-in"', async () => {
    const p = await makePractice();
    const id = p.clientA1.clientId;
    expect((await rowFor(p, 'therapist', id))?.attentionRank).toBe(rankOf('no_recent_checkin'));
    actAs(p.admin, p.id);
    expect(await changeClientStatus(null, { clientId: id, status: 'paused' })).toMatchObject({ ok: true });
    expect((await rowFor(p, 'therapist', id))?.attentionRank).toBe(EVERYONE_ELSE_RANK);
    for (const status of ['discharged', 'archived'] as const) {
      actAs(p.admin, p.id);
      expect(await changeClientStatus(null, { clientId: id, status })).toMatchObject({ ok: true });
    }
    expect(await rowFor(p, 'therapist', id)).toBeUndefined();
  });

  it('clock-relative facts move with time alone: days since the last check-in and overdue homework, with no write', async () => {
    const p = await makePractice();
    const id = p.clientA1.clientId;
    await insertCheckins(p.id, id, [{ localDay: today(TZ), mood: 6 }]);
    const handle = await openTestDatabase();
    await addHomework(await handle.owner(), p.id, id, p.therapist.membershipId, [{ dueAt: new Date(Date.now() + 2 * 3_600_000), status: 'due' }]);
    const now = await rowFor(p, 'therapist', id);
    expect(now).toMatchObject({ daysSinceCheckin: 0, homework: { overdue: 0 }, attentionRank: EVERYONE_ELSE_RANK });
    // The roster read as of this instant is the roster read against the database's own clock.
    expect(await rowFor(p, 'therapist', id, new Date())).toEqual(now);
    const stored = await summaryOf(p, id);

    // Eight days on, nothing written: the same summary row, read against a later clock.
    const later = await rowFor(p, 'therapist', id, new Date(Date.now() + 8 * DAY_MS));
    expect(later).toMatchObject({ lastCheckinDay: now!.lastCheckinDay, daysSinceCheckin: 8, homework: { due: 1, overdue: 1 } });
    expect(later?.attentionRank).toBe(rankOf('overdue_homework'));
    expect(await summaryOf(p, id)).toEqual(stored);

    // Past the homework window, only the check-in gap is left.
    const muchLater = await rowFor(p, 'therapist', id, new Date(Date.now() + 40 * DAY_MS));
    expect(muchLater).toMatchObject({ daysSinceCheckin: 40, homework: { overdue: 0 }, attentionRank: rankOf('no_recent_checkin') });
  });

  it.skipIf(testDatabaseConfig().kind === 'pglite')(
    'two check-ins for one client at once: the one that commits second still sees the first (no lost update)',
    async () => {
      const p = await makePractice();
      const id = p.clientA1.clientId;
      const handle = await openTestDatabase();
      const owner = await handle.owner();
      const row = (localDay: string, mood: number) => ({ practiceId: p.id, clientId: id, localDay, mood, distress: 10, window: 'within' as const });
      let inserted!: () => void;
      const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
      let release!: () => void;
      const commitFirst = new Promise<void>((resolve) => (release = resolve));
      // The newer day is written first and held open; the older one is written meanwhile and must wait for it.
      const first = owner.transaction(async (tx) => {
        await tx.insert(checkins).values(row(today(TZ), 9));
        inserted();
        await commitFirst;
      });
      await firstInserted;
      const second = owner.transaction(async (tx) => {
        await tx.insert(checkins).values(row(daysAgo(TZ, 5), 1));
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();
      await Promise.all([first, second]);
      expect(await summaryOf(p, id)).toMatchObject({ lastCheckinDay: today(TZ), lastMood: 9 });
    },
  );
});
