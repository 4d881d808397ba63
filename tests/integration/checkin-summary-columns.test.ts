import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Tx } from '../../db/connection';
import { rowsOf } from '../../db/rows';
import { alerts, checkins, clientSummaries } from '../../db/schema';
import { submitCheckin } from '../../lib/checkins/actions';
import { addHomework, addMeasure, daysAgo, today, DAY_MS } from '../support/caseload';
import { asOwner, insertAlert, insertCheckins } from '../support/clinical';
import { type TestPractice, actAs, makePractice, owner } from '../support/factories';

/*
 * A write to checkins recomputes only the summary's check-in columns (db/migrations/0030); every other table's
 * write recomputes the whole row. Whatever the check-in write, the row must be exactly what a full rebuild of the
 * client computes: the check-in columns moved, every measure, alert and homework column as it was.
 */

const TZ = 'America/New_York';

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

async function summaryOf(p: TestPractice, clientId: string) {
  const rows = await asOwner(p.id, (tx) =>
    tx
      .select()
      .from(clientSummaries)
      .where(and(eq(clientSummaries.practiceId, p.id), eq(clientSummaries.clientId, clientId))),
  );
  return rows[0];
}

/** The row as the trigger left it, and as the full rebuild (0028's client_summaries_rebuild) computes it. */
async function keptAndRebuilt(p: TestPractice, clientId: string) {
  const kept = await summaryOf(p, clientId);
  await asOwner(p.id, (tx) =>
    tx.execute(sql`select client_summaries_rebuild(array[${p.id}::uuid], array[${clientId}::uuid])`),
  );
  return { kept, rebuilt: await summaryOf(p, clientId) };
}

/** A client with something in every column: check-ins, PHQ-9 and GAD-7 with baselines, open alerts, open homework. */
async function fullClient(p: TestPractice, clientId: string) {
  const now = Date.now();
  await insertCheckins(p.id, clientId, [
    { localDay: daysAgo(TZ, 4), mood: 3 },
    { localDay: daysAgo(TZ, 2), mood: 6 },
  ]);
  await addMeasure(p.id, clientId, 'phq9', 15, new Date(now - 30 * DAY_MS), { isBaseline: true });
  await addMeasure(p.id, clientId, 'phq9', 9, new Date(now - 3 * DAY_MS));
  await addMeasure(p.id, clientId, 'gad7', 12, new Date(now - 20 * DAY_MS));
  await addMeasure(p.id, clientId, 'gad7', 7, new Date(now - 2 * DAY_MS));
  await insertAlert(p.id, clientId, 'phq9_item9_positive');
  await insertAlert(p.id, clientId, 'checkin_distress_streak');
  await addHomework(await owner(), p.id, clientId, p.therapist.membershipId!, [
    { dueAt: new Date(now - DAY_MS), status: 'due' },
    { dueAt: new Date(now + DAY_MS), status: 'due' },
    { dueAt: new Date(now - 2 * DAY_MS), status: 'submitted' },
  ]);
}

describe('a check-in write recomputes only the check-in columns of the summary', () => {
  it('after each kind of check-in write the row is exactly what a full rebuild computes', async () => {
    const p = await makePractice();
    const id = p.clientA1.clientId;
    await fullClient(p, id);
    const start = await keptAndRebuilt(p, id);
    expect(start.kept).toEqual(start.rebuilt);
    expect(start.kept).toMatchObject({
      lastCheckinDay: daysAgo(TZ, 2),
      lastMood: 6,
      phq9Score: 9,
      phq9Baseline: 15,
      gad7Score: 7,
      gad7Baseline: 12,
    });
    expect(start.kept!.urgentAlerts + start.kept!.followUpAlerts).toBe(2);
    expect(start.kept!.openHomeworkDueAt).toHaveLength(2);

    const steps: [string, () => Promise<unknown>][] = [
      [
        'the first check-in of the day',
        () => (actAs(p.clientA1, p.id), submitCheckin(null, form({ mood: '8', distress: '10', window: 'within' }))),
      ],
      [
        'the same day again',
        () => (actAs(p.clientA1, p.id), submitCheckin(null, form({ mood: '4', distress: '20', window: 'within' }))),
      ],
      [
        'an earlier day edited',
        () =>
          asOwner(p.id, (tx) =>
            tx
              .update(checkins)
              .set({ mood: 1 })
              .where(and(eq(checkins.clientId, id), eq(checkins.localDay, daysAgo(TZ, 2)))),
          ),
      ],
      [
        "today's deleted",
        () =>
          asOwner(p.id, (tx) =>
            tx.delete(checkins).where(and(eq(checkins.clientId, id), eq(checkins.localDay, today(TZ)))),
          ),
      ],
      ['every check-in deleted', () => asOwner(p.id, (tx) => tx.delete(checkins).where(eq(checkins.clientId, id)))],
    ];
    const moods: (number | null)[] = [];
    for (const [what, write] of steps) {
      expect(await write(), what).not.toMatchObject({ ok: false });
      const { kept, rebuilt } = await keptAndRebuilt(p, id);
      expect({ what, row: kept }).toEqual({ what, row: rebuilt });
      // Nothing but the check-in columns ever moved.
      expect({ what, row: { ...kept, lastCheckinDay: null, lastCheckinAt: null, lastMood: null } }).toEqual({
        what,
        row: { ...start.kept, lastCheckinDay: null, lastCheckinAt: null, lastMood: null },
      });
      moods.push(kept!.lastMood);
    }
    expect(moods).toEqual([8, 4, 4, 1, null]);
  });

  it('one statement writing check-ins of several clients recomputes each of them', async () => {
    const p = await makePractice();
    const [a, b] = [p.clientA1.clientId, p.clientA2.clientId];
    await fullClient(p, a);
    await asOwner(p.id, (tx) =>
      tx.insert(checkins).values([
        { practiceId: p.id, clientId: a, localDay: daysAgo(TZ, 1), mood: 9, distress: 20, window: 'within' },
        { practiceId: p.id, clientId: b, localDay: daysAgo(TZ, 1), mood: 2, distress: 20, window: 'within' },
      ]),
    );
    for (const [clientId, mood] of [
      [a, 9],
      [b, 2],
    ] as const) {
      const { kept, rebuilt } = await keptAndRebuilt(p, clientId);
      expect(kept).toEqual(rebuilt);
      expect(kept).toMatchObject({ lastCheckinDay: daysAgo(TZ, 1), lastMood: mood });
    }
  });

  it('a client whose summary row is missing gets the whole row back on their next check-in', async () => {
    const p = await makePractice();
    const id = p.clientA1.clientId;
    await fullClient(p, id);
    const before = await summaryOf(p, id);
    await asOwner(p.id, (tx) =>
      tx.delete(clientSummaries).where(and(eq(clientSummaries.practiceId, p.id), eq(clientSummaries.clientId, id))),
    );
    expect(await summaryOf(p, id)).toBeUndefined();

    actAs(p.clientA1, p.id);
    expect(await submitCheckin(null, form({ mood: '7', distress: '10', window: 'within' }))).toMatchObject({
      ok: true,
    });
    const { kept, rebuilt } = await keptAndRebuilt(p, id);
    expect(kept).toEqual(rebuilt);
    expect(kept).toMatchObject({
      ...before,
      lastCheckinDay: today(TZ),
      lastMood: 7,
      lastCheckinAt: kept!.lastCheckinAt,
    });
  });

  it('a check-in write reads no measure, alert or homework row (a write to alerts still recomputes the whole row)', async () => {
    const p = await makePractice();
    const id = p.clientA1.clientId;
    await fullClient(p, id);
    // Scans of those tables made in this transaction so far, its own writes' triggers included (read before and
    // after the writes: an embedded database may count the session's earlier transactions too).
    const scansOfOtherSources = async (tx: Tx) => {
      const [row] = rowsOf<{ n: number }>(
        await tx.execute(sql`
          select coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0)::int as n from pg_stat_xact_user_tables
           where schemaname = 'public' and relname in ('measure_administrations', 'alerts', 'assignment_occurrences')`),
      );
      return row!.n;
    };
    const checkinScans = await asOwner(p.id, async (tx) => {
      const before = await scansOfOtherSources(tx);
      await tx
        .insert(checkins)
        .values({ practiceId: p.id, clientId: id, localDay: daysAgo(TZ, 1), mood: 5, distress: 20, window: 'within' });
      await tx
        .update(checkins)
        .set({ mood: 6 })
        .where(and(eq(checkins.clientId, id), eq(checkins.localDay, daysAgo(TZ, 1))));
      await tx.delete(checkins).where(and(eq(checkins.clientId, id), eq(checkins.localDay, daysAgo(TZ, 4))));
      return (await scansOfOtherSources(tx)) - before;
    });
    expect(checkinScans).toBe(0);
    // The measure the test reads with: an alert raised in the same way does read the other sources.
    const alertScans = await asOwner(p.id, async (tx) => {
      const before = await scansOfOtherSources(tx);
      await tx.insert(alerts).values({
        practiceId: p.id,
        clientId: id,
        kind: 'checkin_safety_yes',
        tier: 'urgent',
        reason: 'test',
        sourceType: 'checkin',
        sourceId: randomUUID(),
      });
      return (await scansOfOtherSources(tx)) - before;
    });
    expect(alertScans).toBeGreaterThan(0);
    const { kept, rebuilt } = await keptAndRebuilt(p, id);
    expect(kept).toEqual(rebuilt);
    expect(kept).toMatchObject({ lastCheckinDay: daysAgo(TZ, 1), lastMood: 6 });
  });
});
