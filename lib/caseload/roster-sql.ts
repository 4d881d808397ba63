import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { careTeam, clients } from '@/db/schema';
import type { Actor } from '@/lib/auth/types';
import { MEASURES, RELIABLE_CHANGE } from '@/lib/measures';
import {
  ATTENTION_CRITERIA,
  type AttentionCriterionId,
  DISENGAGED_AFTER_DAYS,
  EVERYONE_ELSE_RANK,
} from './attention';
import { BAND_FILTERS, ROSTER_MEASURES, type RosterMeasure, type RosterView, type SortKey } from './view';
import {
  type Clock,
  act,
  cs,
  from,
  homeworkFacts,
  literal,
  nextMeasureLateral,
  number,
  sparklineLateral,
  summaryJoins,
  therapistNamesLateral,
} from './roster-facts';

/** Days of mood shown in each row's sparkline. */
export const SPARKLINE_DAYS = 14;

/** A score's band id, from the measure's own band table (lib/measures), so SQL and bandFor agree. */
function bandCase(measure: RosterMeasure, score: SQL): SQL {
  const whens = MEASURES[measure].bands.map(
    (b) =>
      sql`when ${score} ${sql.raw(b.minInclusive ? '>=' : '>')} ${number(b.min)} and ${score} ${sql.raw(b.maxInclusive ? '<=' : '<')} ${number(b.max)} then ${literal(b.id)}`,
  );
  return sql`(case ${sql.join(whens, sql` `)} end)`;
}

/** classifyChange (lib/measures/change.ts) in SQL: the same thresholds and direction. */
function changeCase(measure: RosterMeasure, latest: SQL, baseline: SQL, sameAdministration: SQL): SQL {
  const threshold = number(RELIABLE_CHANGE[measure].threshold);
  const diff = sql`round((${latest} - ${baseline})::numeric, 6)`;
  const improved = MEASURES[measure].higherIsBetter ? sql`${diff} > 0` : sql`${diff} < 0`;
  return sql`(case when ${latest} is null or ${baseline} is null or ${sameAdministration} then null
    when abs(${diff}) < ${threshold} then 'no_reliable_change'
    when ${improved} then 'reliable_improvement'
    else 'reliable_deterioration' end)`;
}

/**
 * The SQL side of each attention criterion, over the `facts` columns. Typed by criterion id, so a new
 * criterion in attention.ts does not compile until it has its predicate here; the order comes from there.
 */
function attentionPredicates(alias: 'f' | 'r'): Record<AttentionCriterionId, SQL> {
  const a = sql.identifier(alias);
  return {
    urgent_alert: sql`coalesce(${a}.urgent_alerts, 0) > 0`,
    follow_up_alert: sql`coalesce(${a}.follow_up_alerts, 0) > 0`,
    reliable_deterioration: sql`(${a}.phq9_change is not distinct from 'reliable_deterioration' or ${a}.gad7_change is not distinct from 'reliable_deterioration')`,
    overdue_homework: sql`coalesce(${a}.overdue, 0) > 0`,
    no_recent_checkin: sql`(${a}.status = 'active' and (${a}.days_since_checkin is null or ${a}.days_since_checkin >= ${number(DISENGAGED_AFTER_DAYS)}))`,
  };
}
const ATTENTION_SQL = attentionPredicates('f');
const RANKED_ATTENTION_SQL = attentionPredicates('r');

const attentionRankSql = sql`(case ${sql.join(
  ATTENTION_CRITERIA.map((c, i) => sql`when ${ATTENTION_SQL[c.id]} then ${number(i)}`),
  sql` `,
)} else ${number(EVERYONE_ELSE_RANK)} end)`;

const SORT_SQL: Record<SortKey, SQL[]> = {
  attention: [sql`r.attention_rank`],
  name: [sql`lower(r.last_name)`, sql`lower(coalesce(r.preferred_name, r.first_name))`],
  status: [sql`r.status`],
  therapist: [sql`lower(r.sort_therapist)`],
  lastCheckin: [sql`r.last_day`],
  mood: [sql`r.last_mood`],
  phq9: [sql`r.phq9_score`],
  gad7: [sql`r.gad7_score`],
  adherence: [sql`(r.hw_done::float8 / nullif(r.hw_due, 0))`],
  overdue: [sql`r.overdue`],
  alerts: [sql`r.urgent_alerts`, sql`r.follow_up_alerts`],
  nextMeasure: [sql`r.sort_next_due`],
  intake: [sql`r.intake_date`],
};

function orderBy(view: RosterView): SQL {
  const dir = sql.raw(view.dir === 'desc' ? 'desc' : 'asc');
  const keys = SORT_SQL[view.sort].map((k) => sql`${k} ${dir} nulls last`);
  // Stable tie-breakers so pages never overlap or skip a row.
  return sql.join([...keys, sql`lower(r.last_name)`, sql`lower(r.first_name)`, sql`r.id`], sql`, `);
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

const c = alias(clients, 'c');
const me = alias(careTeam, 'me');
const ft = alias(careTeam, 'ft');
const t = alias(careTeam, 't');

/**
 * Whether the viewer is on the client's care team. A therapist's scope is their care team (scopeFilters), so for
 * them it is true of every scoped row, and checking it again cost one care-team probe per client (200 for a
 * therapist of the scale practice, about a third of the statement's scope).
 */
function onTeam(actor: Actor): SQL {
  if (actor.role !== 'admin') return sql`true`;
  return sql`exists (select 1 from ${from(careTeam, t)} where ${t.practiceId} = ${c.practiceId} and ${t.clientId} = ${c.id} and ${t.membershipId} = ${actor.membershipId})`;
}

/** Filters on who is in scope at all: care team, therapist, status, name. No clinical data needed. */
function scopeFilters(actor: Actor, view: RosterView): SQL {
  const parts: SQL[] = [sql`${c.practiceId} = ${actor.practiceId}`, sql`${c.status} <> 'archived'`];
  if (actor.role !== 'admin') {
    // A therapist's roster is their care team, whatever the URL says: the therapist filter is ignored.
    parts.push(
      sql`exists (select 1 from ${from(careTeam, me)} where ${me.practiceId} = ${c.practiceId} and ${me.clientId} = ${c.id} and ${me.membershipId} = ${actor.membershipId})`,
    );
  } else if (view.therapist) {
    parts.push(
      sql`exists (select 1 from ${from(careTeam, ft)} where ${ft.practiceId} = ${c.practiceId} and ${ft.clientId} = ${c.id} and ${ft.membershipId} = ${view.therapist})`,
    );
  }
  if (view.status) parts.push(sql`${c.status} = ${view.status}`);
  if (view.q) {
    const pattern = likePattern(view.q);
    parts.push(
      sql`(concat_ws(' ', ${c.firstName}, ${c.lastName}) ilike ${pattern} or concat_ws(' ', ${c.preferredName}, ${c.lastName}) ilike ${pattern})`,
    );
  }
  return sql.join(parts, sql` and `);
}

/** Filters that need the per-client facts; null when the view has none (the count can skip the facts). */
function factFilters(view: RosterView): SQL | null {
  const parts: SQL[] = [];
  if (view.alert === 'urgent') parts.push(sql`r.urgent_alerts > 0`);
  if (view.alert === 'follow_up') parts.push(sql`r.follow_up_alerts > 0`);
  if (view.alert === 'any') parts.push(sql`(r.urgent_alerts > 0 or r.follow_up_alerts > 0)`);
  // "No open alerts" is a clinical fact too: only clients whose alerts the viewer may see qualify.
  if (view.alert === 'none') parts.push(sql`(r.on_team and r.urgent_alerts = 0 and r.follow_up_alerts = 0)`);
  if (view.band) {
    const band = BAND_FILTERS.find((b) => b.value === view.band);
    if (band) parts.push(sql`r.${sql.identifier(`${band.measure}_band`)} = ${literal(band.bandId)}`);
  }
  if (view.change) parts.push(sql`(r.phq9_change = ${literal(view.change)} or r.gad7_change = ${literal(view.change)})`);
  if (view.overdue) parts.push(sql`r.overdue > 0`);
  if (view.disengaged) parts.push(RANKED_ATTENTION_SQL.no_recent_checkin);
  return parts.length ? sql.join(parts, sql` and `) : null;
}

const SUMMARY_MEASURE_COLUMNS: Record<RosterMeasure, { score: SQL; at: SQL; baseline: SQL; baselineId: SQL; latestId: SQL }> = {
  phq9: { score: sql`${cs.phq9Score}`, at: sql`${cs.phq9At}`, baseline: sql`${cs.phq9Baseline}`, baselineId: sql`${cs.phq9BaselineId}`, latestId: sql`${cs.phq9LatestId}` },
  gad7: { score: sql`${cs.gad7Score}`, at: sql`${cs.gad7At}`, baseline: sql`${cs.gad7Baseline}`, baselineId: sql`${cs.gad7BaselineId}`, latestId: sql`${cs.gad7LatestId}` },
};

/** A measure's columns from the summary row (NULL off the care team: the row is joined only `on_team`). */
function measureColumns(measure: RosterMeasure): SQL {
  const col = SUMMARY_MEASURE_COLUMNS[measure];
  const score = sql`${col.score}`;
  return sql`
    ${score}::float8 as ${sql.identifier(`${measure}_score`)},
    (extract(epoch from ${col.at}) * 1000)::float8 as ${sql.identifier(`${measure}_at`)},
    ${col.baseline}::float8 as ${sql.identifier(`${measure}_baseline`)},
    ${bandCase(measure, score)} as ${sql.identifier(`${measure}_band`)},
    ${changeCase(measure, score, sql`${col.baseline}`, sql`${col.baselineId} = ${col.latestId}`)} as ${sql.identifier(`${measure}_change`)}`;
}

/**
 * The roster in ONE statement. Its shape:
 *
 *   scoped  — the clients the viewer may list (a therapist: their care team; an admin: the practice, or one
 *             therapist's team), narrowed by status and name search; `on_team` marks whose clinical data
 *             the viewer may read.
 *   facts   — one row per scoped client from its summary row (client_summaries, kept on write by triggers,
 *             db/migrations/0026): the last check-in's day and time through the metadata view
 *             client_checkin_dates (for every listed client: dates are non-clinical metadata, docs/clinical.md
 *             §6.2), the latest and baseline scores and the open alert counts from the table itself, joined only
 *             `on_team` and opened by row-level security to the care team alone — so an admin's off-team clients
 *             carry NULL clinical facts and can be neither shown, nor filtered, nor sorted, nor ranked on them.
 *             What depends on the clock is worked out here, at read time, against `now()` and the practice's
 *             local day: days since the last check-in, and the homework counts over the window before now
 *             (read from the metadata view occurrence_statuses).
 *   ranked  — adds the attention rank, a CASE built from ATTENTION_CRITERIA (lib/caseload/attention.ts).
 *   page    — filters on the facts, numbers the rows in the chosen order, keeps one page.
 *   final   — only the page's rows get the display-only facts: the 14-day mood series (the one lateral that
 *             reads many rows), the next measure, the therapists' names. (A sort on one of those adds its lateral
 *             to `facts` as well.)
 *
 * No query per row, and no walk of any client's history for the facts: one summary row per client. The total is a
 * window count in the same statement; a separate count statement (over `scoped` alone when no filter needs the
 * facts) runs only when a page past the end brings no row to carry it.
 */
export function rosterQuery(
  actor: Actor,
  view: RosterView,
  mode: { kind: 'page'; limit: number; offset: number } | { kind: 'count' },
  at?: Date,
): SQL {
  // The database's clock: now() is stable, so the planner can estimate the homework window from its value even in a
  // prepared statement's generic plan (a parameter there gets a default guess, and a practice-wide plan turns into a
  // nested loop). `at` reads the same summaries against another instant: the tests' way of letting time pass.
  const now = at ? sql`${at.toISOString()}::timestamptz` : sql`now()`;
  const clock: Clock = { now, today: sql`(${now} at time zone ${actor.practice.timeZone})::date` };
  const { today } = clock;
  // MATERIALIZED: otherwise the planner inlines `on_team` (an EXISTS) into every join that reads it.
  const scoped = sql`
    scoped as materialized (
      select ${c.practiceId} as practice_id, ${c.id} as id, ${c.firstName} as first_name, ${c.lastName} as last_name,
        ${c.preferredName} as preferred_name, ${c.pronouns} as pronouns, ${c.status} as status, ${c.intakeDate} as intake_date,
        ${onTeam(actor)} as on_team
      from ${from(clients, c)}
      where ${scopeFilters(actor, view)}
    )`;
  const filters = factFilters(view);

  if (mode.kind === 'count' && !filters) {
    return sql`with ${scoped} select count(*)::int as total from scoped`;
  }

  // Display-only facts are read after pagination, for the page's rows alone — unless the view sorts by one.
  const s = sql`${sql.identifier('s')}`;
  const sortBy = view.sort;
  const facts = sql`
    facts as (
      select s.*,
        ${today}::text as today,
        ${act.lastCheckinDay} as last_day,
        (${today} - ${act.lastCheckinDay}) as days_since_checkin,
        (extract(epoch from ${act.lastCheckinAt}) * 1000)::float8 as last_checkin_at,
        ${cs.lastMood} as last_mood,
        ${sql.join(ROSTER_MEASURES.map(measureColumns), sql`,`)},
        coalesce(hw.due, 0) as hw_due, coalesce(hw.done, 0) as hw_done, coalesce(hw.overdue, 0) as overdue,
        coalesce(${cs.urgentAlerts}, 0) as urgent_alerts, coalesce(${cs.followUpAlerts}, 0) as follow_up_alerts
        ${sortBy === 'nextMeasure' ? sql`, nm.due_on as sort_next_due` : sql``}
        ${sortBy === 'therapist' ? sql`, th.names as sort_therapist` : sql``}
      from scoped s
      ${summaryJoins(s)}
      ${homeworkFacts(actor, view, clock)}
      ${sortBy === 'nextMeasure' ? nextMeasureLateral(s, today) : sql``}
      ${sortBy === 'therapist' ? therapistNamesLateral(s) : sql``}
    ),
    ranked as (
      select f.*, ${attentionRankSql} as attention_rank from facts f
    )`;
  const where = filters ? sql`where ${filters}` : sql``;

  if (mode.kind === 'count') {
    return sql`with ${scoped}, ${facts} select count(*)::int as total from ranked r ${where}`;
  }

  const p = sql`${sql.identifier('p')}`;
  return sql`
    with ${scoped}, ${facts},
    page as (
      -- Every filtered row is ranked and sorted anyway, so the total rides along as a window count.
      select r.*, row_number() over (order by ${orderBy(view)}) as pos, count(*) over () as total
      from ranked r ${where}
      order by pos
      limit ${mode.limit} offset ${mode.offset}
    )
    select p.id, p.first_name, p.last_name, p.preferred_name, p.pronouns, p.status, p.intake_date::text as intake_date,
      p.on_team, p.today, p.last_day::text as last_day, p.days_since_checkin, p.last_checkin_at, p.last_mood,
      p.phq9_score, p.phq9_at, p.phq9_baseline, p.phq9_band, p.phq9_change,
      p.gad7_score, p.gad7_at, p.gad7_baseline, p.gad7_band, p.gad7_change,
      p.hw_due, p.hw_done, p.overdue, p.urgent_alerts, p.follow_up_alerts,
      nm.due_on::text as next_due, case when p.on_team then nm.measure end as next_measure, th.names as therapist_names,
      p.attention_rank, p.total::int as total, spark.points::text as mood_points
    from page p
    ${nextMeasureLateral(p, today)}
    ${therapistNamesLateral(p)}
    ${sparklineLateral(p, today, SPARKLINE_DAYS)}
    order by p.pos`;
}
