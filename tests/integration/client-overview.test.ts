import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ownerScoped } from '../../db/seed/factories';
import { assignments, auditEvents, measureSchedules } from '../../db/schema';
import { markBaseline } from '../../lib/measures/baseline-actions';
import { getClientOverview } from '../../lib/measures/client-overview';
import {
  applyPracticeMeasureDefaults,
  createMeasureSchedule,
  endMeasureSchedule,
  updateMeasureSchedule,
} from '../../lib/measures/schedule-actions';
import { listMeasureSchedules } from '../../lib/measures/schedules';
import { openTestDatabase } from '../support/database';
import { type TestPractice, actAs, actorFor, actorOf, makePractice } from '../support/factories';
import { insertCheckins } from '../support/clinical';
import { insertAdministrations } from '../support/caseload';
import { addDays, localDay, startOfLocalDay } from '../../lib/time/day';

const DAY = 86_400_000;
const TZ = 'America/New_York';

/** Check-ins `daysAgo` local days before today, in the practice's zone, with the given distress. */
async function checkinsDaysAgo(practiceId: string, clientId: string, list: { daysAgo: number; distress: number; mood?: number }[]) {
  const today = localDay(new Date(), TZ);
  await insertCheckins(
    practiceId,
    clientId,
    list.map((c) => ({ localDay: addDays(today, -c.daysAgo), mood: c.mood ?? 5, distress: c.distress, window: (c.distress >= 70 ? 'hyper' : 'within') as 'hyper' | 'within' })),
  );
}

async function insertAssignment(p: TestPractice, daysAgo: number) {
  const owner = await (await openTestDatabase()).owner();
  await ownerScoped(owner, p.id, (tx) =>
    tx.insert(assignments).values({
      practiceId: p.id,
      id: randomUUID(),
      clientId: p.clientA1.clientId,
      kind: 'exercise',
      templateKey: 'thought_record',
      startDate: localDay(new Date(Date.now() - daysAgo * DAY), TZ),
      timeZone: TZ,
      recurrence: { kind: 'once' },
      createdByMembershipId: p.therapist.membershipId,
      createdAt: new Date(Date.now() - daysAgo * DAY),
    }),
  );
}

async function viewAudits(practiceId: string) {
  const owner = await (await openTestDatabase()).owner();
  return ownerScoped(owner, practiceId, (tx) =>
    tx
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.practiceId, practiceId), eq(auditEvents.action, 'client.viewClinical'))),
  );
}

describe('client overview summary', () => {
  it('reads baseline, latest and previous and classifies change, response, remission and recovery', async () => {
    const p = await makePractice();
    const client = p.clientA1.clientId;
    const phq9Ids = await insertAdministrations(p.id, client, [
      { key: 'phq9', score: 18, daysAgo: 60 },
      { key: 'phq9', score: 14, daysAgo: 30 },
      { key: 'phq9', score: 8, daysAgo: 2 },
      { key: 'gad7', score: 12, daysAgo: 60 },
      { key: 'gad7', score: 6, daysAgo: 2 },
      { key: 'who5', score: 60, daysAgo: 59 },
      { key: 'who5', score: 40, daysAgo: 1 },
      // Unscorable (item 9 blank): kept as incomplete, never part of any series.
      { key: 'phq9', answers: { q1: 3, q2: 3, q3: 3 }, daysAgo: 1 },
    ]);
    const overview = await getClientOverview(await actorOf(p.therapist, p.id), client, 'all');
    expect(overview).not.toBeNull();
    const phq9 = overview!.measures.find((m) => m.key === 'phq9')!;
    expect(phq9.completedCount).toBe(3);
    expect(phq9.points.map((pt) => pt.score)).toEqual([18, 14, 8]);
    expect(phq9.baseline).toMatchObject({ score: 18, bandLabel: 'Moderately severe', administrationId: phq9Ids[0] });
    expect(phq9.baselineMarked).toBe(false);
    expect(phq9.latest).toMatchObject({ score: 8, bandLabel: 'Mild' });
    expect(phq9.previous).toMatchObject({ score: 14 });
    expect(phq9.sinceBaseline).toMatchObject({
      change: -10,
      threshold: 6,
      classification: 'reliable_improvement',
      response: true,
      remission: false,
    });
    expect(phq9.sincePrevious).toEqual({ change: -6, classification: 'reliable_improvement' });

    const gad7 = overview!.measures.find((m) => m.key === 'gad7')!;
    expect(gad7.sinceBaseline).toMatchObject({ change: -6, classification: 'reliable_improvement', response: null });
    expect(gad7.previous).toMatchObject({ score: 12 });

    // WHO-5: higher is better, so a 20-point fall is a reliable deterioration.
    const who5 = overview!.measures.find((m) => m.key === 'who5')!;
    expect(who5.sinceBaseline).toMatchObject({ change: -20, classification: 'reliable_deterioration' });
    expect(who5.latest.bandLabel).toBe('Poor wellbeing');

    expect(overview!.recovery).toMatchObject({ caseAtBaseline: true, caseAtLatest: false, recovery: true, reliableRecovery: true });
    expect(overview!.measuresWithoutData).toEqual(['arsq', 'scssf']);
  });

  it('a baseline the therapist marks replaces the first one, and only one stays marked', async () => {
    const p = await makePractice();
    const client = p.clientA1.clientId;
    const [, second, third] = await insertAdministrations(p.id, client, [
      { key: 'phq9', score: 18, daysAgo: 60 },
      { key: 'phq9', score: 14, daysAgo: 30 },
      { key: 'phq9', score: 9, daysAgo: 2 },
    ]);

    actAs(p.otherTherapist, p.id);
    expect(await markBaseline(null, { administrationId: second })).toMatchObject({ ok: false });
    actAs(p.admin, p.id);
    expect(await markBaseline(null, { administrationId: second })).toMatchObject({ ok: false, formError: 'You do not have permission to do that.' });

    actAs(p.therapist, p.id);
    expect(await markBaseline(null, { administrationId: second })).toMatchObject({ ok: true });
    const afterMark = (await getClientOverview(await actorOf(p.therapist, p.id), client, 'all'))!;
    let phq9 = afterMark.measures[0]!;
    expect(phq9.baseline.administrationId).toBe(second);
    expect(phq9.baselineMarked).toBe(true);
    // 14 → 9: a fall of 5 is under the 6-point threshold and under half of 14.
    expect(phq9.sinceBaseline).toMatchObject({ change: -5, classification: 'no_reliable_change', response: false });
    // Recovery needs PHQ-9 and GAD-7 pairs; this client has no GAD-7.
    expect(afterMark.recovery).toBeNull();

    expect(await markBaseline(null, { administrationId: third })).toMatchObject({ ok: true });
    phq9 = (await getClientOverview(await actorOf(p.therapist, p.id), client, 'all'))!.measures[0]!;
    expect(phq9.points.filter((pt) => pt.isBaseline).map((pt) => pt.administrationId)).toEqual([third]);
    expect(phq9.sinceBaseline).toBeNull();
    expect(await markBaseline(null, { administrationId: third })).toMatchObject({ ok: false, formError: 'That administration is already the baseline.' });
  });
});

describe('client overview series', () => {
  it('reduces series longer than 400 points on the server, keeping the first and last', async () => {
    const p = await makePractice();
    const client = p.clientA1.clientId;
    await checkinsDaysAgo(
      p.id,
      client,
      Array.from({ length: 500 }, (_, i) => ({ daysAgo: 499 - i, distress: (i * 37) % 110 > 100 ? 100 : ((i * 37) % 11) * 10 })),
    );
    await insertAdministrations(
      p.id,
      client,
      Array.from({ length: 450 }, (_, i) => ({ key: 'phq9' as const, score: (i * 7) % 25, daysAgo: 449 - i + 0.5 })),
    );
    const overview = (await getClientOverview(await actorOf(p.therapist, p.id), client, 'all'))!;
    expect(overview.checkins.pointsInRange).toBe(500);
    expect(overview.checkins.total).toBe(500);
    expect(overview.checkins.points).toHaveLength(400);
    expect(overview.checkins.downsampled).toBe(true);
    expect(overview.checkins.points[0]!.day).toBe(addDays(overview.today, -499));
    expect(overview.checkins.points.at(-1)!.day).toBe(overview.today);

    const phq9 = overview.measures[0]!;
    expect(phq9.pointsInRange).toBe(450);
    expect(phq9.points.length).toBeLessThanOrEqual(401);
    expect(phq9.points.length).toBeGreaterThanOrEqual(400);
    expect(phq9.downsampled).toBe(true);
    // The baseline (first) and the latest survive the thinning.
    expect(phq9.points[0]!.administrationId).toBe(phq9.baseline.administrationId);
    expect(phq9.points.at(-1)!.administrationId).toBe(phq9.latest.administrationId);

    const lastYear = (await getClientOverview(await actorOf(p.therapist, p.id), client, '1y'))!;
    expect(lastYear.checkins.pointsInRange).toBe(365);
    expect(lastYear.checkins.downsampled).toBe(false);
  });

  it('filters every series by range on the practice-local day and keeps the summary over the whole record', async () => {
    const p = await makePractice();
    const client = p.clientA1.clientId;
    await checkinsDaysAgo(p.id, client, [400, 200, 100, 40, 10, 0].map((daysAgo) => ({ daysAgo, distress: 50 })));
    await insertAdministrations(p.id, client, [
      { key: 'phq9', score: 20, daysAgo: 200 },
      { key: 'phq9', score: 15, daysAgo: 60 },
      { key: 'phq9', score: 12, daysAgo: 5 },
    ]);
    await insertAssignment(p, 20);
    await insertAssignment(p, 70);

    const therapist = await actorOf(p.therapist, p.id);
    const counts: Record<string, [number, number, number]> = {};
    for (const range of ['30d', '90d', '1y', 'all'] as const) {
      const o = (await getClientOverview(therapist, client, range))!;
      counts[range] = [o.checkins.points.length, o.measures[0]!.points.length, o.homework.length];
      expect(o.measures[0]!.sinceBaseline).toMatchObject({ baseline: 20, latest: 12, change: -8 });
      expect(o.range).toBe(range);
    }
    expect(counts).toEqual({ '30d': [2, 1, 1], '90d': [3, 2, 2], '1y': [5, 3, 2], all: [6, 3, 2] });
    const month = (await getClientOverview(therapist, client, '30d'))!;
    expect(month.rangeStartDay).toBe(addDays(month.today, -29));
    // The axis starts at midnight of the first day on the practice's own clock (its ticks are read in that zone).
    expect(new Date(month.domain[0]).toISOString()).toBe(startOfLocalDay(month.rangeStartDay!, TZ).toISOString());
    expect(localDay(month.domain[0], TZ)).toBe(month.rangeStartDay);
    expect(localDay(month.domain[0] - 1, TZ)).toBe(addDays(month.rangeStartDay!, -1));
  });

  it('averages distress over the 7 days ending on each check-in, over the days reported', async () => {
    const p = await makePractice();
    const client = p.clientA1.clientId;
    // Days 12..6 ago every day, then a gap, then 2 days ago: its window holds 8, 7 and 6 days ago (50, 60, 70) and 100.
    await checkinsDaysAgo(p.id, client, [
      ...[12, 11, 10, 9, 8, 7, 6].map((daysAgo, i) => ({ daysAgo, distress: (i + 1) * 10 })),
      { daysAgo: 2, distress: 100 },
    ]);
    const o = (await getClientOverview(await actorOf(p.therapist, p.id), client, 'all'))!;
    expect(o.checkins.points.map((pt) => pt.distressAverage7)).toEqual([10, 15, 20, 25, 30, 35, 40, 70]);
    // The first day of a 30-day range still averages over the 6 days before it: (0 + 90 + 10) / 3.
    await checkinsDaysAgo(p.id, client, [{ daysAgo: 35, distress: 0 }, { daysAgo: 30, distress: 90 }, { daysAgo: 29, distress: 10 }]);
    const month = (await getClientOverview(await actorOf(p.therapist, p.id), client, '30d'))!;
    expect(month.checkins.points[0]).toMatchObject({ day: addDays(month.today, -29), distressAverage7: 33.3 });
  });
});

describe('client overview access', () => {
  it('only the care team reads clinical content, and each read is audited with who viewed whose record', async () => {
    const p = await makePractice();
    await insertAdministrations(p.id, p.clientA1.clientId, [{ key: 'phq9', score: 12, daysAgo: 3 }]);
    await checkinsDaysAgo(p.id, p.clientA1.clientId, [{ daysAgo: 1, distress: 40 }]);

    expect(await getClientOverview(await actorOf(p.otherTherapist, p.id), p.clientA1.clientId, '90d')).toBeNull();
    expect(await getClientOverview(await actorOf(p.admin, p.id), p.clientA1.clientId, '90d')).toBeNull();
    const other = await makePractice();
    const foreign = await actorFor(other.therapist, other.id);
    expect(await getClientOverview(foreign!, p.clientA1.clientId, '90d')).toBeNull();
    expect(await viewAudits(p.id)).toHaveLength(0);

    const seen = await getClientOverview(await actorOf(p.therapist, p.id), p.clientA1.clientId, '90d');
    expect(seen?.measures[0]?.latest.score).toBe(12);
    const audits = await viewAudits(p.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorUserId: p.therapist.userId,
      actorRole: 'therapist',
      entityType: 'client',
      entityId: p.clientA1.clientId,
      clientId: p.clientA1.clientId,
      meta: { range: '90d', administrations: 1, checkins: 1 },
    });
  });
});

describe('measure schedules', () => {
  it('are created, changed and ended by the care team with dates checked beside their fields', async () => {
    const p = await makePractice();
    const clientId = p.clientA1.clientId;
    actAs(p.therapist, p.id);
    const bad = await createMeasureSchedule(null, { clientId, measure: 'phq10', everyDays: '0', startDate: '2026-13-01', endDate: '' });
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: {
        measure: ['Choose a measure.'],
        everyDays: ['Enter a number of days from 1 to 365.'],
        startDate: ['Enter the start date as YYYY-MM-DD.'],
      },
    });
    const backwards = await createMeasureSchedule(null, { clientId, measure: 'phq9', everyDays: '14', startDate: '2026-12-01', endDate: '2026-11-01' });
    expect(backwards).toMatchObject({ ok: false, fieldErrors: { endDate: ['The end date cannot be before the start date.'] } });
    expect(await createMeasureSchedule(null, { clientId, measure: 'phq9', everyDays: '366', startDate: '2026-12-01' })).toMatchObject({
      ok: false,
      fieldErrors: { everyDays: ['Enter a number of days from 1 to 365.'] },
    });

    const created = await createMeasureSchedule(null, { clientId, measure: 'phq9', everyDays: '14', startDate: '2026-01-05', endDate: '' });
    expect(created.ok).toBe(true);
    const scheduleId = created.ok ? created.data.scheduleId : '';
    const duplicate = await createMeasureSchedule(null, { clientId, measure: 'phq9', everyDays: '7', startDate: '2026-01-05' });
    expect(duplicate).toMatchObject({ ok: false, fieldErrors: { measure: [expect.stringContaining('already has an active schedule')] } });

    expect(await updateMeasureSchedule(null, { scheduleId, everyDays: '28', startDate: '2026-01-05', endDate: '2027-01-05' })).toMatchObject({ ok: true });
    const therapist = await actorOf(p.therapist, p.id);
    const now = new Date('2026-02-10T15:00:00Z');
    expect(await listMeasureSchedules(therapist, clientId, now)).toMatchObject([
      { id: scheduleId, measure: 'phq9', everyDays: 28, endDate: '2027-01-05', active: true, nextDue: '2026-03-02', createdByName: p.therapist.name },
    ]);

    actAs(p.otherTherapist, p.id);
    expect(await endMeasureSchedule(null, { scheduleId })).toMatchObject({ ok: false });
    expect(await createMeasureSchedule(null, { clientId, measure: 'gad7', everyDays: '14', startDate: '2026-01-05' })).toMatchObject({ ok: false });
    expect(await listMeasureSchedules(await actorOf(p.otherTherapist, p.id), clientId)).toBeNull();
    expect(await listMeasureSchedules(await actorOf(p.admin, p.id), clientId)).toBeNull();

    actAs(p.therapist, p.id);
    expect(await endMeasureSchedule(null, { scheduleId })).toMatchObject({ ok: true });
    expect(await endMeasureSchedule(null, { scheduleId })).toMatchObject({ ok: false, formError: 'This schedule has already ended.' });
    const [ended] = (await listMeasureSchedules(therapist, clientId))!;
    expect(ended).toMatchObject({ active: false, nextDue: null, endDate: localDay(new Date(), TZ) });
  });

  it('practice defaults add PHQ-9 and GAD-7 every 14 days and the others monthly, once', async () => {
    const p = await makePractice();
    const clientId = p.clientA1.clientId;
    actAs(p.therapist, p.id);
    expect(await createMeasureSchedule(null, { clientId, measure: 'gad7', everyDays: '7', startDate: '2026-01-05' })).toMatchObject({ ok: true });
    expect(await applyPracticeMeasureDefaults(null, { clientId })).toMatchObject({ ok: true, data: { created: 4 } });
    const owner = await (await openTestDatabase()).owner();
    const rows = await ownerScoped(owner, p.id, (tx) =>
      tx.select().from(measureSchedules).where(and(eq(measureSchedules.practiceId, p.id), eq(measureSchedules.clientId, clientId))),
    );
    const today = localDay(new Date(), TZ);
    const byMeasure = Object.fromEntries(rows.map((r) => [r.measure, [r.everyDays, r.startDate]]));
    expect(byMeasure).toEqual({
      gad7: [7, '2026-01-05'],
      phq9: [14, today],
      who5: [30, today],
      arsq: [30, today],
      scssf: [30, today],
    });
    expect(await applyPracticeMeasureDefaults(null, { clientId })).toMatchObject({ ok: false });
    actAs(p.otherTherapist, p.id);
    expect(await applyPracticeMeasureDefaults(null, { clientId: p.clientA1.clientId })).toMatchObject({ ok: false });
  });
});
