import { sql } from 'drizzle-orm';
import { APP_ROLE } from './config';
import { type DatabaseHandle, runScoped } from './connection';
import { rowsOf } from './rows';


/**
 * Asserts the second access wall on the live database: the application's role has no way
 * around row-level security, and every table that holds a practice's data is covered by it.
 * Returns the problems found; an empty list means the wall holds.
 */
export async function checkAccessWalls(handle: DatabaseHandle): Promise<string[]> {
  const problems: string[] = [];
  await runScoped(handle.app, {}, async (tx) => {
    const [role] = rowsOf(
      await tx.execute(
        sql`select current_user as name, rolsuper, rolbypassrls from pg_roles where rolname = current_user`,
      ),
    );
    if (role?.name !== APP_ROLE) problems.push(`The app runs as ${String(role?.name)}, not ${APP_ROLE}.`);
    if (role?.rolsuper) problems.push(`${APP_ROLE} is a superuser.`);
    if (role?.rolbypassrls) problems.push(`${APP_ROLE} can bypass row-level security.`);
    if (handle.kind === 'postgres') {
      const [session] = rowsOf(
        await tx.execute(sql`select session_user as name, rolsuper from pg_roles where rolname = session_user`),
      );
      if (session?.name !== APP_ROLE) problems.push(`The app connects as ${String(session?.name)}, not ${APP_ROLE}.`);
    }
    const owned = rowsOf(
      await tx.execute(sql`select c.relname from pg_class c join pg_roles r on r.oid = c.relowner
                            where r.rolname = current_user and c.relnamespace = 'public'::regnamespace`),
    );
    if (owned.length) problems.push(`${APP_ROLE} owns ${owned.map((r) => r.relname).join(', ')}.`);

    const tables = rowsOf(
      await tx.execute(sql`
        select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
               (select count(*) from pg_policy p where p.polrelid = c.oid)::int as policies,
               exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'practice_id'
                       and not a.attisdropped) as tenant
          from pg_class c
         where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')`),
    );
    for (const t of tables) {
      const covered = t.tenant || t.name === 'practices' || t.name === 'users' || t.name === 'sessions';
      if (!covered) continue;
      if (!t.rls || !t.forced) problems.push(`Row-level security is not enabled and forced on ${String(t.name)}.`);
      if (!Number(t.policies)) problems.push(`${String(t.name)} has no row-level security policy.`);
      if (t.tenant || t.name === 'practices') {
        const [visible] = rowsOf(
          await tx.execute(sql`select exists (select 1 from ${sql.identifier(String(t.name))}) as any`),
        );
        if (visible?.any) problems.push(`${String(t.name)} shows rows with no practice set.`);
      }
    }
    const [audit] = rowsOf(
      await tx.execute(sql`select has_table_privilege(current_user, 'audit_events', 'UPDATE') as upd,
                                  has_table_privilege(current_user, 'audit_events', 'DELETE') as del`),
    );
    if (audit?.upd || audit?.del) problems.push(`${APP_ROLE} may change or delete audit events.`);
    const [session] = rowsOf(await tx.execute(sql`select has_table_privilege(current_user, 'sessions', 'DELETE') as del`));
    if (session?.del) problems.push(`${APP_ROLE} may delete sessions (they are ended, never removed).`);
  });
  return problems;
}
