import { and, asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import { assignmentOccurrences, clientSummaries } from '../../db/schema';
import { cancelOccurrence } from '../../lib/assignments/actions';
import { setAsideHomework } from '../../lib/assignments/set-aside';
import { ATTENTION_CRITERIA, HOMEWORK_WINDOW_DAYS } from '../../lib/caseload/attention';
import { type RosterRow, loadRoster } from '../../lib/caseload/roster';
import { DEFAULT_VIEW, type RosterView } from '../../lib/caseload/view';
import { DAY_MS, addHomework } from '../support/caseload';
import { asOwner } from '../support/clinical';
import { openTestDatabase, testDatabaseConfig } from '../support/database';
import { type TestPractice, actAs, actorOf, makePractice } from '../support/factories';

/*
 * The open homework's due times in client_summaries (db/migrations/0029), kept by triggers on
 * assignment_occurrences in the writing transaction. The roster's "overdue" is read from them against the clock,
 * so every test compares it with the count worked out from the occurrences themselves.
 */

const HOUR_MS = 3_600_000;
const rankOf = (id: string) => ATTENTION_CRITERIA.findIndex((c) => c.id === id);

async function rowFor(p: TestPractice, who: 'therapist' | 'admin', clientId: string, at?: Date, view: Partial<RosterView> = {}): Promise<RosterRow | undefined> {
  const page = await loadRoster(await actorOf(p[who], p.id), { ...DEFAULT_VIEW, size: 100, ...view }, { at });
  return page.rows.find((r) => r.id === clientId);
}

/** The open due times as stored, and as worked out from scratch from the occurrences. */
async function dueTimes(p: TestPractice, clientId: string): Promise<{ stored: number[]; fromScratch: number[] }> {
  return asOwner(p.id, async (tx) => {
    const [summary] = await tx
      .select({ due: clientSummaries.openHomeworkDueAt })
      .from(clientSummaries)
      .where(and(eq(clientSummaries.practiceId, p.id), eq(clientSummaries.clientId, clientId)));
    const open = await tx
      .select({ dueAt: assignmentOccurrences.dueAt })
      .from(assignmentOccurrences)
      .where(
        and(
          eq(assignmentOccurrences.practiceId, p.id),
          eq(assignmentOccurrences.clientId, clientId),
          sql`${assignmentOccurrences.status} not in ('submitted', 'reviewed', 'cancelled', 'set_aside')`,
        ),
      )
      .orderBy(asc(assignmentOccurrences.dueAt));
    return { stored: (summary?.due ?? []).map((d) => new Date(d).getTime()), fromScratch: open.map((o) => o.dueAt.getTime()) };
  });
}

/** Overdue at `at` from the occurrences: open, due inside [at − window, at]. */
async function overdueFromOccurrences(p: TestPractice, clientId: string, at: Date): Promise<number> {
  const rows = await asOwner(p.id, (tx) =>
    tx.execute(sql`
      select count(*)::int as n from assignment_occurrences o
      where o.practice_id = ${p.id} and o.client_id = ${clientId}
        and o.status not in ('submitted', 'reviewed', 'cancelled', 'set_aside')
        and o.due_at >= ${at.toISOString()}::timestamptz - make_interval(days => ${HOMEWORK_WINDOW_DAYS})
        and o.due_at <= ${at.toISOString()}::timestamptz`),
  );
  return Number(rowsOf<{ n: number }>(rows)[0]?.n ?? -1);
}

async function occurrenceIds(p: TestPractice, clientId: string): Promise<{ id: string; dueAt: Date }[]> {
  return asOwner(p.id, (tx) =>
    tx
      .select({ id: assignmentOccurrences.id, dueAt: assignmentOccurrences.dueAt })
      .from(assignmentOccurrences)
      .where(and(eq(assignmentOccurrences.practiceId, p.id), eq(assignmentOccurrences.clientId, clientId)))
      .orderBy(asc(assignmentOccurrences.dueAt)),
  );
}

describe('open homework due times kept on write', () => {
  it('follows assignment, set-aside and cancellation through the app, and time passing without a write', async () => {
    const p = await makePractice();
    const id = p.clientA1.clientId;
    const now = Date.now();
    const handle = await openTestDatabase();
    await addHomework(await handle.owner(), p.id, id, p.therapist.membershipId, [
      { dueAt: new Date(now - 40 * DAY_MS), status: 'missed' }, // before the window: never overdue again
      { dueAt: new Date(now - 3 * DAY_MS), status: 'missed' },
      { dueAt: new Date(now - 2 * DAY_MS), status: 'due' },
      { dueAt: new Date(now - 1 * DAY_MS), status: 'submitted' },
      { dueAt: new Date(now + 2 * DAY_MS), status: 'due' }, // falls due with the clock
    ]);
    const occ = await occurrenceIds(p, id);
    let times = await dueTimes(p, id);
    expect(times.stored).toEqual(times.fromScratch);
    expect(times.stored).toHaveLength(4);
    expect(await rowFor(p, 'therapist', id)).toMatchObject({ homework: { overdue: 2, due: 3, completed: 1 }, attentionRank: rankOf('overdue_homework') });
    // Homework counts are metadata: the admin, off the care team, sees the same count.
    expect(await rowFor(p, 'admin', id)).toMatchObject({ onMyCareTeam: false, homework: { overdue: 2 } });

    actAs(p.clientA1, p.id);
    expect(await setAsideHomework(null, { occurrenceId: occ[1]!.id, reason: 'A hard week.' })).toMatchObject({ ok: true });
    expect(await rowFor(p, 'therapist', id)).toMatchObject({ homework: { overdue: 1 } });

    actAs(p.therapist, p.id);
    expect(await cancelOccurrence(null, { occurrenceId: occ[2]!.id })).toMatchObject({ ok: true });
    const none = await rowFor(p, 'therapist', id);
    expect(none?.homework.overdue).toBe(0);
    expect(none?.attentionRank).not.toBe(rankOf('overdue_homework'));
    times = await dueTimes(p, id);
    expect(times.stored).toEqual(times.fromScratch);

    // Three days on, nothing written: the future item is overdue; the overdue filter and sort agree.
    const later = new Date(now + 3 * DAY_MS);
    expect(await rowFor(p, 'therapist', id, later)).toMatchObject({ homework: { overdue: 1 }, attentionRank: rankOf('overdue_homework') });
    expect(await rowFor(p, 'therapist', id, later, { overdue: true })).toBeDefined();
    expect(await rowFor(p, 'therapist', id, undefined, { overdue: true })).toBeUndefined();
    for (const at of [new Date(now), later, new Date(now + 31 * DAY_MS)]) {
      expect((await rowFor(p, 'therapist', id, at, { sort: 'overdue' }))?.homework.overdue).toBe(await overdueFromOccurrences(p, id, at));
    }
  });

  it('counts the window with both edges included, as the count over the occurrences does', async () => {
    const p = await makePractice();
    const id = p.clientA1.clientId;
    // Whole seconds, so the instants below are exact in both JavaScript and Postgres.
    const t = Math.floor(Date.now() / 1000) * 1000 - 5 * HOUR_MS;
    const handle = await openTestDatabase();
    await addHomework(await handle.owner(), p.id, id, p.therapist.membershipId, [
      { dueAt: new Date(t), status: 'due' },
      { dueAt: new Date(t), status: 'in_progress' },
      { dueAt: new Date(t + HOUR_MS), status: 'missed' },
    ]);
    const edge = await asOwner(p.id, (tx) =>
      tx.execute(sql`select extract(epoch from ${new Date(t).toISOString()}::timestamptz + make_interval(days => ${HOMEWORK_WINDOW_DAYS}))::float8 * 1000 as ms`),
    );
    const windowEnd = Number(rowsOf<{ ms: number }>(edge)[0]!.ms);
    const instants = [t - 1, t, t + 1, t + HOUR_MS - 1, t + HOUR_MS, windowEnd - 1, windowEnd, windowEnd + 1, windowEnd + HOUR_MS, windowEnd + HOUR_MS + 1];
    const counts: number[] = [];
    for (const ms of instants) {
      const at = new Date(ms);
      const row = await rowFor(p, 'therapist', id, at);
      expect(row?.homework.overdue, `at ${at.toISOString()}`).toBe(await overdueFromOccurrences(p, id, at));
      counts.push(row!.homework.overdue);
    }
    expect(counts).toEqual([0, 2, 2, 2, 3, 3, 3, 1, 1, 0]);
  });

  it('a bulk write across clients recomputes each client once, and a delete removes its due times', async () => {
    const p = await makePractice();
    const [a, b] = [p.clientA1.clientId, p.clientA2.clientId];
    const now = Date.now();
    const handle = await openTestDatabase();
    await addHomework(await handle.owner(), p.id, a, p.therapist.membershipId, [{ dueAt: new Date(now - DAY_MS), status: 'due' }]);
    await addHomework(await handle.owner(), p.id, b, p.therapist.membershipId, [{ dueAt: new Date(now - DAY_MS), status: 'due' }, { dueAt: new Date(now - 2 * DAY_MS), status: 'due' }]);
    // One statement over both clients: all of them submitted.
    await asOwner(p.id, (tx) => tx.update(assignmentOccurrences).set({ status: 'submitted' }).where(eq(assignmentOccurrences.practiceId, p.id)));
    for (const id of [a, b]) expect((await dueTimes(p, id)).stored).toEqual([]);
    await asOwner(p.id, (tx) => tx.update(assignmentOccurrences).set({ status: 'missed' }).where(eq(assignmentOccurrences.practiceId, p.id)));
    expect((await dueTimes(p, b)).stored).toHaveLength(2);
    await asOwner(p.id, (tx) => tx.delete(assignmentOccurrences).where(and(eq(assignmentOccurrences.practiceId, p.id), eq(assignmentOccurrences.clientId, b))));
    expect((await dueTimes(p, b)).stored).toEqual([]);
    const kept = await dueTimes(p, a);
    expect(kept.stored).toEqual(kept.fromScratch);
    expect(kept.stored).toHaveLength(1);
  });

  it.skipIf(testDatabaseConfig().kind === 'pglite')(
    'two homework writes for one client at once: the one that commits second still sees the first (no lost update)',
    async () => {
      const p = await makePractice();
      const id = p.clientA1.clientId;
      const now = Date.now();
      const handle = await openTestDatabase();
      const owner = await handle.owner();
      await addHomework(owner, p.id, id, p.therapist.membershipId, [
        { dueAt: new Date(now - DAY_MS), status: 'due' },
        { dueAt: new Date(now - 2 * DAY_MS), status: 'due' },
      ]);
      const [older, newer] = await occurrenceIds(p, id);
      let updated!: () => void;
      const firstUpdated = new Promise<void>((resolve) => (updated = resolve));
      let release!: () => void;
      const commitFirst = new Promise<void>((resolve) => (release = resolve));
      // One item is submitted and held open; the other is cancelled meanwhile and must wait for it.
      const first = owner.transaction(async (tx) => {
        await tx.update(assignmentOccurrences).set({ status: 'submitted' }).where(and(eq(assignmentOccurrences.practiceId, p.id), eq(assignmentOccurrences.id, newer!.id)));
        updated();
        await commitFirst;
      });
      await firstUpdated;
      const second = owner.transaction(async (tx) => {
        await tx.update(assignmentOccurrences).set({ status: 'cancelled' }).where(and(eq(assignmentOccurrences.practiceId, p.id), eq(assignmentOccurrences.id, older!.id)));
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();
      await Promise.all([first, second]);
      expect(await dueTimes(p, id)).toEqual({ stored: [], fromScratch: [] });
      expect((await rowFor(p, 'therapist', id))?.homework.overdue).toBe(0);
    },
  );
});
