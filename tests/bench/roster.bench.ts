/**
 * Roster query benchmark: a practice of 5,000 clients with a year of daily check-ins each, against a
 * small practice of 30 with the same per-client history. Not part of `npm test`.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/mend_bench \
 *     npx vitest run --config tests/bench/vitest.config.ts        (BENCH_RESEED=1 to rebuild the data)
 *
 * The database named in BENCH_DATABASE_URL is created (from the server's `postgres` database) and migrated
 * if missing; it is a separate database, never the development one. Seeding is set-based SQL
 * (generate_series), about 2.2 million rows; a second run reuses it unless BENCH_RESEED=1.
 */
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { test } from 'vitest';
import { sql } from 'drizzle-orm';
import { resolveDatabaseConfig } from '../../db/config';
import { type Db, openDatabase, runScoped } from '../../db/connection';
import { migrateDatabase } from '../../db/migrate';
import { actorScope } from '../../lib/access/scope';
import type { Actor } from '../../lib/auth/types';
import { queryRoster, rosterQuery } from '../../lib/caseload/roster';
import { DEFAULT_VIEW, type RosterView } from '../../lib/caseload/view';

const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mend_bench';
const RESEED = process.env.BENCH_RESEED === '1';
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TZ = 'America/New_York';

type Practice = { id: string; adminMembership: string; therapistMembership: string; clients: number };

async function ensureDatabase() {
  const target = new URL(URL_);
  const name = target.pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name) || name === 'mend_dev' || name === 'postgres') throw new Error(`Refusing to bench in database ${name}`);
  const admin = new URL(URL_);
  admin.pathname = '/postgres';
  const server = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  const exists = await server`select 1 from pg_database where datname = ${name}`;
  if (exists.length && RESEED) {
    await server.unsafe(`drop database ${name} with (force)`);
  }
  if (!exists.length || RESEED) await server.unsafe(`create database ${name}`);
  await server.end();
}

/** One practice: `therapists` therapists sharing `clients` clients round-robin, each with a year of history. */
async function seedPractice(owner: Db, name: string, clients: number, therapists: number): Promise<Practice> {
  const id = randomUUID();
  const ex = (q: ReturnType<typeof sql>) => owner.execute(q);
  await owner.transaction(async (tx) => {
    const run = (q: ReturnType<typeof sql>) => tx.execute(q);
    await run(sql`select set_config('app.practice_id', ${id}, true)`);
    await run(sql`insert into practices (id, name, time_zone) values (${id}, ${name}, ${TZ})`);
    await run(sql`
      insert into users (id, email, name, status)
      select gen_random_uuid(), ${name} || '-t' || g || '@bench.example', 'Therapist ' || g, 'active'
      from generate_series(0, ${therapists}) g`);
    await run(sql`
      insert into memberships (practice_id, id, user_id, role)
      select ${id}, gen_random_uuid(), u.id, case when u.email like '%-t0@%' then 'admin'::member_role else 'therapist'::member_role end
      from users u where u.email like ${`${name}-t%@bench.example`}`);
    await run(sql`
      insert into clients (practice_id, id, first_name, last_name, pronouns, status, intake_date)
      select ${id}, gen_random_uuid(), 'Client', 'Number ' || lpad(g::text, 5, '0'), 'they/them',
        (case when g % 20 = 0 then 'paused' when g % 33 = 0 then 'discharged' else 'active' end)::client_status,
        current_date - 400
      from generate_series(1, ${clients}) g`);
    // Round-robin care teams over the therapists (not the admin).
    await run(sql`
      with t as (select m.id, row_number() over (order by u.email) - 1 as n from memberships m join users u on u.id = m.user_id
                 where m.practice_id = ${id} and m.role = 'therapist'),
           c as (select id, row_number() over (order by last_name) - 1 as n from clients where practice_id = ${id})
      insert into care_team (practice_id, client_id, membership_id)
      select ${id}, c.id, t.id from c join t on t.n = c.n % ${therapists}`);
    await run(sql`
      insert into checkins (practice_id, client_id, local_day, mood, distress, "window")
      select c.practice_id, c.id, current_date - d, (abs(hashtext(c.id::text || d)) % 11), (abs(hashtext(d || c.id::text)) % 11) * 10, 'within'
      from clients c cross join generate_series(0, 364) d
      where c.practice_id = ${id} and abs(hashtext(c.id::text)) % 10 <> 0 or (c.practice_id = ${id} and d > 9)`);
    await run(sql`
      insert into measure_administrations (practice_id, client_id, measure, status, answers, score, raw_score, band, is_baseline, submission_key, completed_at)
      select c.practice_id, c.id, m.key, 'complete', '{}'::jsonb, s.score, s.score, null, false, gen_random_uuid()::text, now() - (k * 30 || ' days')::interval
      from clients c cross join (values ('phq9', 27), ('gad7', 21)) m(key, max) cross join generate_series(0, 11) k
      cross join lateral (select (abs(hashtext(c.id::text || m.key || k)) % (m.max + 1))::real as score) s
      where c.practice_id = ${id}`);
    await run(sql`
      insert into alerts (practice_id, client_id, kind, tier, reason, source_type, source_id, raised_at, acknowledged_at)
      select c.practice_id, c.id, 'bench', case when abs(hashtext(c.id::text)) % 50 = 0 then 'urgent' else 'follow_up' end, 'bench', 'measure',
        gen_random_uuid(), now() - interval '2 days', case when abs(hashtext(c.id::text || 'ack')) % 4 = 0 then null else now() end
      from clients c where c.practice_id = ${id} and abs(hashtext(c.id::text || 'alert')) % 5 = 0`);
    const creator = sql`(select m.id from memberships m where m.practice_id = ${id} and m.role = 'therapist' limit 1)`;
    await run(sql`
      insert into assignments (practice_id, id, client_id, kind, template_key, template_version, start_date, time_zone, recurrence, created_by_membership_id)
      select c.practice_id, gen_random_uuid(), c.id, 'exercise', 'journaling_prompt', 1, current_date - 364, ${TZ}, '{"kind":"weekly","end":{"count":53}}', ${creator}
      from clients c where c.practice_id = ${id}`);
    await run(sql`
      insert into assignment_occurrences (practice_id, assignment_id, client_id, index, local_date, due_at, status)
      select a.practice_id, a.id, a.client_id, w, a.start_date + w * 7, (a.start_date + w * 7) + time '20:00',
        case when a.start_date + w * 7 > current_date then 'due'
             when abs(hashtext(a.id::text || w)) % 4 = 0 then 'missed' else 'submitted' end
      from assignments a cross join generate_series(0, 52) w where a.practice_id = ${id}`);
    await run(sql`
      insert into measure_schedules (practice_id, client_id, measure, every_days, start_date)
      select c.practice_id, c.id, m.key, m.every, current_date - 200
      from clients c cross join (values ('phq9', 14), ('gad7', 28)) m(key, every) where c.practice_id = ${id}`);
  });
  await ex(sql`analyze`);
  return describePractice(owner, id);
}

async function describePractice(owner: Db, id: string): Promise<Practice> {
  const rows = (await owner.execute(sql`
    select
      (select m.id from memberships m where m.practice_id = ${id} and m.role = 'admin' limit 1) as admin,
      (select ct.membership_id from care_team ct where ct.practice_id = ${id} group by ct.membership_id order by count(*) desc limit 1) as therapist,
      (select count(*)::int from clients where practice_id = ${id}) as clients`)) as unknown as Record<string, unknown>[];
  const r = rows[0]!;
  return { id, adminMembership: String(r.admin), therapistMembership: String(r.therapist), clients: Number(r.clients) };
}

async function findPractice(owner: Db, name: string): Promise<Practice | null> {
  const rows = (await owner.execute(sql`select id from practices where name = ${name}`)) as unknown as { id: string }[];
  return rows[0] ? describePractice(owner, rows[0].id) : null;
}

function actorOf(p: Practice, role: 'admin' | 'therapist'): Actor {
  return {
    sessionId: randomUUID(),
    userId: randomUUID(),
    membershipId: role === 'admin' ? p.adminMembership : p.therapistMembership,
    practiceId: p.id,
    role,
    name: 'Bench',
    email: 'bench@bench.example',
    clientId: null,
    careTeamClientIds: new Set(),
    practice: { name: 'Bench', timeZone: TZ, safetyQuestionEnabled: true, idleTimeoutMinutes: 15, isDemo: false },
  };
}

async function time(app: Db, actor: Actor, view: RosterView): Promise<{ median: number; p95: number; rows: number; total: number }> {
  const samples: number[] = [];
  let rows = 0;
  let total = 0;
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = performance.now();
    // Scoped as the app scopes the actor, so the care-team policies' cost is in the numbers.
    const page = await runScoped(app, actorScope(actor), (tx) => queryRoster(tx, actor, view));
    const ms = performance.now() - t0;
    if (i >= 2) samples.push(ms); // two warm-up runs
    rows = page.rows.length;
    total = page.total;
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, p95: samples[Math.floor(samples.length * 0.95)]!, rows, total };
}

async function main() {
  await ensureDatabase();
  const handle = await openDatabase(resolveDatabaseConfig({ DATABASE_URL: URL_ }));
  try {
    await migrateDatabase(handle);
    const owner = await handle.owner();
    let t0 = performance.now();
    const large = (await findPractice(owner, 'bench-large')) ?? (await seedPractice(owner, 'bench-large', 5000, 100));
    const small = (await findPractice(owner, 'bench-small')) ?? (await seedPractice(owner, 'bench-small', 30, 3));
    console.log(`data ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const counts = (await owner.execute(sql`select (select count(*) from checkins)::int as checkins, (select count(*) from assignment_occurrences)::int as occurrences, (select count(*) from measure_administrations)::int as measures`)) as unknown as Record<string, number>[];
    console.log('rows:', counts[0]);

    if (process.env.BENCH_EXPLAIN) {
      const actor = actorOf(large, process.env.BENCH_EXPLAIN === 'therapist' ? 'therapist' : 'admin');
      const plan = await runScoped(handle.app, actorScope(actor), (tx) =>
        tx.execute(sql`explain (analyze, buffers) ${rosterQuery(actor, DEFAULT_VIEW, { kind: 'page', limit: 25, offset: 0 })}`),
      );
      console.log((plan as unknown as Record<string, string>[]).map((r) => Object.values(r)[0]).join('\n'));
    }

    const scenarios: [string, RosterView][] = [
      ['needs attention, page 1', DEFAULT_VIEW],
      ['sorted by PHQ-9, any alert', { ...DEFAULT_VIEW, sort: 'phq9', dir: 'desc', alert: 'any' }],
      ['search "number 0042"', { ...DEFAULT_VIEW, q: 'number 0042' }],
      ['disengaged, page 3', { ...DEFAULT_VIEW, disengaged: true, page: 3 }],
    ];
    t0 = performance.now();
    const results: string[] = [];
    for (const role of ['admin', 'therapist'] as const) {
      for (const [label, view] of scenarios) {
        const big = await time(handle.app, actorOf(large, role), view);
        const tiny = await time(handle.app, actorOf(small, role), view);
        results.push(
          `${role.padEnd(9)} ${label.padEnd(30)} large ${big.median.toFixed(1).padStart(7)} ms (p95 ${big.p95.toFixed(1)}, ${big.total} clients)  ` +
            `small ${tiny.median.toFixed(1).padStart(6)} ms (${tiny.total} clients)  ratio ${(big.median / tiny.median).toFixed(1)}×`,
        );
      }
    }
    console.log(results.join('\n'));
    console.log(`timed in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${RUNS} runs each (median)`);
  } finally {
    await handle.close();
  }
}

test('roster query: 5,000 clients with a year of daily check-ins vs a small practice', main);
