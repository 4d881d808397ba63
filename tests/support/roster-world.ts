import type { Db } from '../../db/connection';
import { addToCareTeam, createClientRecord } from '../../db/seed/factories';
import type { Actor } from '../../lib/auth/types';
import { DEFAULT_VIEW, type RosterView } from '../../lib/caseload/view';
import type { RosterRow } from '../../lib/caseload/roster';
import { openTestDatabase } from './database';
import { type TestPractice, actorFor, makePractice } from './factories';
import { DAY_MS, addHomework, addMeasure, addSchedule, daysAgo, today } from './caseload';
import { insertAlert, insertCheckins } from './clinical';

/** The roster tests' practice: one client per attention criterion (tests/integration/roster*.test.ts). */
export const TZ = 'America/New_York';

export type World = {
  p: TestPractice;
  db: Db;
  therapist: Actor;
  otherTherapist: Actor;
  admin: Actor;
  ids: Record<'urgent' | 'followUp' | 'deteriorated' | 'overdue' | 'silent' | 'steady' | 'paused', string>;
};

/**
 * One client per attention criterion, named so that alphabetical order differs from attention order:
 *   Uma Zulu      — an unacknowledged urgent alert                       → rank 0
 *   Fay Young     — a follow-up alert (and an acknowledged urgent one)   → rank 1
 *   Dee Xu        — PHQ-9 8 → 15: reliable deterioration                 → rank 2
 *   Oli Wong      — homework due yesterday, not submitted                → rank 3
 *   Ned Vale      — last check-in 8 days ago                             → rank 4
 *   (client A1)   — never checked in                                      → rank 4
 *   Eve Adams     — PHQ-9 16 → 8: reliable improvement; checked in today → everyone else
 *   Pat Baker     — paused, never checked in (not expected to)           → everyone else
 */
export async function buildWorld(): Promise<World> {
  const p = await makePractice('Roster');
  const handle = await openTestDatabase();
  const db = await handle.owner();
  const t = p.therapist.membershipId;
  const make = async (firstName: string, lastName: string, opts: { status?: 'active' | 'paused' } = {}) => {
    const { id } = await createClientRecord(db, p.id, {
      firstName,
      lastName,
      pronouns: 'they/them',
      status: opts.status ?? 'active',
    });
    await addToCareTeam(db, p.id, id, t);
    return id;
  };
  const ids = {
    urgent: await make('Uma', 'Zulu'),
    followUp: await make('Fay', 'Young'),
    deteriorated: await make('Dee', 'Xu'),
    overdue: await make('Oli', 'Wong'),
    silent: await make('Ned', 'Vale'),
    steady: await make('Eve', 'Adams'),
    paused: await make('Pat', 'Baker', { status: 'paused' }),
  };
  const recent = [
    { localDay: today(TZ), mood: 6 },
    { localDay: daysAgo(TZ, 1), mood: 5 },
  ];
  for (const id of [ids.urgent, ids.followUp, ids.deteriorated, ids.overdue, ids.steady])
    await insertCheckins(p.id, id, recent);
  await insertCheckins(p.id, ids.silent, [
    { localDay: daysAgo(TZ, 8), mood: 3 },
    { localDay: daysAgo(TZ, 20), mood: 4 },
  ]);

  await insertAlert(p.id, ids.urgent, 'phq9_urgent');
  await insertAlert(p.id, ids.followUp, 'phq9_item9_positive');
  await insertAlert(p.id, ids.followUp, 'checkin_safety_yes', { acknowledgedBy: t });

  const now = Date.now();
  await addMeasure(p.id, ids.deteriorated, 'phq9', 8, new Date(now - 30 * DAY_MS));
  await addMeasure(p.id, ids.deteriorated, 'phq9', 15, new Date(now - 2 * DAY_MS));
  await addMeasure(p.id, ids.deteriorated, 'gad7', 6, new Date(now - 2 * DAY_MS));
  // Eve: the therapist marked the second administration as baseline; the first (20) is not it.
  await addMeasure(p.id, ids.steady, 'phq9', 20, new Date(now - 60 * DAY_MS));
  await addMeasure(p.id, ids.steady, 'phq9', 16, new Date(now - 40 * DAY_MS), { isBaseline: true });
  await addMeasure(p.id, ids.steady, 'phq9', 8, new Date(now - 3 * DAY_MS));
  await addMeasure(p.id, ids.steady, 'gad7', 9, new Date(now - 3 * DAY_MS));

  await addHomework(db, p.id, ids.overdue, t, [
    { dueAt: new Date(now - 1 * DAY_MS), status: 'due' },
    { dueAt: new Date(now - 2 * DAY_MS), status: 'submitted' },
    { dueAt: new Date(now - 3 * DAY_MS), status: 'cancelled' },
    { dueAt: new Date(now + 2 * DAY_MS), status: 'due' },
  ]);
  // Eve's homework: all 3 done in the window; one older than 28 days left undone is outside it.
  await addHomework(db, p.id, ids.steady, t, [
    { dueAt: new Date(now - 1 * DAY_MS), status: 'reviewed' },
    { dueAt: new Date(now - 5 * DAY_MS), status: 'submitted' },
    { dueAt: new Date(now - 9 * DAY_MS), status: 'submitted' },
    { dueAt: new Date(now - 40 * DAY_MS), status: 'due' },
  ]);
  await addSchedule(db, p.id, ids.steady, 'phq9', 14, daysAgo(TZ, 20));
  await addSchedule(db, p.id, ids.steady, 'gad7', 30, daysAgo(TZ, 1));
  await addSchedule(db, p.id, ids.deteriorated, 'phq9', 7, daysAgo(TZ, 30), { endDate: daysAgo(TZ, 2) });

  const therapist = (await actorFor(p.therapist, p.id))!;
  const otherTherapist = (await actorFor(p.otherTherapist, p.id))!;
  const admin = (await actorFor(p.admin, p.id))!;
  return { p, db, therapist, otherTherapist, admin, ids };
}

export const view = (overrides: Partial<RosterView> = {}): RosterView => ({ ...DEFAULT_VIEW, ...overrides });
export const names = (rows: RosterRow[]) => rows.map((r) => r.name);
