import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runScoped } from '../../db/connection';
import { addMembership, addToCareTeam } from '../../db/seed/factories';
import { actorScope } from '../../lib/access/scope';
import { loadActor } from '../../lib/auth/actor';
import { verifyCredentials } from '../../lib/auth/credentials';
import { switchSessionPractice } from '../../lib/auth/practices';
import type { Actor } from '../../lib/auth/types';
import { deactivateMember } from '../../lib/practice/actions';
import { openTestDatabase } from '../support/database';
import { actAs } from '../support/factories';
import { copyOfARow, tryInsert } from './harness/refusal';
import { recordReport } from './harness/report';
import { listTables, rowsOf } from './harness/snapshot';
import { makeWorld } from './harness/world';

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/**
 * One login in two practices: A's therapist (on A1's care team) also works at B, on the care team of
 * B's first client, so the care-team policies would open both practices' clinical rows and only the
 * practice carried by the session stands between them. With the session in A, every tenant table read
 * through the actor's own scope (no filter of the app's) shows nothing of B and takes no row into B;
 * switched to B, the same holds the other way round. A's rows are seen while in A, so the probes bite.
 */
describe('a session carries one practice, whatever else its person belongs to', () => {
  it('in practice A nothing of practice B is read or written, and the other way round after switching', async ({ task }) => {
    const world = await makeWorld();
    const handle = await openTestDatabase();
    const owner = await handle.owner();
    const A = world.A.id;
    const B = world.B.id;
    const person = world.A.therapist;
    const inB = await addMembership(owner, B, person.userId, 'therapist');
    await addToCareTeam(owner, B, world.B.clientA1.clientId, inB.id);

    const claims = (await verifyCredentials({ email: person.email, password: world.password }))!;
    const tenant = (await listTables()).filter((t) => t.hasPracticeId);
    const crossed: string[] = [];
    let probes = 0;
    let accepted = 0;
    let ownSeen = 0;

    const probeFrom = async (actor: Actor, other: string, label: string) => {
      for (const table of tenant) {
        probes += 1;
        const foreign = await runScoped(handle.app, actorScope(actor), (tx) =>
          tx.execute(sql`select count(*)::int as n from ${ident(table.name)} where practice_id is distinct from ${actor.practiceId}::uuid`),
        );
        const n = rowsOf<{ n: number }>(foreign)[0]?.n ?? 0;
        if (n > 0) crossed.push(`${table.name}: ${n} rows of another practice read from a session in ${label}`);
        const own = await runScoped(handle.app, actorScope(actor), (tx) => tx.execute(sql`select count(*)::int as n from ${ident(table.name)}`));
        ownSeen += rowsOf<{ n: number }>(own)[0]?.n ?? 0;
        probes += 1;
        const copy = await copyOfARow(owner, table, other);
        const inserted = await tryInsert(handle.app, table, actorScope(actor), copy);
        if (inserted !== 'refused') crossed.push(`${table.name}: insert into the other practice from a session in ${label}: ${inserted}`);
      }
    };

    await switchSessionPractice(claims, person.membershipId);
    const inA = (await loadActor(claims))!;
    expect(inA.practiceId).toBe(A);
    await probeFrom(inA, B, 'A');
    expect(ownSeen).toBeGreaterThan(tenant.length);

    ownSeen = 0;
    await switchSessionPractice(claims, inB.id);
    const inPracticeB = (await loadActor(claims))!;
    expect(inPracticeB.practiceId).toBe(B);
    await probeFrom(inPracticeB, A, 'B');
    expect(ownSeen).toBeGreaterThan(0);

    // Deactivated in A: a session moved back there is refused at once, and it cannot be moved there again.
    await switchSessionPractice(claims, person.membershipId);
    actAs(world.A.admin, A);
    expect(await deactivateMember(null, { membershipId: person.membershipId })).toMatchObject({ ok: true });
    probes += 1;
    if (await loadActor(claims)) accepted += 1;
    const again = (await verifyCredentials({ email: person.email, password: world.password }))!;
    expect(again.practiceId).toBe(B);
    probes += 1;
    const moved = await switchSessionPractice(again, person.membershipId).then(() => true, () => false);
    if (moved || (await loadActor(again))?.practiceId === A) accepted += 1;

    recordReport(task, { rls: { probes: probes - 2, crossed: crossed.length }, sessions: { probes: 2, accepted } });
    expect(crossed).toEqual([]);
    expect(accepted).toBe(0);
  });
});
