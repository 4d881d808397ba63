import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { careTeam, checkins, clientCheckinDates, clientSummaries, measureScheduleDates, memberships, occurrenceStatuses, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/types';
import { isIanaTimeZone } from '@/lib/time/zone';
import { DONE_STATUSES, EXCLUDED_STATUSES, HOMEWORK_WINDOW_DAYS } from './attention';
import type { RosterView } from './view';

/*
 * The roster statement's per-client facts (roster-sql.ts builds the statement). What changes only on a write is
 * read from each client's summary row (client_summaries, kept by triggers in the writing transaction,
 * db/migrations/0026); what depends on the clock (days since the last check-in, the homework window) is worked
 * out here against the request's `now` and `today` (overdue homework from the open items' due times in the summary). Base tables and views are named through their schema
 * objects (db/schema), so a renamed column breaks the build, not the page.
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
/**
 * The practice's time zone as a constant in the statement's text (one text per zone), where the zone has a zone
 * name's shape; anything else stays a parameter. As a parameter the generic plan cannot estimate a range on the
 * practice's local day (the sparkline's 14 days read as a third of a client's year of check-ins), costs itself above
 * the custom plans and Postgres re-plans the prepared statement on every execution (3-4 ms of planning).
 */
export function timeZone(value: string): SQL {
  // isIanaTimeZone admits letters, digits, '_', '+', '-' and '/' only: nothing that could end the quoted constant.
  return isIanaTimeZone(value) ? sql.raw(`'${value}'`) : sql`${value}`;
}
const textList = (values: readonly string[]) => sql.join(values.map(literal), sql`, `);

/** `table alias` for a FROM clause: drizzle renders an aliased table by its alias alone. */
export function from(table: object, aliased: object): SQL {
  return sql`${table} ${aliased}`;
}

/** The clock the facts are read against: `now` and the practice's local day (time passes without a write). */
export type Clock = { now: SQL; today: SQL };

/**
 * Whether the view lists a whole large practice (an admin's roster without a therapist filter). Homework is then
 * counted set-based (one index range scan of the practice's window, hashed onto the clients) rather than as one
 * index probe per client: thousands of probes cost more than one pass over the window.
 */
function practiceWide(actor: Actor, view: RosterView): boolean {
  return actor.role === 'admin' && !view.therapist;
}

export const act = alias(clientCheckinDates, 'act');
export const cs = alias(clientSummaries, 'cs');

/**
 * The listed clients (`source`, one of the statement's CTEs, as `s`) with their summary row, as `from …`: the last
 * check-in's day and time and the open homework's due times (metadata, through client_checkin_dates, for every listed
 * client) as `act`, and the clinical facts (client_summaries itself, which row-level security opens to the care team;
 * joined only `on_team`, so an admin's off-team clients carry NULL clinical facts whatever the policy says) as `cs`.
 * `wholePractice`: the source is most of the practice (an admin's roster with no therapist filter or search).
 */
export function summarySource(source: string, actor: Actor, wholePractice: boolean): SQL {
  const s = sql.identifier('s');
  const clinical = sql`
      left join lateral (
        select ${cs}.* from ${from(clientSummaries, cs)}
        where ${s}.on_team and ${cs.practiceId} = ${s}.practice_id and ${cs.clientId} = ${s}.id
        offset 0
      ) ${cs} on true`;
  // A therapist lists their care team alone, and the view opens them exactly the rows the table's own policies
  // do (this practice, their care team): one probe of the summary row then serves both, the metadata as `act`.
  if (actor.role === 'therapist') {
    return sql`from ${sql.identifier(source)} ${s}
      left join lateral (
        select ${cs}.* from ${from(clientSummaries, cs)} where ${cs.practiceId} = ${s}.practice_id and ${cs.clientId} = ${s}.id
        offset 0
      ) ${cs} on true
      cross join lateral (
        select ${cs.practiceId}, ${cs.clientId}, ${cs.lastCheckinDay}, ${cs.lastCheckinAt}, ${cs.openHomeworkDueAt}
      ) ${act}`;
  }
  // The whole practice's metadata in one pass over its summary rows, hashed onto the clients rather than probed
  // 5,000 times (a third of the admin's statement). A FULL join, because the planner cannot nest-loop one: under
  // row-level security it estimates both sides at a few dozen rows, and a left join has been planned as a nested loop
  // over a materialized scan of the summaries (seconds at 5,000 clients). OFFSET 0 keeps the `s.id is not null`
  // outside, so the full join is not reduced to a left join; it drops summaries of clients not listed.
  if (wholePractice) {
    return sql`from (
        select * from (
          select ${s}.*, ${act.lastCheckinDay}, ${act.lastCheckinAt}, ${act.openHomeworkDueAt}
          from ${sql.identifier(source)} ${s}
          full join ${from(clientCheckinDates, act)} on ${act.practiceId} = ${s}.practice_id and ${act.clientId} = ${s}.id
          offset 0
        ) ${s} where ${s}.id is not null
      ) ${s}
      cross join lateral (
        select ${s}.practice_id, ${s}.id as client_id, ${s}.last_checkin_day, ${s}.last_checkin_at, ${s}.open_homework_due_at
      ) ${act}
      ${clinical}`;
  }
  // Otherwise both as key probes per listed client (OFFSET 0 keeps each lateral from being flattened into a join,
  // for the reason above). A probe costs about a microsecond; and the clinical row is probed for on-team clients
  // alone, not filtered out of every summary row of the practice through the care-team policy.
  return sql`from ${sql.identifier(source)} ${s}
      left join lateral (
        select ${act}.* from ${from(clientCheckinDates, act)} where ${act.practiceId} = ${s}.practice_id and ${act.clientId} = ${s}.id
        offset 0
      ) ${act} on true
      ${clinical}`;
}

/** The adherence window's lower edge: `due_at >= now - N days` (the same interval arithmetic the grouped count uses). */
function windowStart(clock: Clock): SQL {
  return sql`(${clock.now} - make_interval(days => ${number(HOMEWORK_WINDOW_DAYS)}))`;
}

/**
 * Overdue homework: the open occurrences (neither done, cancelled nor set aside) due inside the window before now,
 * counted from the summary's ascending due times (client_checkin_dates.open_homework_due_at, kept on write,
 * db/migrations/0029) by two binary searches: width_bucket(x, sorted) is how many are <= x, so the count in
 * [start, now] is those <= now less those <= start - 1 µs (timestamps are whole microseconds). No occurrence is read.
 */
export function overdueFromSummary(clock: Clock): SQL {
  const due = sql`${act.openHomeworkDueAt}`;
  // Each bound as a scalar subquery: an init plan, worked out once per statement rather than once per client.
  return sql`coalesce(width_bucket((select ${clock.now}), ${due}) - width_bucket((select ${windowStart(clock)} - interval '1 microsecond'), ${due}), 0)`;
}

/**
 * Homework due and done over the window before `now` (adherence), from the occurrences themselves: for the page's
 * rows alone (one index range probe each), or for every listed client when the view sorts by adherence, then
 * practice-wide in one pass over assignment_occurrences_practice_due_idx (thousands of probes cost more).
 */
export function homeworkFacts(actor: Actor, view: RosterView, clock: Clock, o_: SQL, forEveryListed: boolean): SQL {
  const o = alias(occurrenceStatuses, 'o');
  const counts = sql`
          count(*) filter (where ${o.status} not in (${textList(EXCLUDED_STATUSES)}))::int as due,
          count(*) filter (where ${o.status} in (${textList(DONE_STATUSES)}))::int as done`;
  const window = sql`${o.dueAt} >= ${windowStart(clock)} and ${o.dueAt} <= ${clock.now}`;
  if (forEveryListed && practiceWide(actor, view)) {
    return sql`
      left join (
        select ${o.clientId} as client_id, ${counts}
        from ${from(occurrenceStatuses, o)}
        where ${o.practiceId} = ${actor.practiceId} and ${window}
        group by ${o.clientId}
      ) hw on hw.client_id = ${o_}.id`;
  }
  return sql`
      left join lateral (
        select ${counts}
        from ${from(occurrenceStatuses, o)}
        where ${o.practiceId} = ${o_}.practice_id and ${o.clientId} = ${o_}.id and ${window}
      ) hw on true`;
}

/** The soonest next due date over the client's active measure schedules (start + k·every_days ≥ today, ≤ end). */
export function nextMeasureLateral(o: SQL, today: SQL): SQL {
  const ms = alias(measureScheduleDates, 'ms');
  return sql`
    left join lateral (
      select n.due_on, n.measure from (
        select ${ms.measure} as measure, ${ms.endDate} as end_date,
          case when ${ms.startDate} >= ${today} then ${ms.startDate}
               else ${ms.startDate} + ((${today} - ${ms.startDate} + ${ms.everyDays} - 1) / ${ms.everyDays}) * ${ms.everyDays}
          end as due_on
        from ${from(measureScheduleDates, ms)}
        where ${ms.practiceId} = ${o}.practice_id and ${ms.clientId} = ${o}.id and ${ms.active} and ${ms.everyDays} > 0
      ) n
      where n.end_date is null or n.due_on <= n.end_date
      order by n.due_on, n.measure limit 1
    ) nm on true`;
}

export function therapistNamesLateral(o: SQL): SQL {
  const ct = alias(careTeam, 'ct');
  const mb = alias(memberships, 'mb');
  const u = alias(users, 'u');
  return sql`
    left join lateral (
      select string_agg(${u.name}, ', ' order by ${u.name}) as names
      from ${from(careTeam, ct)}
      join ${from(memberships, mb)} on ${mb.practiceId} = ${ct.practiceId} and ${mb.id} = ${ct.membershipId} and ${mb.role} = 'therapist'
      join ${from(users, u)} on ${u.id} = ${mb.userId}
      where ${ct.practiceId} = ${o}.practice_id and ${ct.clientId} = ${o}.id
    ) th on true`;
}

/** The mood series of the last `days` days, for the page's rows alone (the one fact that reads many rows). */
export function sparklineLateral(o: SQL, today: SQL, days: number): SQL {
  const ci = alias(checkins, 'ci');
  return sql`
    left join lateral (
      select json_agg(json_build_array(${ci.localDay}::text, ${ci.mood}) order by ${ci.localDay}) as points
      from ${from(checkins, ci)}
      where ${o}.on_team and ${ci.practiceId} = ${o}.practice_id and ${ci.clientId} = ${o}.id
        -- today as an expression of now(), not the page's text column: it is then an index condition on
        -- checkins_client_day_key (a range scan of the window), not a filter over the client's whole year.
        and ${ci.localDay} > ${today} - ${number(days)}
    ) spark on true`;
}
