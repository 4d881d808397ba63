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
  overdueFromSummary,
  sparklineLateral,
  summarySource,
  therapistNamesLateral,
  timeZone,
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

const SORT_SQL: Record<SortKey, (a: SQL) => SQL[]> = {
  attention: (a) => [sql`${a}.attention_rank`],
  name: (a) => [sql`lower(${a}.last_name)`, sql`lower(coalesce(${a}.preferred_name, ${a}.first_name))`],
  status: (a) => [sql`${a}.status`],
  therapist: (a) => [sql`lower(${a}.sort_therapist)`],
  lastCheckin: (a) => [sql`${a}.last_day`],
  mood: (a) => [sql`${a}.last_mood`],
  phq9: (a) => [sql`${a}.phq9_score`],
  gad7: (a) => [sql`${a}.gad7_score`],
  adherence: (a) => [sql`(${a}.hw_done::float8 / nullif(${a}.hw_due, 0))`],
  overdue: (a) => [sql`${a}.overdue`],
  alerts: (a) => [sql`${a}.urgent_alerts`, sql`${a}.follow_up_alerts`],
  nextMeasure: (a) => [sql`${a}.sort_next_due`],
  intake: (a) => [sql`${a}.intake_date`],
};

function orderBy(view: RosterView, a: SQL): SQL {
  const dir = sql.raw(view.dir === 'desc' ? 'desc' : 'asc');
  const keys = SORT_SQL[view.sort](a).map((k) => sql`${k} ${dir} nulls last`);
  // Stable tie-breakers so pages never overlap or skip a row.
  return sql.join([...keys, sql`lower(${a}.last_name)`, sql`lower(${a}.first_name)`, sql`${a}.id`], sql`, `);
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

const c = alias(clients, 'c');
const me = alias(careTeam, 'me');
const ft = alias(careTeam, 'ft');
const t = alias(careTeam, 't');
const mine = alias(careTeam, 'mine');

/**
 * Who is in scope at all — care team, therapist, status, name; no clinical data needed — as `from … where …`.
 * One care team's roster (a therapist's own, whatever the URL says; an admin's therapist filter) is the team's client
 * ids (care_team_member_idx) looked up in the clients' primary key, `id = any(array(…))`: the clients' row-level
 * security is then checked on the team's rows alone. Joined to the team, the planner (which reads the policies'
 * conditions as a few dozen rows of the practice) scanned every client of the practice and filtered out all but the
 * team through the policy (2-3 ms at 5,000 clients); a LATERAL probe per member is costed so far above its custom
 * plans that Postgres re-plans the prepared statement every time. The array is estimated at a few elements whatever
 * the team's size, so the primary-key lookup is the plan, generic or custom.
 */
function scopeSource(actor: Actor, view: RosterView): SQL {
  const parts: SQL[] = [sql`${c.practiceId} = ${actor.practiceId}`, sql`${c.status} <> 'archived'`];
  if (view.status) parts.push(sql`${c.status} = ${view.status}`);
  if (view.q) {
    const pattern = likePattern(view.q);
    parts.push(
      sql`(concat_ws(' ', ${c.firstName}, ${c.lastName}) ilike ${pattern} or concat_ws(' ', ${c.preferredName}, ${c.lastName}) ilike ${pattern})`,
    );
  }
  // Clinical facts are read on the viewer's own care team alone, so no other client can pass a clinical filter: an
  // admin's filtered roster is ranked over their care team, not over the practice (5,000 summary probes).
  if (actor.role === 'admin' && clinicalFilter(view)) parts.push(sql`${c.id} = any(${teamIds(mine, actor, actor.membershipId)})`);
  const where = sql.join(parts, sql` and `);
  const team = actor.role !== 'admin' ? { alias: me, membershipId: actor.membershipId } : view.therapist ? { alias: ft, membershipId: view.therapist } : null;
  if (!team) return sql`from ${from(clients, c)} where ${where}`;
  return sql`from ${from(clients, c)} where ${c.id} = any(${teamIds(team.alias, actor, team.membershipId)}) and ${where}`;
}

/** The client ids of one care team, read from care_team_member_idx. */
function teamIds(tm: typeof me | typeof ft | typeof mine, actor: Actor, membershipId: string): SQL {
  return sql`array(select ${tm.clientId} from ${from(careTeam, tm)} where ${tm.practiceId} = ${actor.practiceId} and ${tm.membershipId} = ${membershipId})`;
}

/**
 * Whether the viewer is on the client's care team. A therapist's scope is their care team (scopeSource), so for
 * them it is true of every scoped row, and checking it again cost one care-team probe per client (200 for a
 * therapist of the scale practice, about a third of the statement's scope).
 */
function onTeam(actor: Actor): SQL {
  if (actor.role !== 'admin') return sql`true`;
  return sql`exists (select 1 from ${from(careTeam, t)} where ${t.practiceId} = ${c.practiceId} and ${t.clientId} = ${c.id} and ${t.membershipId} = ${actor.membershipId})`;
}

/** Whether the view filters on a clinical fact (factFilters: each needs `on_team`, directly or through a NULL fact). */
function clinicalFilter(view: RosterView): boolean {
  return Boolean(view.alert || view.band || view.change);
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
    if (band) parts.push(sql`${bandCase(band.measure, sql`r.${sql.identifier(`${band.measure}_score`)}`)} = ${literal(band.bandId)}`);
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

/**
 * A measure's facts from the summary row (NULL off the care team: the row is joined only `on_team`): what ranking,
 * filters and sorts need, for every listed client. What only the page shows is derived in `displayColumns`.
 */
function measureColumns(measure: RosterMeasure): SQL {
  const col = SUMMARY_MEASURE_COLUMNS[measure];
  const score = sql`${col.score}`;
  return sql`
    ${score}::float8 as ${sql.identifier(`${measure}_score`)},
    ${col.at} as ${sql.identifier(`${measure}_completed_at`)},
    ${col.baseline}::float8 as ${sql.identifier(`${measure}_baseline`)},
    ${changeCase(measure, score, sql`${col.baseline}`, sql`${col.baselineId} = ${col.latestId}`)} as ${sql.identifier(`${measure}_change`)}`;
}

/** A measure's display columns over the page's rows (`p`): band and completion time as the row mapper reads them. */
function displayColumns(measure: RosterMeasure): SQL {
  const col = (suffix: string) => sql`p.${sql.identifier(`${measure}_${suffix}`)}`;
  return sql`${col('score')}, (extract(epoch from ${col('completed_at')}) * 1000)::float8 as ${sql.identifier(`${measure}_at`)},
      ${col('baseline')}, ${bandCase(measure, col('score'))} as ${sql.identifier(`${measure}_band`)}, ${col('change')}`;
}

/**
 * The roster in ONE statement. Its shape:
 *
 *   scoped  — the clients the viewer may list (a therapist: their care team, read from the care team's index; an
 *             admin: the practice, or one therapist's team), narrowed by status and name search; `on_team` marks
 *             whose clinical data the viewer may read.
 *   facts   — one row per scoped client from its summary row (client_summaries, kept on write by triggers,
 *             db/migrations/0026, 0029): the last check-in's day and time and the open homework's due times through
 *             the metadata view client_checkin_dates (for every listed client: dates are non-clinical metadata,
 *             docs/clinical.md §6.2), the latest and baseline scores and the open alert counts from the table
 *             itself, joined only `on_team` and opened by row-level security to the care team alone — so an admin's
 *             off-team clients carry NULL clinical facts and can be neither shown, nor filtered, nor sorted, nor
 *             ranked on them. What depends on the clock is worked out here, at read time, against `now()` and the
 *             practice's local day: days since the last check-in, and overdue homework (the open due times inside
 *             the window before now, a binary search of the summary's sorted array).
 *   ranked  — adds the attention rank, a CASE built from ATTENTION_CRITERIA (lib/caseload/attention.ts).
 *   page    — filters on the facts, keeps one page in the chosen order (a top-N sort, not a sort of every row) and
 *             the filtered total as a window count.
 *   final   — only the page's rows get the display-only facts: homework due and done in the window (one index
 *             probe each), the 14-day mood series, the next measure, the therapists' names. (A sort on one of
 *             those adds it to `facts` as well.)
 *
 * A name-ordered view with no filter on the facts skips `facts` for every client: the page's clients are sorted out of
 * the scope on their names alone (a top-N sort), the facts are read for those alone, and the total
 * is a count of the scope.
 *
 * No query per row, and no walk of any client's history for the facts: one summary row per client. A separate count
 * statement (over `scoped` alone when no filter needs the facts) runs only when a page past the end brings no row
 * to carry the total.
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
  const clock: Clock = { now, today: sql`(${now} at time zone ${timeZone(actor.practice.timeZone)})::date` };
  const { today } = clock;
  const columns = sql`${c.practiceId} as practice_id, ${c.id} as id, ${c.firstName} as first_name, ${c.lastName} as last_name,
        ${c.preferredName} as preferred_name, ${c.pronouns} as pronouns, ${c.status} as status, ${c.intakeDate} as intake_date`;
  const listed = sql`select ${columns}, ${onTeam(actor)} as on_team ${scopeSource(actor, view)}`;
  // MATERIALIZED: otherwise the planner inlines `on_team` (an EXISTS) into every join that reads it.
  const scoped = sql`scoped as materialized (${listed})`;
  const filters = factFilters(view);
  // The admin's roster of (most of) the practice: its summaries are read in one pass, not probed per client.
  const wholePractice = actor.role === 'admin' && !view.therapist && !view.q && !clinicalFilter(view);

  if (mode.kind === 'count' && !filters) {
    return sql`with ${scoped} select count(*)::int as total from scoped`;
  }

  // Display-only facts are read after pagination, for the page's rows alone — unless the view sorts by one.
  const s = sql`${sql.identifier('s')}`;
  const sortBy = view.sort;
  const facts = (source: string) => sql`
    facts as (
      select s.*,
        ${act.lastCheckinDay} as last_day,
        ((select ${today}) - ${act.lastCheckinDay}) as days_since_checkin,
        ${act.lastCheckinAt} as last_checkin_ts,
        ${cs.lastMood} as last_mood,
        ${sql.join(ROSTER_MEASURES.map(measureColumns), sql`,`)},
        ${overdueFromSummary(clock)} as overdue,
        coalesce(${cs.urgentAlerts}, 0) as urgent_alerts, coalesce(${cs.followUpAlerts}, 0) as follow_up_alerts
        ${sortBy === 'adherence' ? sql`, coalesce(hw.due, 0) as hw_due, coalesce(hw.done, 0) as hw_done` : sql``}
        ${sortBy === 'nextMeasure' ? sql`, nm.due_on as sort_next_due` : sql``}
        ${sortBy === 'therapist' ? sql`, th.names as sort_therapist` : sql``}
      ${summarySource(source, actor, source === 'scoped' && wholePractice)}
      ${sortBy === 'adherence' ? homeworkFacts(actor, view, clock, s, true) : sql``}
      ${sortBy === 'nextMeasure' ? nextMeasureLateral(s, today) : sql``}
      ${sortBy === 'therapist' ? therapistNamesLateral(s) : sql``}
    ),
    ranked as (
      select f.*, ${attentionRankSql} as attention_rank from facts f
    )`;
  const where = filters ? sql`where ${filters}` : sql``;

  if (mode.kind === 'count') {
    return sql`with ${scoped}, ${facts('scoped')} select count(*)::int as total from ranked r ${where}`;
  }

  const r = sql`${sql.identifier('r')}`;
  const p = sql`${sql.identifier('p')}`;
  const byName = sortBy === 'name' && !filters;
  const pageCtes = byName
    ? sql`
    named as (
      select ${columns} ${scopeSource(actor, view)}
      order by ${orderBy(view, sql`${c}`)}
      limit ${mode.limit} offset ${mode.offset}
    ),
    listed as (select ${c}.*, ${onTeam(actor)} as on_team from named ${c}),
    ${facts('listed')},
    page as (
      select r.*, (select count(*) ${scopeSource(actor, view)}) as total from ranked r
    )`
    : sql`
    ${scoped}, ${facts('scoped')},
    page as (
      -- Every filtered row is ranked, but only the page is sorted out of them (top-N). The total is the scope's
      -- size when no filter needs the facts, else a window count over the filtered rows.
      select r.*, ${filters ? sql`count(*) over ()` : sql`(select count(*) from scoped)`} as total
      from ranked r ${where}
      order by ${orderBy(view, r)}
      limit ${mode.limit} offset ${mode.offset}
    )`;
  const hwDue = sortBy === 'adherence' ? sql`p.hw_due` : sql`coalesce(hw.due, 0)`;
  const hwDone = sortBy === 'adherence' ? sql`p.hw_done` : sql`coalesce(hw.done, 0)`;
  return sql`
    with ${pageCtes}
    select p.id, p.first_name, p.last_name, p.preferred_name, p.pronouns, p.status, p.intake_date::text as intake_date,
      p.on_team, ${today}::text as today, p.last_day::text as last_day, p.days_since_checkin,
      (extract(epoch from p.last_checkin_ts) * 1000)::float8 as last_checkin_at, p.last_mood,
      ${sql.join(ROSTER_MEASURES.map(displayColumns), sql`,`)},
      ${hwDue} as hw_due, ${hwDone} as hw_done, p.overdue, p.urgent_alerts, p.follow_up_alerts,
      nm.due_on::text as next_due, case when p.on_team then nm.measure end as next_measure, th.names as therapist_names,
      p.attention_rank, p.total::int as total, spark.points::text as mood_points
    from page p
    ${sortBy === 'adherence' ? sql`` : homeworkFacts(actor, view, clock, p, false)}
    ${nextMeasureLateral(p, today)}
    ${therapistNamesLateral(p)}
    ${sparklineLateral(p, today, SPARKLINE_DAYS)}
    order by ${orderBy(view, p)}`;
}
