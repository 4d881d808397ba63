import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { executePrepared } from '@/db/prepared';
import { rowsOf } from '@/db/rows';
import { assertCan } from '@/lib/access/guard';
import { withActor } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';
import { displayName } from '@/lib/clients/queries';
import { type Band, type ChangeClassification, bandFor, classifyChange, scoreChange } from '@/lib/measures';
import { EVERYONE_ELSE_RANK } from './attention';
import { recordCaseloadViewIn } from './audit';
import { rosterQuery } from './roster-sql';
import type { RosterMeasure, RosterView } from './view';
import { localDay } from '@/lib/time/day';

export { SPARKLINE_DAYS, rosterQuery } from './roster-sql';

/** The CSV export's ceiling: more than a practice's whole roster, small enough to build in memory. */
export const EXPORT_ROW_LIMIT = 10_000;

export type MeasureCell = {
  score: number;
  band: Band | null;
  completedAt: string;
  baselineScore: number | null;
  /** Null while the only administration is the baseline itself. */
  change: ChangeClassification | null;
  changeBy: number | null;
};

/** Present only where the viewer may read the client's clinical content (docs/clinical.md §6.2). */
export type RosterClinical = {
  mood: { day: string; mood: number }[];
  lastMood: number | null;
  phq9: MeasureCell | null;
  gad7: MeasureCell | null;
  alerts: { urgent: number; followUp: number };
  nextMeasure: string | null;
};

export type RosterRow = {
  id: string;
  name: string;
  pronouns: string | null;
  status: 'active' | 'paused' | 'discharged' | 'archived';
  intakeDate: string | null;
  therapists: string | null;
  onMyCareTeam: boolean;
  lastCheckinDay: string | null;
  lastCheckinAt: string | null;
  daysSinceCheckin: number | null;
  nextMeasureDue: string | null;
  /** Homework counts are non-clinical metadata (docs/clinical.md §6.2, "counts"): shown to an admin for every client. */
  homework: { due: number; completed: number; ratio: number | null; overdue: number };
  attentionRank: number;
  clinical: RosterClinical | null;
};

export type RosterPage = {
  rows: RosterRow[];
  total: number;
  /** The page actually shown (a page past the end shows the last one). */
  page: number;
  pageCount: number;
  today: string;
  viewer: { role: Actor['role']; seesEveryClient: boolean };
};

// ---- rows → domain objects -----------------------------------------------------------------------------

type RawRow = Record<string, unknown>;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const iso = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(Number(v)).toISOString());

function measureCell(measure: RosterMeasure, raw: RawRow): MeasureCell | null {
  const score = num(raw[`${measure}_score`]);
  if (score === null) return null;
  const baselineScore = num(raw[`${measure}_baseline`]);
  // The SQL class drives filters and the rank; display uses classifyChange itself (tests hold them equal).
  const sameAsBaseline = raw[`${measure}_change`] === null;
  const change = baselineScore === null || sameAsBaseline ? null : classifyChange(measure, baselineScore, score);
  return {
    score,
    band: bandFor(measure, score),
    completedAt: iso(raw[`${measure}_at`]) ?? '',
    baselineScore,
    change,
    changeBy: baselineScore === null || sameAsBaseline ? null : scoreChange(baselineScore, score),
  };
}

function toRow(raw: RawRow): RosterRow {
  const onTeam = raw.on_team === true || raw.on_team === 't';
  const due = num(raw.hw_due) ?? 0;
  const done = num(raw.hw_done) ?? 0;
  const points = raw.mood_points ? (JSON.parse(String(raw.mood_points)) as [string, number][]) : [];
  return {
    id: String(raw.id),
    name: displayName({
      firstName: String(raw.first_name),
      lastName: String(raw.last_name),
      preferredName: str(raw.preferred_name),
    }),
    pronouns: str(raw.pronouns),
    status: String(raw.status) as RosterRow['status'],
    intakeDate: str(raw.intake_date),
    therapists: str(raw.therapist_names),
    onMyCareTeam: onTeam,
    lastCheckinDay: str(raw.last_day),
    lastCheckinAt: iso(raw.last_checkin_at),
    daysSinceCheckin: num(raw.days_since_checkin),
    nextMeasureDue: str(raw.next_due),
    homework: { due, completed: done, ratio: due === 0 ? null : done / due, overdue: num(raw.overdue) ?? 0 },
    attentionRank: num(raw.attention_rank) ?? EVERYONE_ELSE_RANK,
    clinical: onTeam
      ? {
          mood: points.map(([day, mood]) => ({ day, mood: Number(mood) })),
          lastMood: num(raw.last_mood),
          phq9: measureCell('phq9', raw),
          gad7: measureCell('gad7', raw),
          alerts: { urgent: num(raw.urgent_alerts) ?? 0, followUp: num(raw.follow_up_alerts) ?? 0 },
          nextMeasure: str(raw.next_measure),
        }
      : null,
  };
}


/** Runs inside the caller's transaction: one statement for the page and its total (two past the last page). */
export async function queryRoster(tx: Tx, actor: Actor, view: RosterView, opts: { all?: boolean; at?: Date } = {}): Promise<RosterPage> {
  const size = opts.all ? EXPORT_ROW_LIMIT : view.size;
  const offset = opts.all ? 0 : (view.page - 1) * view.size;
  // Prepared: the statement's text repeats for a view's shape (values are parameters), and planning it, with the
  // row-level-security policies of every table it reads, costs about as much as running it.
  const raw = await executePrepared<RawRow>(tx, rosterQuery(actor, view, { kind: 'page', limit: size, offset }, opts.at));
  const rows = raw.map(toRow);
  // The total comes with the rows; only a page past the end (no rows to carry it) needs the count statement.
  const total =
    raw.length > 0
      ? (num(raw[0]!.total) ?? rows.length)
      : offset === 0
        ? 0
        : (num(rowsOf<RawRow>(await tx.execute(rosterQuery(actor, view, { kind: 'count' }, opts.at)))[0]?.total) ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / view.size));
  return {
    rows,
    total,
    page: opts.all ? 1 : view.page,
    pageCount,
    today: str(raw[0]?.today) ?? localDay(opts.at ?? new Date(), actor.practice.timeZone),
    viewer: { role: actor.role, seesEveryClient: actor.role === 'admin' },
  };
}

/**
 * The roster for a therapist (their care team) or an admin (the practice; clinical columns only for
 * their own care team). A page past the end is answered with the last page, in the same transaction.
 * With `recordView` the page shown is audited (recordCaseloadView) in that transaction too. `at` reads the roster
 * as of another instant (the database's now() by default).
 */
export async function loadRoster(actor: Actor, view: RosterView, opts: { recordView?: boolean; at?: Date } = {}): Promise<RosterPage> {
  assertCan(actor, 'caseload.view');
  return withActor(actor, async (tx) => {
    let result = await queryRoster(tx, actor, view, { at: opts.at });
    if (result.rows.length === 0 && result.total > 0 && view.page > 1) {
      const last = Math.max(1, Math.ceil(result.total / view.size));
      result = await queryRoster(tx, actor, { ...view, page: last }, { at: opts.at });
    }
    if (opts.recordView) await recordCaseloadViewIn(tx, actor, result);
    return result;
  });
}

/** Therapists of the practice, for the admin's therapist filter. */
export async function listPracticeTherapists(actor: Actor): Promise<{ membershipId: string; name: string }[]> {
  assertCan(actor, 'caseload.view');
  if (actor.role !== 'admin') return [];
  return withActor(actor, async (tx) => {
    const raw = rowsOf(
      await tx.execute(sql`
        select m.id as membership_id, u.name from memberships m join users u on u.id = m.user_id
        where m.practice_id = ${actor.practiceId} and m.role = 'therapist' and m.status <> 'deactivated'
        order by lower(u.name)`),
    );
    return raw.map((r) => ({ membershipId: String(r.membership_id), name: String(r.name) }));
  });
}
