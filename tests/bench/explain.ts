/**
 * EXPLAIN (ANALYZE, BUFFERS) of the roster query on the scale practice, as the app runs it: on the app role,
 * inside the scoped transaction, for therapist 01 (their care team) or the admin (every client).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { resolveDatabaseConfig } from '../../db/config';
import { type Db, openDatabase, runScoped } from '../../db/connection';
import { actorScope } from '../../lib/access/scope';
import type { Actor } from '../../lib/auth/types';
import { rosterQuery } from '../../lib/caseload/roster-sql';
import { DEFAULT_VIEW } from '../../lib/caseload/view';
import { SCALE_TIME_ZONE, scaleEmail } from './scale-data';

/** Therapist 01 or the scale practice's admin, as the app resolves an actor (its care team is read by the roster). */
export async function scaleActor(owner: Db, role: 'therapist' | 'admin'): Promise<Actor> {
  const email = role === 'admin' ? scaleEmail.admin('scale') : scaleEmail.therapist('scale', 1);
  const [me] = (await owner.execute(sql`
    select m.id as membership_id, m.practice_id, u.id as user_id from memberships m join users u on u.id = m.user_id
    where u.email = ${email}`)) as unknown as Record<string, string>[];
  if (!me) throw new Error(`No ${email}: run npm run seed:scale first.`);
  return {
    sessionId: randomUUID(),
    userId: me.user_id!,
    membershipId: me.membership_id!,
    practiceId: me.practice_id!,
    role,
    name: 'Bench',
    email,
    clientId: null,
    careTeamClientIds: new Set(),
    hasOtherPractices: false,
    practice: { name: 'Scale Practice', timeZone: SCALE_TIME_ZONE, safetyQuestionEnabled: true, idleTimeoutMinutes: 15, isDemo: false },
  };
}

export async function explainRoster(url: string, role: 'therapist' | 'admin'): Promise<string> {
  const handle = await openDatabase(resolveDatabaseConfig({ DATABASE_URL: url }));
  try {
    const actor = await scaleActor(await handle.owner(), role);
    const query = rosterQuery(actor, DEFAULT_VIEW, { kind: 'page', limit: DEFAULT_VIEW.size, offset: 0 });
    // The actor's own scope, so the care-team policies are in the plan.
    const rows = await runScoped(handle.app, actorScope(actor), (tx) =>
      tx.execute(sql`explain (analyze, buffers) ${query}`),
    );
    return (rows as unknown as Record<string, string>[]).map((r) => Object.values(r)[0]).join('\n');
  } finally {
    await handle.close();
  }
}
