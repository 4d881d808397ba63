/**
 * The roster statement alone, timed as the app runs it: on the app role, inside the actor's scoped transaction
 * (runScoped), as a named prepared statement on one connection (so after five executions Postgres runs its generic
 * plan, as a long-lived pool connection does). Median and p90 of RUNS executions after WARMUP, per view and actor.
 *
 *   APP_DATABASE_POOL_SIZE=1 SCALE_DATABASE_URL=postgres://postgres@127.0.0.1:5432/mend_scale \
 *     npx tsx --conditions=react-server tests/bench/roster-timing.ts [--runs 15] [--warmup 8]
 *
 * Set ROSTER_BASELINE to a module exporting `rosterQuery` (another version of lib/caseload/roster-sql.ts) to time
 * it interleaved with the current one, call by call, and check both return the same rows.
 */
import { parseArgs } from 'node:util';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { resolveDatabaseConfig } from '../../db/config';
import { type Db, openDatabase, runScoped } from '../../db/connection';
import { executePrepared } from '../../db/prepared';
import { actorScope } from '../../lib/access/scope';
import type { Actor } from '../../lib/auth/types';
import { rosterQuery } from '../../lib/caseload/roster-sql';
import { DEFAULT_VIEW, type RosterView } from '../../lib/caseload/view';
import { scaleActor } from './explain';

type Build = typeof rosterQuery;

const VIEWS: { name: string; role: 'therapist' | 'admin'; view: RosterView }[] = [
  { name: 'therapist default', role: 'therapist', view: DEFAULT_VIEW },
  { name: 'therapist name', role: 'therapist', view: { ...DEFAULT_VIEW, sort: 'name' } },
  {
    name: 'therapist phq9 desc, any alert',
    role: 'therapist',
    view: { ...DEFAULT_VIEW, sort: 'phq9', dir: 'desc', alert: 'any' },
  },
  { name: 'therapist disengaged', role: 'therapist', view: { ...DEFAULT_VIEW, disengaged: true } },
  { name: 'therapist overdue', role: 'therapist', view: { ...DEFAULT_VIEW, overdue: true } },
  { name: 'admin default', role: 'admin', view: DEFAULT_VIEW },
  { name: 'admin name', role: 'admin', view: { ...DEFAULT_VIEW, sort: 'name' } },
  {
    name: 'admin phq9 desc, any alert',
    role: 'admin',
    view: { ...DEFAULT_VIEW, sort: 'phq9', dir: 'desc', alert: 'any' },
  },
  { name: 'admin disengaged', role: 'admin', view: { ...DEFAULT_VIEW, disengaged: true } },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)]!;

/** EXPLAIN (ANALYZE, BUFFERS) of the statement's generic plan (what a prepared statement runs after five executions). */
async function explainGeneric(app: Db, actor: Actor, query: SQL): Promise<string> {
  const { sql: text, params } = new PgDialect().sqlToQuery(query);
  const quote = (v: unknown) => (v === null ? 'null' : `'${String(v).replace(/'/g, "''")}'`);
  return runScoped(app, actorScope(actor), async (tx) => {
    await tx.execute(sql`set local plan_cache_mode = ${sql.raw(process.env.PLAN_MODE ?? 'force_generic_plan')}`);
    await tx.execute(sql.raw(`prepare roster_generic as ${text}`));
    await tx.execute(sql.raw(`execute roster_generic(${params.map(quote).join(', ')})`));
    const rows = (await tx.execute(
      sql.raw(`explain (analyze, buffers) execute roster_generic(${params.map(quote).join(', ')})`),
    )) as unknown as Record<string, string>[];
    await tx.execute(sql`deallocate roster_generic`);
    return rows.map((r) => Object.values(r)[0]).join('\n');
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '8' },
      only: { type: 'string' },
      explain: { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  const warmup = Number(values.warmup);
  const url = process.env.SCALE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mend_scale';
  const baseline: Build | null = process.env.ROSTER_BASELINE
    ? ((await import(process.env.ROSTER_BASELINE)) as { rosterQuery: Build }).rosterQuery
    : null;
  const handle = await openDatabase(resolveDatabaseConfig({ DATABASE_URL: url }));
  try {
    const owner = await handle.owner();
    const actors: Record<'therapist' | 'admin', Actor> = {} as never;
    for (const role of ['therapist', 'admin'] as const) actors[role] = await scaleActor(owner, role);
    const once = async (actor: Actor, query: SQL) =>
      runScoped(handle.app, actorScope(actor), async (tx) => {
        await tx.execute(sql`select 1`);
        const t0 = performance.now();
        const rows = await executePrepared<Record<string, unknown>>(tx, query);
        return { ms: performance.now() - t0, rows };
      });
    for (const { name, role, view } of VIEWS) {
      if (values.only && !name.includes(values.only)) continue;
      const actor = actors[role];
      const mode = { kind: 'page' as const, limit: view.size, offset: 0 };
      // On the database's clock, as the app runs it (an `at` would be a parameter, which the generic plan costs apart).
      const current = rosterQuery(actor, view, mode);
      const before = baseline?.(actor, view, mode);
      if (values.explain) {
        console.log(`---- ${name}\n${await explainGeneric(handle.app, actor, current)}`);
        if (before) console.log(`---- ${name} (baseline)\n${await explainGeneric(handle.app, actor, before)}`);
        continue;
      }
      const a: number[] = [];
      const b: number[] = [];
      let same = true;
      for (let i = 0; i < warmup + runs; i++) {
        const x = await once(actor, current);
        if (i >= warmup) a.push(x.ms);
        if (before) {
          const y = await once(actor, before);
          if (i >= warmup) b.push(y.ms);
          if (i === 0 && JSON.stringify(y.rows) !== JSON.stringify(x.rows)) same = false;
        }
      }
      const plans = async (query: SQL) => {
        const text = new PgDialect().sqlToQuery(query).sql;
        const [row] = (await handle.app.execute(
          sql`select generic_plans, custom_plans from pg_prepared_statements where statement = ${text}`,
        )) as unknown as { generic_plans: number; custom_plans: number }[];
        return row ? `${row.generic_plans}g/${row.custom_plans}c` : 'not prepared';
      };
      const fmt = (xs: number[]) => `${median(xs).toFixed(2)} ms (p90 ${p90(xs).toFixed(2)})`;
      console.log(
        before
          ? `${name.padEnd(34)} before ${fmt(b)}  after ${fmt(a)}  ${(median(b) / median(a)).toFixed(2)}x${same ? '' : '  ROWS DIFFER'}  plans ${await plans(before)} → ${await plans(current)}`
          : `${name.padEnd(34)} ${fmt(a)}  plans ${await plans(current)}`,
      );
    }
  } finally {
    await handle.close();
  }
}

await main();
