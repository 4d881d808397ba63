import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Scope, runScoped } from '../../db/connection';
import { openTestDatabase } from '../support/database';
import { attemptWrite, copyOfARow, isAccessRefusal, tryInsert } from './harness/refusal';
import { recordReport } from './harness/report';
import { listTables, listTenantViews, rowsOf, snapshot } from './harness/snapshot';
import { makeWorld } from './harness/world';

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

export type RlsTally = { probes: number; crossed: string[] };

/**
 * The database wall on its own: the application's connection, with the app's filters left out
 * (no WHERE practice_id), practice B or no practice set, over every table pg_catalog lists.
 * Reads must return no row of A; writes to A's rows must be refused or touch nothing.
 */
export async function probeRls(): Promise<RlsTally> {
  const handle = await openTestDatabase();
  const owner = await handle.owner();
  const world = await makeWorld();
  const A = world.A.id;
  const B = world.B.id;
  const tally: RlsTally = { probes: 0, crossed: [] };
  const tables = await listTables();
  const tenant = tables.filter((t) => t.hasPracticeId);
  const views = await listTenantViews();
  const before = await snapshot([A], []);
  const copies = new Map<string, Record<string, unknown>>();
  for (const table of tenant) copies.set(table.name, await copyOfARow(owner, table, A));

  // Practice B as its therapist (whose care team includes B's first client, so the care-team policies
  // open B's clinical rows and only the practice wall stands between them and A's), and no practice.
  // (A user id alone opens only that user's own rows, e.g. their memberships for sign-in: by design.)
  const therapistOfB: Scope = {
    practiceId: B,
    userId: world.B.therapist.userId,
    role: 'therapist',
    membershipId: world.B.therapist.membershipId,
  };
  for (const scope of [therapistOfB, {}] as Scope[]) {
    const label = scope.practiceId ? 'practice B' : 'no practice';
    for (const table of tenant) {
      tally.probes += 1;
      const seen = await runScoped(handle.app, scope, (tx) =>
        tx.execute(sql`select count(*)::int as n from ${ident(table.name)} where practice_id = ${A}::uuid`),
      );
      const n = rowsOf<{ n: number }>(seen)[0]?.n ?? 0;
      if (n > 0) tally.crossed.push(`${table.name}: ${n} of A's rows read with ${label}`);
      // Nothing at all of any practice but B (the unfiltered read a forgotten WHERE would make).
      tally.probes += 1;
      const foreign = await runScoped(handle.app, scope, (tx) =>
        tx.execute(sql`select count(*)::int as n from ${ident(table.name)} where practice_id is distinct from ${scope.practiceId ?? null}::uuid`),
      );
      const f = rowsOf<{ n: number }>(foreign)[0]?.n ?? 0;
      if (f > 0) tally.crossed.push(`${table.name}: ${f} rows of another practice visible with ${label}`);

      tally.probes += 1;
      const inserted = await tryInsert(handle.app, table, scope, copies.get(table.name)!);
      if (inserted !== 'refused') tally.crossed.push(`${table.name}: insert into practice A with ${label}: ${inserted}`);

      for (const [verb, statement] of [
        ['update', sql`update ${ident(table.name)} set practice_id = practice_id where practice_id = ${A}::uuid`],
        ['delete', sql`delete from ${ident(table.name)} where practice_id = ${A}::uuid`],
      ] as const) {
        tally.probes += 1;
        // Zero rows (the policy's USING hides them) or a refusal (no grant); any other error is not proof.
        const outcome = await attemptWrite(() =>
          runScoped(handle.app, scope, async (tx) => {
            const r = await tx.execute(sql`with changed as (${statement} returning 1) select count(*)::int as n from changed`);
            return rowsOf<{ n: number }>(r)[0]?.n ?? 0;
          }),
        );
        if (outcome.kind === 'rows' && outcome.n > 0) tally.crossed.push(`${table.name}: ${verb} reached ${outcome.n} of A's rows with ${label}`);
        if (outcome.kind === 'error') tally.crossed.push(`${table.name}: ${verb} of A's rows with ${label} failed with ${outcome.detail}, not a refusal`);
      }

    }
    // Views run as their owner, past row-level security: each must filter by the practice itself.
    for (const view of views) {
      tally.probes += 1;
      const seen = await runScoped(handle.app, scope, (tx) =>
        tx.execute(sql`select count(*)::int as n from ${ident(view)} where practice_id is distinct from ${scope.practiceId ?? null}::uuid`),
      );
      const n = rowsOf<{ n: number }>(seen)[0]?.n ?? 0;
      if (n > 0) tally.crossed.push(`${view} (view): ${n} rows of another practice visible with ${label}`);
    }
    // The practice row itself, and the users of A.
    tally.probes += 1;
    const practices = rowsOf<{ n: number }>(
      await runScoped(handle.app, scope, (tx) => tx.execute(sql`select count(*)::int as n from practices where id = ${A}::uuid`)),
    )[0]?.n;
    if (practices) tally.crossed.push(`practices: A's row visible with ${label}`);
    tally.probes += 1;
    const members = rowsOf<{ n: number }>(
      await runScoped(handle.app, scope, (tx) =>
        tx.execute(sql`select count(*)::int as n from users where id in (${world.A.admin.userId}::uuid, ${world.A.therapist.userId}::uuid, ${world.A.clientA2.userId}::uuid)`),
      ),
    )[0]?.n;
    if (members) tally.crossed.push(`users: ${members} of A's members visible with ${label}`);
  }
  const after = await snapshot([A], []);
  const changedKeys = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
  if (changedKeys.length) tally.crossed.push(`practice A changed: ${changedKeys.join(', ')}`);
  return tally;
}

/**
 * The functions that run as the owner (SECURITY DEFINER) which the app role may call, each scoping itself or
 * taking nothing from the caller. Any other such function is for triggers or migrations only.
 */
const SELF_SCOPED_FUNCTIONS: Record<string, string> = {
  applied_migrations_through: 'the readiness check: a migration tag, no tenant data',
  deployment_has_practice: 'whether any practice exists (first start), a boolean',
  invitation_practice: "an invitation token's practice, by its hash",
  job_practices: 'the practices background jobs sweep: ids and time zones only (docs/architecture.md §3.4)',
  practice_outcome_series: "the actor's own practice's outcome counts",
  prune_idempotency_keys: 'removes expired keys only, takes no row',
  prune_pending_signups: 'removes expired sign-ups only, takes no row',
  prune_sign_in_state: 'removes old throttle rows only, takes no row',
  session_actor: 'the per-request session check, by the session id',
  sign_in_failed: 'the sign-in throttle',
  sign_in_succeeded: 'the sign-in throttle',
  sign_in_throttled: 'the sign-in throttle',
};

describe('row-level security on its own', () => {
  it('no function that reads the transaction\'s settings is IMMUTABLE (a cached plan would keep the first scope it saw)', async () => {
    const owner = await (await openTestDatabase()).owner();
    const folded = rowsOf<{ name: string }>(
      await owner.execute(sql`
        select p.proname as name from pg_proc p
         where p.pronamespace = 'public'::regnamespace and p.provolatile = 'i' and p.prosrc ilike '%current_setting%'`),
    );
    expect(folded.map((f) => f.name)).toEqual([]);
  });

  it('functions that run as the owner read only the real tables, and the app role calls only the self-scoping ones', async () => {
    const owner = await (await openTestDatabase()).owner();
    const fns = rowsOf<{ name: string; config: string[] | string | null; app: boolean; everyone: boolean }>(
      await owner.execute(sql`
        select p.proname as name, p.proconfig as config,
               has_function_privilege('mend_app', p.oid, 'EXECUTE') as app,
               coalesce(exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                                 where a.grantee = 0 and a.privilege_type = 'EXECUTE'), false) as everyone
          from pg_proc p where p.pronamespace = 'public'::regnamespace and p.prosecdef order by 1`),
    );
    expect(fns.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const f of fns) {
      const config = Array.isArray(f.config) ? f.config : f.config ? String(f.config).replace(/^{|}$/g, '').split(/,(?=[a-z_]+=)/) : [];
      const path = config.map((c) => c.replace(/^"|"$/g, '')).find((c) => c.startsWith('search_path='));
      // Unpinned, the caller's search_path applies; pinned without pg_temp last, the caller's temporary tables
      // are searched first and can stand in for the real ones.
      if (!path) problems.push(`${f.name}: no fixed search_path`);
      else if (!/,\s*pg_temp$/.test(path)) problems.push(`${f.name}: ${path} does not end in pg_temp`);
      if (f.everyone) problems.push(`${f.name}: executable by PUBLIC`);
      if (f.app && !(f.name in SELF_SCOPED_FUNCTIONS)) problems.push(`${f.name}: the app role may call it directly`);
    }
    expect(problems).toEqual([]);
  });

  it('job_practices, which lists every practice, gives ids and time zones only, and only to the app role', async () => {
    const owner = await (await openTestDatabase()).owner();
    const [fn] = rowsOf<{ result: string; grantees: string[] | string }>(
      await owner.execute(sql`
        select pg_get_function_result(p.oid) as result,
               array(select coalesce(r.rolname, 'PUBLIC') from aclexplode(p.proacl) a
                       left join pg_roles r on r.oid = a.grantee
                      where a.privilege_type = 'EXECUTE' and a.grantee <> p.proowner order by 1) as grantees
          from pg_proc p where p.pronamespace = 'public'::regnamespace and p.proname = 'job_practices'`),
    );
    // Any column added here reaches every practice's data from any app transaction (no scope is needed to call it).
    expect(fn?.result).toBe('TABLE(id uuid, time_zone text)');
    const grantees = Array.isArray(fn?.grantees) ? fn.grantees : String(fn?.grantees).replace(/^{|}$/g, '').split(',');
    expect(grantees).toEqual(['mend_app']);
  });

  it('every tenant table has forced row-level security', async () => {
    const tables = await listTables();
    const weak = tables.filter((t) => (t.hasPracticeId || t.name === 'practices' || t.name === 'users') && !(t.rls && t.forced));
    expect(weak.map((t) => t.name)).toEqual([]);
    const untenanted = tables.filter((t) => !t.hasPracticeId).map((t) => t.name);
    // Tables without practice_id are either scoped by other policies or hold no practice data.
    expect(untenanted.sort()).toEqual(['practices', 'sessions', 'sign_in_throttle', 'users']);
  });

  it('with practice B or no practice set, no row of practice A is read, written or added', async ({ task }) => {
    const tally = await probeRls();
    recordReport(task, { rls: { probes: tally.probes, crossed: tally.crossed.length } });
    expect(tally.crossed).toEqual([]);
    expect(tally.probes).toBeGreaterThan(100);
  });

  it('audit rows cannot be changed or removed by the application role, even in their own practice', async () => {
    const world = await makeWorld();
    const handle = await openTestDatabase();
    const scope = { practiceId: world.A.id };
    await expect(runScoped(handle.app, scope, (tx) => tx.execute(sql`update audit_events set action = 'rewritten'`))).rejects.toSatisfy(isAccessRefusal);
    await expect(runScoped(handle.app, scope, (tx) => tx.execute(sql`delete from audit_events`))).rejects.toSatisfy(isAccessRefusal);
    await expect(runScoped(handle.app, scope, (tx) => tx.execute(sql`truncate audit_events`))).rejects.toSatisfy(isAccessRefusal);
  });
});
