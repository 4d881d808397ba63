import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../db/rows';
import type { Db } from '../../../db/connection';
import { ownerScoped } from '../../../db/seed/factories';
import { openTestDatabase } from '../../support/database';

export { rowsOf };

export type TableInfo = { name: string; hasPracticeId: boolean; rls: boolean; forced: boolean; columns: string[] };

/** Every table of the public schema, from pg_catalog: a new table is covered without anyone listing it. */
export async function listTables(db?: Db): Promise<TableInfo[]> {
  const owner = db ?? (await (await openTestDatabase()).owner());
  const result = await owner.execute(sql`
    select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
           array(select a.attname::text from pg_attribute a
                 where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped order by a.attnum) as columns
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by c.relname`);
  return rowsOf<{ name: string; rls: boolean; forced: boolean; columns: string[] | string }>(result).map((r) => {
    const columns = Array.isArray(r.columns) ? r.columns : String(r.columns).replace(/^{|}$/g, '').split(',');
    return { name: r.name, rls: r.rls, forced: r.forced, columns, hasPracticeId: columns.includes('practice_id') };
  });
}

/** Every view of the public schema that carries practice_id, from pg_catalog (the metadata views and any new one). */
export async function listTenantViews(db?: Db): Promise<string[]> {
  const owner = db ?? (await (await openTestDatabase()).owner());
  const result = await owner.execute(sql`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('v', 'm')
       and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'practice_id' and not a.attisdropped)
     order by c.relname`);
  return rowsOf<{ name: string }>(result).map((r) => r.name);
}

export const tenantTables = async () => (await listTables()).filter((t) => t.hasPracticeId);

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

let cachedTenant: Promise<TableInfo[]> | null = null;

/**
 * A fingerprint of everything the given practices hold (each tenant table, the practice row) and of
 * the given users' rows, read on the owner connection. Keys are `table@practice#client` (`#-` for rows of no client) and `users@id`.
 */
export async function snapshot(practiceIds: string[], userIds: string[]): Promise<Map<string, string>> {
  const db = await (await openTestDatabase()).owner();
  cachedTenant ??= tenantTables();
  const tables = await cachedTenant;
  const out = new Map<string, string>();
  for (const practiceId of practiceIds) {
    await ownerScoped(db, practiceId, async (tx) => {
      const parts = tables.map((t) => {
        const client = t.columns.includes('client_id') ? sql`coalesce(x.client_id::text, '-')` : sql`'-'`;
        return sql`select ${t.name}::text as t, ${client} as c, count(*)::int as n, md5(string_agg(x::text, '|' order by x::text)) as h from ${ident(t.name)} x where x.practice_id = ${practiceId}::uuid group by 2`;
      });
      parts.push(
        sql`select 'practices'::text as t, '-' as c, count(*)::int as n, md5(string_agg(x::text, '|' order by x::text)) as h from practices x where x.id = ${practiceId}::uuid`,
      );
      const result = await tx.execute(sql.join(parts, sql` union all `));
      for (const row of rowsOf<{ t: string; c: string; n: number; h: string }>(result)) out.set(`${row.t}@${practiceId}#${row.c}`, `${row.n}:${row.h}`);
    });
  }
  if (userIds.length) {
    const result = await ownerScoped(db, null, (tx) =>
      tx.execute(sql`select id::text as id, md5(x::text) as h from users x where x.id in (${sql.join(userIds.map((id) => sql`${id}::uuid`), sql`, `)})`),
    );
    for (const row of rowsOf<{ id: string; h: string }>(result)) out.set(`users@${row.id}`, row.h);
  }
  return out;
}

/** Keys whose fingerprint differs between two snapshots. */
export function diff(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}
