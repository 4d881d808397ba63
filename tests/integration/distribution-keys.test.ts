import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import { openTestDatabase } from '../support/database';

/**
 * Ready for a distributed Postgres (Citus, distributing every tenant table by practice_id and co-locating them):
 * Citus needs the distribution column in every primary key and unique constraint, and in every foreign key
 * between distributed tables. Tables without practice_id are global (Citus reference tables, or kept on the
 * coordinator); they are named here, so a new one is a decision, not an accident.
 */
const GLOBAL_TABLES: Record<string, string> = {
  practices: 'the tenants themselves; distributed by their own id (the practice id), co-located with the rest',
  users: 'logins: one person may belong to several practices, so a login is not any one practice’s row',
  sign_in_throttle: 'failed sign-in counters, before any practice is known',
  sessions: "a login's signed-in browsers, which move between its practices (like users)",
};

async function catalog() {
  const owner = await (await openTestDatabase()).owner();
  const tables = rowsOf(
    await owner.execute(sql`
      select c.relname as name,
             exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'practice_id' and not a.attisdropped) as tenant
        from pg_class c
       where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
       order by 1`),
  ) as { name: string; tenant: boolean }[];
  // Every key: primary keys, unique constraints and unique indexes, and foreign keys with both sides' columns.
  const keys = rowsOf(
    await owner.execute(sql`
      select c.relname as "table", k.conname as name, k.contype as kind,
             array(select a.attname::text from unnest(k.conkey) as n join pg_attribute a on a.attrelid = k.conrelid and a.attnum = n) as columns,
             f.relname as "references",
             array(select a.attname::text from unnest(k.confkey) as n join pg_attribute a on a.attrelid = k.confrelid and a.attnum = n) as "referencedColumns"
        from pg_constraint k
        join pg_class c on c.oid = k.conrelid
        left join pg_class f on f.oid = k.confrelid
       where c.relnamespace = 'public'::regnamespace and k.contype in ('p', 'u', 'f')
      union all
      select c.relname, i.relname, 'i',
             array(select a.attname::text from unnest(x.indkey::int2[]) as n join pg_attribute a on a.attrelid = x.indrelid and a.attnum = n),
             null, null
        from pg_index x
        join pg_class c on c.oid = x.indrelid
        join pg_class i on i.oid = x.indexrelid
       where c.relnamespace = 'public'::regnamespace and x.indisunique and not x.indisprimary
         and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)`),
  ) as { table: string; name: string; kind: 'p' | 'u' | 'f' | 'i'; columns: string[]; references: string | null; referencedColumns: string[] | null }[];
  return { tables, keys };
}

describe('schema ready to distribute by practice_id', () => {
  it('every table either carries practice_id or is a named global table', async () => {
    const { tables } = await catalog();
    const unexplained = tables.filter((t) => !t.tenant && !GLOBAL_TABLES[t.name]).map((t) => t.name);
    expect(unexplained, 'a table without practice_id: add practice_id, or name it in GLOBAL_TABLES with the reason').toEqual([]);
    const stale = Object.keys(GLOBAL_TABLES).filter((name) => !tables.some((t) => t.name === name));
    expect(stale, 'GLOBAL_TABLES names a table that no longer exists').toEqual([]);
  });

  it('every tenant table’s primary key and unique keys include practice_id', async () => {
    const { tables, keys } = await catalog();
    const tenant = new Set(tables.filter((t) => t.tenant).map((t) => t.name));
    expect(tenant.size).toBeGreaterThan(10);
    const withoutPk = [...tenant].filter((name) => !keys.some((k) => k.table === name && k.kind === 'p'));
    expect(withoutPk).toEqual([]);
    const offending = keys
      .filter((k) => tenant.has(k.table) && (k.kind === 'p' || k.kind === 'u' || k.kind === 'i') && !k.columns.includes('practice_id'))
      .map((k) => `${k.table}.${k.name} (${k.columns.join(', ')})`);
    expect(offending).toEqual([]);
  });

  it('every foreign key between tenant tables includes practice_id on both sides; others point at global tables', async () => {
    const { tables, keys } = await catalog();
    const tenant = new Set(tables.filter((t) => t.tenant).map((t) => t.name));
    const offending = keys
      .filter((k) => k.kind === 'f' && tenant.has(k.table))
      .filter((k) => {
        const target = k.references ?? '';
        if (target === 'practices') return !(k.columns.length === 1 && k.columns[0] === 'practice_id');
        if (GLOBAL_TABLES[target]) return false; // a reference table: Citus allows these
        const at = k.columns.indexOf('practice_id');
        return at === -1 || k.referencedColumns?.[at] !== 'practice_id';
      })
      .map((k) => `${k.table}.${k.name} (${k.columns.join(', ')}) → ${k.references}(${k.referencedColumns?.join(', ')})`);
    expect(offending).toEqual([]);
  });
});
