import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runScoped } from '../../db/connection';
import { openTestDatabase } from '../support/database';
import { recordReport } from './harness/report';
import { type TableInfo, listTables, rowsOf, snapshot } from './harness/snapshot';
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
  const before = await snapshot([A], []);

  // (A user id alone opens only that user's own rows, e.g. their memberships for sign-in: by design.)
  for (const scope of [{ practiceId: B }, {}] as const) {
    const label = 'practiceId' in scope ? 'practice B' : 'no practice';
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
        tx.execute(sql`select count(*)::int as n from ${ident(table.name)} where practice_id is distinct from ${'practiceId' in scope ? B : null}::uuid`),
      );
      const f = rowsOf<{ n: number }>(foreign)[0]?.n ?? 0;
      if (f > 0) tally.crossed.push(`${table.name}: ${f} rows of another practice visible with ${label}`);

      for (const [verb, statement] of [
        ['update', sql`update ${ident(table.name)} set practice_id = practice_id where practice_id = ${A}::uuid`],
        ['delete', sql`delete from ${ident(table.name)} where practice_id = ${A}::uuid`],
      ] as const) {
        tally.probes += 1;
        const changed = await runScoped(handle.app, scope, async (tx) => {
          const r = await tx.execute(sql`with changed as (${statement} returning 1) select count(*)::int as n from changed`);
          return rowsOf<{ n: number }>(r)[0]?.n ?? 0;
        }).catch(() => 0); // a refusal (no grant) is as good as 0 rows
        if (changed > 0) tally.crossed.push(`${table.name}: ${verb} reached ${changed} of A's rows with ${label}`);
      }

      tally.probes += 1;
      const inserted = await insertCopyOfARow(owner, handle.app, table, A, scope);
      if (inserted) tally.crossed.push(`${table.name}: inserted a row into practice A with ${label}`);
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

/** Takes one of A's rows (owner-side), gives it a new id, and tries to insert it through the app connection. */
async function insertCopyOfARow(
  owner: Awaited<ReturnType<Awaited<ReturnType<typeof openTestDatabase>>['owner']>>,
  app: Awaited<ReturnType<typeof openTestDatabase>>['app'],
  table: TableInfo,
  practiceId: string,
  scope: { practiceId?: string; userId?: string },
): Promise<boolean> {
  const rows = await owner.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.practice_id', ${practiceId}, true)`);
    return rowsOf<{ j: Record<string, unknown> }>(
      await tx.execute(sql`select row_to_json(x) as j from ${ident(table.name)} x where x.practice_id = ${practiceId}::uuid limit 1`),
    );
  });
  const row = rows[0]?.j;
  if (!row) throw new Error(`${table.name} has no row of practice A: add one in tests/security/harness/fixtures.ts`);
  const copy = { ...row };
  if ('id' in copy) copy.id = randomUUID();
  for (const unique of ['token_hash', 'submission_key', 'key']) if (unique in copy) copy[unique] = `${String(copy[unique])}-copy`;
  try {
    await runScoped(app, scope, (tx) =>
      tx.execute(sql`insert into ${ident(table.name)} select * from json_populate_record(null::${ident(table.name)}, ${JSON.stringify(copy)}::json)`),
    );
    return true;
  } catch {
    return false;
  }
}

describe('row-level security on its own', () => {
  it('every tenant table has forced row-level security', async () => {
    const tables = await listTables();
    const weak = tables.filter((t) => (t.hasPracticeId || t.name === 'practices' || t.name === 'users') && !(t.rls && t.forced));
    expect(weak.map((t) => t.name)).toEqual([]);
    const untenanted = tables.filter((t) => !t.hasPracticeId).map((t) => t.name);
    // Tables without practice_id are either scoped by other policies or hold no practice data.
    expect(untenanted.sort()).toEqual(['practices', 'sign_in_throttle', 'users']);
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
    await expect(runScoped(handle.app, scope, (tx) => tx.execute(sql`update audit_events set action = 'rewritten'`))).rejects.toThrow();
    await expect(runScoped(handle.app, scope, (tx) => tx.execute(sql`delete from audit_events`))).rejects.toThrow();
    await expect(runScoped(handle.app, scope, (tx) => tx.execute(sql`truncate audit_events`))).rejects.toThrow();
  });
});
