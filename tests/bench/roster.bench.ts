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
import { SCALE_TIME_ZONE, seedScalePractice } from './scale-data';

const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mend_bench';
const RESEED = process.env.BENCH_RESEED === '1';
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TZ = SCALE_TIME_ZONE;

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
  await seedScalePractice(owner, { id, name, prefix: name, passwordHash: null, clients, therapists, days: 365, clientLogins: 0 });
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
    hasOtherPractices: false,
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
