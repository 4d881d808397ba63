import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Scope, runScoped } from '../../db/connection';
import { actorScope } from '../../lib/access/scope';
import { openTestDatabase } from '../support/database';
import { actorFor } from '../support/factories';
import { attemptWrite, copyOfARow, isAccessRefusal, tryInsert } from './harness/refusal';
import { recordReport } from './harness/report';

import { listTenantViews, rowsOf, tenantTables } from './harness/snapshot';
import { type ActorKey, makeWorld } from './harness/world';

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/** Tenant tables with a client_id that hold no clinical content (docs/clinical.md §6.2), and why. */
const NOT_CLINICAL: Record<string, string> = {
  audit_events: 'who did what, ids only; read by admins',
  invitations: 'an account invitation (email, role); managed by admins',
  care_team: 'who treats whom; a client sees only their own (probed below)',
};

/** The read-only metadata views (db/migrations 0005): admins read every client's, others as the tables. */
const METADATA_VIEWS = ['checkin_days', 'measure_schedule_dates', 'occurrence_statuses', 'assignment_outlines', 'submission_statuses', 'alert_statuses', 'client_checkin_dates'];

/** Inside practice A: who must see none of client A1's clinical rows. */
const OUTSIDERS = ['clientA2', 'therapistA', 'adminA'] as const satisfies readonly ActorKey[];

export type CareTeamTally = { probes: number; crossed: string[]; blind: string[] };

/**
 * The care-team wall alone: raw statements on the application's connection, in a transaction scoped
 * exactly as the actor's (lib/access/scope.ts actorScope), with the app's own filters left out.
 * A client of A, a therapist off A1's care team and an admin off it read none of A1's clinical rows
 * and can change or add none; A1 and their care team do see them (else the probe proves nothing).
 */
export async function probeCareTeamRls(): Promise<CareTeamTally> {
  const handle = await openTestDatabase();
  const owner = await handle.owner();
  const world = await makeWorld();
  const A = world.A.id;
  const victim = world.A.clientA1.clientId;
  const tally: CareTeamTally = { probes: 0, crossed: [], blind: [] };
  const scopeOf = async (key: 'clientA1' | 'therapistA1' | (typeof OUTSIDERS)[number]): Promise<Scope> => {
    const person = world.actors[key].person!;
    const actor = await actorFor(person, A);
    if (!actor) throw new Error(`${key} did not resolve to an actor`);
    return actorScope(actor);
  };
  const count = async (scope: Scope, from: string, where: ReturnType<typeof sql>) =>
    rowsOf<{ n: number }>(await runScoped(handle.app, scope, (tx) => tx.execute(sql`select count(*)::int as n from ${ident(from)} where ${where}`)))[0]?.n ?? 0;

  const clinical = (await tenantTables()).filter((t) => t.columns.includes('client_id') && !(t.name in NOT_CLINICAL));
  if (clinical.length < 11) throw new Error(`only ${clinical.length} clinical tables found`);
  const ofVictim = sql`client_id = ${victim}::uuid`;
  const copies = new Map<string, Record<string, unknown>>();
  for (const table of clinical) copies.set(table.name, await copyOfARow(owner, table, A, ofVictim));

  // The circle sees A1's rows: a table the fixture left empty, or a policy that hides too much, shows here.
  for (const key of ['clientA1', 'therapistA1'] as const) {
    const scope = await scopeOf(key);
    for (const table of clinical) {
      if ((await count(scope, table.name, ofVictim)) === 0) tally.blind.push(`${key} sees none of A1's ${table.name}`);
    }
  }

  for (const key of OUTSIDERS) {
    const scope = await scopeOf(key);
    for (const table of clinical) {
      tally.probes += 1;
      const seen = await count(scope, table.name, ofVictim);
      if (seen > 0) tally.crossed.push(`${table.name}: ${key} read ${seen} of A1's rows`);

      tally.probes += 1;
      const inserted = await tryInsert(handle.app, table, scope, copies.get(table.name)!);
      if (inserted !== 'refused') tally.crossed.push(`${table.name}: ${key}'s insert of a row for A1: ${inserted}`);

      for (const [verb, statement] of [
        ['update', sql`update ${ident(table.name)} set client_id = client_id where ${ofVictim}`],
        ['delete', sql`delete from ${ident(table.name)} where ${ofVictim}`],
      ] as const) {
        tally.probes += 1;
        const outcome = await attemptWrite(() =>
          runScoped(handle.app, scope, async (tx) => {
            const r = await tx.execute(sql`with changed as (${statement} returning 1) select count(*)::int as n from changed`);
            return rowsOf<{ n: number }>(r)[0]?.n ?? 0;
          }),
        );
        if (outcome.kind === 'rows' && outcome.n > 0) tally.crossed.push(`${table.name}: ${key}'s ${verb} reached ${outcome.n} of A1's rows`);
        if (outcome.kind === 'error') tally.crossed.push(`${table.name}: ${key}'s ${verb} failed with ${outcome.detail}, not a refusal`);
      }

    }

    // The metadata views: an admin reads every client's (by design); the others none of A1's. Nobody writes.
    for (const view of METADATA_VIEWS) {
      if (key !== 'adminA') {
        tally.probes += 1;
        const seen = await count(scope, view, ofVictim);
        if (seen > 0) tally.crossed.push(`${view}: ${key} read ${seen} of A1's rows`);
      }
      tally.probes += 1;
      const outcome = await attemptWrite(() =>
        runScoped(handle.app, scope, async (tx) => {
          const r = await tx.execute(sql`with changed as (delete from ${ident(view)} where ${ofVictim} returning 1) select count(*)::int as n from changed`);
          return rowsOf<{ n: number }>(r)[0]?.n ?? 0;
        }),
      );
      if (outcome.kind !== 'refused') tally.crossed.push(`${view}: ${key}'s delete was not refused (${JSON.stringify(outcome)})`);
    }
  }

  // The client record and the care team: a client sees only their own, a therapist their care team's.
  for (const key of ['clientA2', 'therapistA'] as const) {
    const scope = await scopeOf(key);
    tally.probes += 1;
    const seen = await count(scope, 'clients', sql`id = ${victim}::uuid`);
    if (seen > 0) tally.crossed.push(`clients: ${key} read A1's record`);
    tally.probes += 1;
    const renamed = await attemptWrite(() =>
      runScoped(handle.app, scope, async (tx) =>
        rowsOf(await tx.execute(sql`update clients set first_name = 'Renamed' where id = ${victim}::uuid returning 1`)).length,
      ),
    );
    if (!(renamed.kind === 'refused' || (renamed.kind === 'rows' && renamed.n === 0))) tally.crossed.push(`clients: ${key} renamed A1 (${JSON.stringify(renamed)})`);
    // A1's login and membership name them as a client of this practice just as the record does.
    const login = world.A.clientA1.userId;
    tally.probes += 1;
    if ((await count(scope, 'users', sql`id = ${login}::uuid`)) > 0) tally.crossed.push(`users: ${key} read A1's login`);
    tally.probes += 1;
    if ((await count(scope, 'memberships', sql`user_id = ${login}::uuid`)) > 0) tally.crossed.push(`memberships: ${key} read A1's membership`);
    tally.probes += 1;
    const renamedLogin = await attemptWrite(() =>
      runScoped(handle.app, scope, async (tx) =>
        rowsOf(await tx.execute(sql`update users set name = 'Renamed' where id = ${login}::uuid returning 1`)).length,
      ),
    );
    if (!(renamedLogin.kind === 'refused' || (renamedLogin.kind === 'rows' && renamedLogin.n === 0))) tally.crossed.push(`users: ${key} renamed A1's login (${JSON.stringify(renamedLogin)})`);
  }
  tally.probes += 1;
  const team = await count(await scopeOf('clientA2'), 'care_team', ofVictim);
  if (team > 0) tally.crossed.push(`care_team: clientA2 read ${team} of A1's care-team rows`);
  tally.probes += 1;
  const privateNotes = await count(await scopeOf('clientA1'), 'submission_comments', sql`${ofVictim} and visibility = 'private'`);
  if (privateNotes > 0) tally.crossed.push(`submission_comments: A1 read ${privateNotes} private note(s)`);
  return tally;
}

describe('row-level security inside a practice: clients and care teams', () => {
  it('a client, a therapist off the care team and an admin off it read, change and add none of another client\'s clinical rows', async ({ task }) => {
    const tally = await probeCareTeamRls();
    recordReport(task, { rls: { probes: tally.probes, crossed: tally.crossed.length } });
    expect(tally.blind).toEqual([]);
    expect(tally.crossed).toEqual([]);
    expect(tally.probes).toBeGreaterThan(100);
  });

  it('every view of a practice\'s data is probed: a new one fails here until it is listed', async () => {
    expect(await listTenantViews()).toEqual([...METADATA_VIEWS].sort());
  });

  it('only a refusal counts as one: a duplicate key or a foreign-key error is not', () => {
    const wrap = (cause: object) => Object.assign(new Error('Failed query: insert …'), { cause });
    expect(isAccessRefusal(wrap({ code: '42501', message: 'new row violates row-level security policy for table "checkins"' }))).toBe(true);
    expect(isAccessRefusal(wrap({ code: '42501', message: 'permission denied for table audit_events' }))).toBe(true);
    expect(isAccessRefusal(wrap({ code: '23505', message: 'duplicate key value violates unique constraint "checkins_pkey"' }))).toBe(false);
    expect(isAccessRefusal(wrap({ code: '23503', message: 'insert or update on table "alerts" violates foreign key constraint' }))).toBe(false);
  });

  it('an admin on a client\'s care team reads that client\'s clinical rows, and only theirs', async () => {
    const world = await makeWorld();
    const handle = await openTestDatabase();
    const owner = await handle.owner();
    await owner.execute(sql`insert into care_team (practice_id, client_id, membership_id)
      values (${world.A.id}::uuid, ${world.A.clientA1.clientId}::uuid, ${world.A.admin.membershipId}::uuid)`);
    const admin = (await actorFor(world.A.admin, world.A.id))!;
    const seen = rowsOf<{ client_id: string }>(
      await runScoped(handle.app, actorScope(admin), (tx) => tx.execute(sql`select distinct client_id::text from checkins`)),
    );
    expect(seen.map((r) => r.client_id)).toEqual([world.A.clientA1.clientId]);
  });

  it('row-level security allows alerts to admins after the same escalation window as the app', async () => {
    const { OUR_RULES } = await import('../../lib/measures/rules');
    const handle = await openTestDatabase();
    const owner = await handle.owner();
    const policy = rowsOf<{ qual: string }>(
      await owner.execute(sql`select pg_get_expr(polqual, polrelid) as qual from pg_policy where polname = 'care_team_read' and polrelid = 'alerts'::regclass`),
    )[0]?.qual;
    expect(policy).toContain(`'${OUR_RULES.urgentEscalationHours}:00:00'::interval`);
  });
});
