import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
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
  checkinDetailLateral,
  homeworkFacts,
  lastCheckinFacts,
  literal,
  nextMeasureLateral,
  number,
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
  mood: [sql`r.sort_mood`],
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

/** Filters on who is in scope at all: care team, therapist, status, name. No clinical data needed. */
function scopeFilters(actor: Actor, view: RosterView): SQL {
  const parts: SQL[] = [sql`c.practice_id = ${actor.practiceId}`, sql`c.status <> 'archived'`];
  if (actor.role !== 'admin') {
    // A therapist's roster is their care team, whatever the URL says: the therapist filter is ignored.
    parts.push(
      sql`exists (select 1 from care_team me where me.practice_id = c.practice_id and me.client_id = c.id and me.membership_id = ${actor.membershipId})`,
    );
  } else if (view.therapist) {
    parts.push(
      sql`exists (select 1 from care_team ft where ft.practice_id = c.practice_id and ft.client_id = c.id and ft.membership_id = ${view.therapist})`,
    );
  }
  if (view.status) parts.push(sql`c.status = ${view.status}`);
  if (view.q) {
    const pattern = likePattern(view.q);
    parts.push(
      sql`(concat_ws(' ', c.first_name, c.last_name) ilike ${pattern} or concat_ws(' ', c.preferred_name, c.last_name) ilike ${pattern})`,
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

function measureLaterals(measure: RosterMeasure): SQL {
  const m = literal(measure);
  const latest = sql.identifier(`${measure}_latest`);
  const base = sql.identifier(`${measure}_base`);
  return sql`
    left join lateral (
      select ma.id, ma.score, ma.completed_at from measure_administrations ma
      where s.on_team and ma.practice_id = s.practice_id and ma.client_id = s.id and ma.measure = ${m}
        and ma.status = 'complete' and ma.score is not null
      order by ma.completed_at desc limit 1
    ) ${latest} on true
    left join lateral (
      -- The baseline: the earliest one marked as baseline, else the earliest. Two top-1 index probes (the marked
      -- one on measure_administrations_baseline_idx) instead of sorting every administration of the client.
      select b.id, b.score from (
        (select ma.id, ma.score, 0 as pick from measure_administrations ma
         where s.on_team and ma.practice_id = s.practice_id and ma.client_id = s.id and ma.measure = ${m}
           and ma.status = 'complete' and ma.score is not null and ma.is_baseline
         order by ma.completed_at asc limit 1)
        union all
        (select ma.id, ma.score, 1 as pick from measure_administrations ma
         where s.on_team and ma.practice_id = s.practice_id and ma.client_id = s.id and ma.measure = ${m}
           and ma.status = 'complete' and ma.score is not null
         order by ma.completed_at asc limit 1)
      ) b order by b.pick limit 1
    ) ${base} on true`;
}

function measureColumns(measure: RosterMeasure): SQL {
  const latest = sql.identifier(`${measure}_latest`);
  const base = sql.identifier(`${measure}_base`);
  const score = sql`${latest}.score`;
  return sql`
    ${score}::float8 as ${sql.identifier(`${measure}_score`)},
    (extract(epoch from ${latest}.completed_at) * 1000)::float8 as ${sql.identifier(`${measure}_at`)},
    ${base}.score::float8 as ${sql.identifier(`${measure}_baseline`)},
    ${bandCase(measure, score)} as ${sql.identifier(`${measure}_band`)},
    ${changeCase(measure, score, sql`${base}.score`, sql`${base}.id = ${latest}.id`)} as ${sql.identifier(`${measure}_change`)}`;
}

/**
 * The roster in ONE statement. Its shape:
 *
 *   scoped  — the clients the viewer may list (a therapist: their care team; an admin: the practice, or one
 *             therapist's team), narrowed by status and name search; `on_team` marks whose clinical data
 *             the viewer may read.
 *   facts   — one row per scoped client; each fact is a LATERAL subquery that walks that client's slice of
 *             one index (checkins' (practice, client, local_day) key, measure_administrations_client_idx,
 *             assignment_occurrences_client_due_idx, alerts_open_idx, measure_schedules_client_idx,
 *             the care_team key) and returns one row: a top-1 or a small aggregate. Clinical laterals are
 *             gated by `where s.on_team` (a one-time filter: the index is not even read), so an admin's
 *             off-team clients carry NULL clinical facts — they can be neither
 *             shown, nor filtered, nor sorted, nor ranked on them. Dates and homework counts are
 *             non-clinical metadata (docs/clinical.md §6.2) and are there for every listed client: they are read from
 *             the metadata views (checkin_days, occurrence_statuses, measure_schedule_dates), because
 *             row-level security shows an admin the clinical tables' rows of their own care team only.
 *   ranked  — adds the attention rank, a CASE built from ATTENTION_CRITERIA (lib/caseload/attention.ts).
 *   page    — filters on the facts, numbers the rows in the chosen order, keeps one page.
 *   final   — only the page's rows get the display-only facts: the 14-day mood series (the one lateral that
 *             reads many rows), the last check-in's time and mood, the next measure, the therapists' names.
 *             (A sort on one of those adds its lateral to `facts` as well.)
 *
 * No query per row: the database does the per-client work inside one plan. The total is a window count in
 * the same statement; a separate count statement (over `scoped` alone when no filter needs the facts) runs
 * only when a page past the end brings no row to carry it.
 */
export function rosterQuery(actor: Actor, view: RosterView, mode: { kind: 'page'; limit: number; offset: number } | { kind: 'count' }): SQL {
  const me = actor.membershipId;
  const today = sql`(now() at time zone ${actor.practice.timeZone})::date`;
  // MATERIALIZED: otherwise the planner inlines `on_team` (an EXISTS) into every lateral that reads it.
  const scoped = sql`
    scoped as materialized (
      select c.practice_id, c.id, c.first_name, c.last_name, c.preferred_name, c.pronouns, c.status, c.intake_date,
        exists (select 1 from care_team t where t.practice_id = c.practice_id and t.client_id = c.id and t.membership_id = ${me}) as on_team
      from clients c
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
        last_ci.local_day as last_day,
        (${today} - last_ci.local_day) as days_since_checkin,
        ${sql.join(ROSTER_MEASURES.map(measureColumns), sql`,`)},
        coalesce(hw.due, 0) as hw_due, coalesce(hw.done, 0) as hw_done, coalesce(hw.overdue, 0) as overdue,
        al.urgent as urgent_alerts, al.follow_up as follow_up_alerts
        ${sortBy === 'mood' ? sql`, ci_detail.mood as sort_mood` : sql``}
        ${sortBy === 'nextMeasure' ? sql`, nm.due_on as sort_next_due` : sql``}
        ${sortBy === 'therapist' ? sql`, th.names as sort_therapist` : sql``}
      from scoped s
      ${lastCheckinFacts(actor, view, today)}
      ${sql.join(ROSTER_MEASURES.map(measureLaterals), sql` `)}
      ${homeworkFacts(actor, view)}
      left join lateral (
        select count(*) filter (where a.tier = 'urgent')::int as urgent,
               count(*) filter (where a.tier = 'follow_up')::int as follow_up
        from alerts a
        where s.on_team and a.practice_id = s.practice_id and a.client_id = s.id and a.acknowledged_at is null
      ) al on true
      ${sortBy === 'mood' ? checkinDetailLateral(s) : sql``}
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
      p.on_team, p.today, ci_detail.local_day::text as last_day, (${today} - ci_detail.local_day) as days_since_checkin,
      (extract(epoch from ci_detail.updated_at) * 1000)::float8 as last_checkin_at, ci_detail.mood as last_mood,
      p.phq9_score, p.phq9_at, p.phq9_baseline, p.phq9_band, p.phq9_change,
      p.gad7_score, p.gad7_at, p.gad7_baseline, p.gad7_band, p.gad7_change,
      p.hw_due, p.hw_done, p.overdue, p.urgent_alerts, p.follow_up_alerts,
      nm.due_on::text as next_due, case when p.on_team then nm.measure end as next_measure, th.names as therapist_names,
      p.attention_rank, p.total::int as total, spark.points::text as mood_points
    from page p
    ${checkinDetailLateral(p)}
    ${nextMeasureLateral(p, today)}
    ${therapistNamesLateral(p)}
    left join lateral (
      select json_agg(json_build_array(ci.local_day::text, ci.mood) order by ci.local_day) as points
      from checkins ci
      where p.on_team and ci.practice_id = p.practice_id and ci.client_id = p.id
        -- today's date as an expression of now(), not the page's text column: it is then an index condition
        -- on checkins_client_day_key (a range scan of 14 days), not a filter over the client's whole year.
        and ci.local_day > ${today} - ${number(SPARKLINE_DAYS)}
    ) spark on true
    order by p.pos`;
}
