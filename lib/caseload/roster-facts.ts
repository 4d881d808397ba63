import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/auth/types';
import { DISENGAGED_AFTER_DAYS, DONE_STATUSES, EXCLUDED_STATUSES, HOMEWORK_WINDOW_DAYS, SET_ASIDE_STATUSES } from './attention';
import type { RosterView } from './view';

/*
 * The roster statement's per-client facts that are not scores (roster-sql.ts builds the statement): the last
 * check-in, homework counts, the next measure, the therapists' names, read per client or practice-wide.
 */

// Only the domain's own constants (band ids and edges, status names, rule numbers) and values a zod enum
// already admitted reach these two; they are inlined so the planner sees constants, and each refuses
// anything outside its pattern rather than quoting it.
const IDENT = /^[a-z0-9_]+$/;
export function literal(value: string): SQL {
  if (!IDENT.test(value)) throw new Error(`Not a safe SQL literal: ${value}`);
  return sql.raw(`'${value}'`);
}
export function number(value: number): SQL {
  if (!Number.isFinite(value)) throw new Error(`Not a number: ${value}`);
  return sql.raw(String(value));
}
const textList = (values: readonly string[]) => sql.join(values.map(literal), sql`, `);

/**
 * Whether the view lists a whole large practice (an admin's roster without a therapist filter). Per-client
 * facts are then computed set-based (one index range scan of the practice, hashed onto the clients) rather than
 * as one index probe per client: thousands of probes cost more than one pass over the window.
 */
function practiceWide(actor: Actor, view: RosterView): boolean {
  return actor.role === 'admin' && !view.therapist;
}

/**
 * Each client's newest check-in day, for the rank, the "no recent check-in" filter and the sort. Practice-wide,
 * only days inside the disengagement window are read (checkins_practice_day_idx): a client with none there has
 * days_since_checkin NULL, which the rank and the filter read exactly as "7 days or more". The page's own rows
 * get their true last day afterwards (ci_detail); a sort on it reads the whole history per client.
 */
export function lastCheckinFacts(actor: Actor, view: RosterView, today: SQL): SQL {
  if (practiceWide(actor, view) && view.sort !== 'lastCheckin') {
    return sql`
      left join (
        select ci.client_id, max(ci.local_day) as local_day from checkin_days ci
        where ci.practice_id = ${actor.practiceId} and ci.local_day > ${today} - ${number(DISENGAGED_AFTER_DAYS)}
        group by ci.client_id
      ) last_ci on last_ci.client_id = s.id`;
  }
  return sql`
      left join lateral (
        -- The view over checkins_client_day_key: the newest local day.
        select ci.local_day from checkin_days ci
        where ci.practice_id = s.practice_id and ci.client_id = s.id
        order by ci.local_day desc limit 1
      ) last_ci on true`;
}

/** Homework counts over the window; practice-wide in one pass over assignment_occurrences_practice_due_idx. */
export function homeworkFacts(actor: Actor, view: RosterView): SQL {
  const counts = sql`
          count(*) filter (where o.status not in (${textList(EXCLUDED_STATUSES)}))::int as due,
          count(*) filter (where o.status in (${textList(DONE_STATUSES)}))::int as done,
          count(*) filter (where o.status not in (${textList([...DONE_STATUSES, ...EXCLUDED_STATUSES, ...SET_ASIDE_STATUSES])}))::int as overdue`;
  // 'due' past its time is overdue here whether or not it is stored as 'missed'.
  const window = sql`o.due_at >= now() - make_interval(days => ${number(HOMEWORK_WINDOW_DAYS)}) and o.due_at <= now()`;
  if (practiceWide(actor, view)) {
    return sql`
      left join (
        select o.client_id, ${counts}
        from occurrence_statuses o
        where o.practice_id = ${actor.practiceId} and ${window}
        group by o.client_id
      ) hw on hw.client_id = s.id`;
  }
  return sql`
      left join lateral (
        select ${counts}
        from occurrence_statuses o
        where o.practice_id = s.practice_id and o.client_id = s.id and ${window}
      ) hw on true`;
}

/** The latest check-in's time (metadata) and mood (clinical: NULL off the care team). */
export function checkinDetailLateral(o: SQL): SQL {
  return sql`
    left join lateral (
      select ci.local_day, ci.updated_at,
        case when ${o}.on_team then (
          select c.mood from checkins c where c.practice_id = ci.practice_id and c.client_id = ci.client_id and c.local_day = ci.local_day
        ) end as mood
      from checkin_days ci
      where ci.practice_id = ${o}.practice_id and ci.client_id = ${o}.id
      order by ci.local_day desc limit 1
    ) ci_detail on true`;
}

/** The soonest next due date over the client's active measure schedules (start + k·every_days ≥ today, ≤ end). */
export function nextMeasureLateral(o: SQL, today: SQL): SQL {
  return sql`
    left join lateral (
      select n.due_on, n.measure from (
        select ms.measure, ms.end_date,
          case when ms.start_date >= ${today} then ms.start_date
               else ms.start_date + ((${today} - ms.start_date + ms.every_days - 1) / ms.every_days) * ms.every_days
          end as due_on
        from measure_schedule_dates ms
        where ms.practice_id = ${o}.practice_id and ms.client_id = ${o}.id and ms.active and ms.every_days > 0
      ) n
      where n.end_date is null or n.due_on <= n.end_date
      order by n.due_on, n.measure limit 1
    ) nm on true`;
}

export function therapistNamesLateral(o: SQL): SQL {
  return sql`
    left join lateral (
      select string_agg(u.name, ', ' order by u.name) as names
      from care_team ct
      join memberships mb on mb.practice_id = ct.practice_id and mb.id = ct.membership_id and mb.role = 'therapist'
      join users u on u.id = mb.user_id
      where ct.practice_id = ${o}.practice_id and ct.client_id = ${o}.id
    ) th on true`;
}

